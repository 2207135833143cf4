#!/usr/bin/env python3
"""How well `werger align`'s confidence sends wrong beads to review (stdlib only).

Builds held-out sets with Scripts/make_align_devset.py (or takes --devset DIR...), aligns each language
with `werger align --batch` (with --batch-size 1: each pair alone), and judges every bead against the
gold: right when its source and target text are a gold link's, or when it is one of a run of 1-1 beads
that together cover a gold 1-1 link exactly (an NTREX line of two sentences, which Werger rightly
pairs sentence by sentence). Prints, per binary, how well the confidence ranks wrong beads below right ones
(the area under the ROC curve) and, per threshold, the share of beads listed for review, the share of
wrong beads among them, and the share of wrong beads among those kept (at or above the threshold:
not listed; the null beads among them are not stored either).

usage: eval_confidence.py [--binary .build/release/werger] [--baseline OLD] [--seeds 2,3,4]
                          [--no-recuts] [--rate 0.15] [--batch-size N] [--thresholds 0.5,0.8,0.9,0.95]
                          [--devset DIR ...] [--shared ../shared]
"""
import argparse
import bisect
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
import eval_alignment  # noqa: E402  (batches of N documents)


def canon(text):
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace())


def bounds(sentences):
    out, pos = [0], 0
    for sentence in sentences:
        pos += len(canon(sentence))
        out.append(pos)
    return out


def judged(binary, devset, lang, batch_size, scratch):
    """(confidence, right) for every bead Werger gives for one language of one set."""
    gold = {}
    with open(os.path.join(devset, "gold.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            gold[record["id"]] = record
    beads_of = {}
    for src, tgt in eval_alignment.batches(devset, lang, batch_size, tempfile.mkdtemp(dir=scratch)):
        run = subprocess.run([binary, "align", "--batch", src, tgt, "--from", "en", "--to", lang, "--format", "jsonl",
                              "--memory", os.path.join(scratch, "no-memory")], capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"eval_confidence: werger align failed for {lang}: {run.stderr.strip()}")
        for line in run.stdout.splitlines():
            bead = json.loads(line)
            name = bead["document"][:-4] if bead["document"].endswith(".txt") else bead["document"]
            beads_of.setdefault(name, []).append(bead)
    rows = []
    for name, beads in beads_of.items():
        record = gold[f"{name}.{lang}"]
        gs, gt = bounds(record["src_sentences"]), bounds(record["tgt_sentences"])
        links = {((gs[s[0]], gs[s[-1] + 1]) if s else None, (gt[t[0]], gt[t[-1] + 1]) if t else None): (len(s), len(t))
                 for s, t in record["links"]}
        spans, sp, tp = [], 0, 0
        for bead in beads:
            s0, t0 = sp, tp
            sp += sum(len(canon(x)) for x in bead["source"])
            tp += sum(len(canon(x)) for x in bead["target"])
            spans.append(((s0, sp) if bead["source"] else None, (t0, tp) if bead["target"] else None))
        right = [span in links for span in spans]
        one_to_one = [len(b["source"]) == 1 and len(b["target"]) == 1 for b in beads]
        for x in range(len(beads)):
            if right[x] or not one_to_one[x]:
                continue
            for y in range(x + 1, min(len(beads), x + 4)):
                if not one_to_one[y]:
                    break
                # A gold 1-1 link only: a 2-2 re-cut paired half by half is wrong.
                if links.get(((spans[x][0][0], spans[y][0][1]), (spans[x][1][0], spans[y][1][1]))) == (1, 1):
                    for z in range(x, y + 1):
                        right[z] = True
                    break
        rows += [(bead["confidence"], ok) for bead, ok in zip(beads, right)]
    return rows


def report(name, rows, thresholds):
    wrong = [c for c, ok in rows if not ok]
    right = sorted(c for c, ok in rows if ok)
    # The chance that a random right bead has a higher confidence than a random wrong one (ties half).
    below = sum(bisect.bisect_left(right, c) + 0.5 * (bisect.bisect_right(right, c) - bisect.bisect_left(right, c)) for c in wrong)
    auc = 1 - below / max(1, len(wrong) * len(right))
    print(f"{name}: {len(rows)} beads, {len(wrong)} wrong ({100 * len(wrong) / max(1, len(rows)):.2f}%), "
          f"AUC {auc:.3f}")
    for threshold in thresholds:
        flagged = [ok for c, ok in rows if c < threshold]
        caught = sum(1 for ok in flagged if not ok)
        kept = len(rows) - len(flagged)
        print(f"  below {threshold}: {100 * len(flagged) / max(1, len(rows)):.1f}% of beads for review, "
              f"{100 * caught / max(1, len(wrong)):.0f}% of the wrong ones; kept beads "
              f"{100 * (len(wrong) - caught) / max(1, kept):.2f}% wrong")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/werger"))
    parser.add_argument("--baseline")
    parser.add_argument("--seeds", default="2,3,4")
    parser.add_argument("--no-recuts", action="store_true")
    parser.add_argument("--rate", type=float, default=0.15)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--thresholds", default="0.5,0.8,0.9,0.95")
    parser.add_argument("--devset", nargs="*")
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = parser.parse_args()
    thresholds = [float(x) for x in args.thresholds.split(",")]
    scratch = tempfile.mkdtemp()
    sets = args.devset or []
    if not sets:
        corpus = os.path.join(args.shared, "corpora", "ntrex128")
        if not os.path.isdir(corpus):
            print(f"eval_confidence: {corpus} is absent; skipped")
            return
        for seed in args.seeds.split(","):
            out = os.path.join(scratch, f"heldout-{seed}")
            command = [sys.executable, os.path.join(ROOT, "Scripts", "make_align_devset.py"), out, "--split", "heldout",
                       "--seed", seed, "--rate", str(args.rate), "--corpus", corpus] + (["--no-recuts"] if args.no_recuts else [])
            subprocess.run(command, check=True, capture_output=True)
            sets.append(out)
    for name, binary in [("werger", args.binary)] + ([("baseline", args.baseline)] if args.baseline else []):
        rows = [row for devset in sets for lang in ("ar", "ckb", "kmr") if os.path.isdir(os.path.join(devset, lang))
                for row in judged(binary, devset, lang, args.batch_size, scratch)]
        report(name, rows, thresholds)
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
