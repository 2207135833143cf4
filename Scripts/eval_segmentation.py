#!/usr/bin/env python3
"""Segmentation quality ratchet: score `werger segment` on the public golden cases (../shared,
when present) and on Werger's own news fixtures, and fail if any language falls below its floor.

Floors live in Scripts/segmentation-floors.tsv (suite, language, minimum exact-case accuracy %).
Raise a floor when the segmenter improves, so quality never silently regresses.

Usage: Scripts/eval_segmentation.py [--binary .build/debug/werger] [--shared ../shared]
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def score(scorer, files, binary):
    out = subprocess.run([sys.executable, scorer, *files, "--cmd", f"{binary} segment --lang {{lang}} {{file}}"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit(f"eval: the scorer failed (exit {out.returncode})")
    table = {}
    for line in out.stdout.splitlines():
        m = re.match(r"^(\S+)\s+(\d+)\s+(\d+)\s+([\d.]+)", line)
        if m and m.group(1) != "lang":
            table[m.group(1)] = (int(m.group(2)), int(m.group(3)), float(m.group(4)))
    return table


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/werger"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    a = ap.parse_args()

    floors = {}
    with open(os.path.join(ROOT, "Scripts/segmentation-floors.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                suite, lang, floor = line.split("\t")
                floors[(suite, lang)] = float(floor)

    scorer = os.path.join(a.shared, "eval/segmentation/score.py")
    if not os.path.exists(scorer):
        print(f"eval: {scorer} is absent; the segmentation ratchet runs where ../shared exists (CI)")
        return 0
    fixtures = os.path.join(ROOT, "Tests/WergerKitTests/Fixtures/segmentation")
    suites = {
        "golden": sorted(os.path.join(a.shared, "segmentation/golden", f)
                         for f in os.listdir(os.path.join(a.shared, "segmentation/golden")) if f.endswith(".jsonl")),
        "news": sorted(os.path.join(fixtures, f) for f in os.listdir(fixtures)
                       if f.startswith(("news-", "heldout-")) and f.endswith(".jsonl")),
        # Harder cases written apart from the implementation; not every one passes yet.
        "hard": sorted(os.path.join(fixtures, f) for f in os.listdir(fixtures)
                       if f.startswith(("heldout2-", "heldout3-")) and f.endswith(".jsonl")),
    }
    failures = []
    for suite, files in suites.items():
        table = score(scorer, files, a.binary)
        for lang, (cases, exact, acc) in sorted(table.items()):
            floor = floors.get((suite, lang))
            mark = "" if floor is None else ("ok" if acc >= floor else "BELOW FLOOR")
            print(f"{suite:7} {lang:5} {exact:4}/{cases:<4} {acc:7.2f}%  floor {floor if floor is not None else '-':>6}  {mark}")
            if floor is not None and acc < floor:
                failures.append(f"{suite} {lang}: {acc:.2f}% < floor {floor}")
        for (s, lang), floor in floors.items():
            if s == suite and lang not in table:
                failures.append(f"{suite} {lang}: no cases scored (floor {floor})")
    if failures:
        print("eval: segmentation fell below the recorded floors:\n  " + "\n  ".join(failures))
        return 1
    print("eval: every language is at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
