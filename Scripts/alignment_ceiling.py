#!/usr/bin/env python3
"""The best link F1 a sentence-by-sentence aligner can score on Werger's own segments (stdlib only).

The gold links of a set made by Scripts/make_align_devset.py are NTREX lines. Werger cuts some lines
into two sentences on both sides, and rightly pairs them sentence by sentence, which the scorer counts
as wrong (a link counts only when its text is exactly a gold link's). This script takes Werger's
segments from `werger align --batch` and scores a perfect aligner that works on them:
  - a gold link whose sides are runs of whole segments is found, unless it is a 1-1 line that both
    sides hold as the same number (two or more) of segments, which it pairs one by one, or a dropped
    line of several segments, which it leaves out one by one (each such bead counts as wrong);
  - a gold link whose side begins or ends inside a segment cannot be found (one wrong bead).
Prints that ceiling per pair; Werger's own score can come no closer to 100.

usage: alignment_ceiling.py --binary .build/release/werger --devset DIR [DIR ...]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_confidence import bounds as offsets  # noqa: E402  (text offsets with spaces left out, as the scorer counts)


def segments_inside(span, cuts):
    """How many of Werger's segments make up `span`: 0 for an empty side, -1 when it is no run of them."""
    if span is None:
        return 0
    if span[0] not in cuts or span[1] not in cuts:
        return -1
    return sum(1 for cut in cuts if span[0] < cut < span[1]) + 1


def ceiling(binary, devset, lang, scratch):
    run = subprocess.run([binary, "align", "--batch", os.path.join(devset, lang, "src"), os.path.join(devset, lang, "tgt"),
                          "--from", "en", "--to", lang, "--format", "jsonl", "--memory", os.path.join(scratch, "no-memory")],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"alignment_ceiling: werger align failed for {lang}: {run.stderr.strip()}")
    beads = collections.defaultdict(list)
    for line in run.stdout.splitlines():
        bead = json.loads(line)
        beads[bead["document"][:-4] if bead["document"].endswith(".txt") else bead["document"]].append(bead)
    gold_links = predicted = found = 0
    with open(os.path.join(devset, "gold.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)
            if gold["tgt_lang"] != lang:
                continue
            document = beads[gold["id"][: -len(lang) - 1]]
            source_cuts = set(offsets([x for b in document for x in b["source"]]))
            target_cuts = set(offsets([x for b in document for x in b["target"]]))
            gs, gt = offsets(gold["src_sentences"]), offsets(gold["tgt_sentences"])
            for s, t in gold["links"]:
                gold_links += 1
                ns = segments_inside((gs[s[0]], gs[s[-1] + 1]) if s else None, source_cuts)
                nt = segments_inside((gt[t[0]], gt[t[-1] + 1]) if t else None, target_cuts)
                if ns < 0 or nt < 0:
                    predicted += 1
                elif len(s) == 1 and len(t) == 1 and ns == nt >= 2:
                    predicted += ns
                elif (not s and nt >= 2) or (not t and ns >= 2):
                    predicted += max(ns, nt)
                else:
                    predicted += 1
                    found += 1
    precision, recall = found / max(1, predicted), found / max(1, gold_links)
    return 200 * precision * recall / max(1e-9, precision + recall)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build/release/werger"))
    parser.add_argument("--devset", nargs="+", required=True)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp()
    for devset in args.devset:
        figures = [f"{lang} {ceiling(args.binary, devset, lang, scratch):.2f}" for lang in ("ar", "ckb", "kmr")
                   if os.path.isdir(os.path.join(devset, lang))]
        print(f"{os.path.basename(devset.rstrip('/'))}  " + "  ".join(figures))


if __name__ == "__main__":
    main()
