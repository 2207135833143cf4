#!/usr/bin/env python3
"""Alignment speed: Werger against a Gale-Church baseline (`pip install galechurch`, a Rust
implementation with a Python API) in the same run, on 10,000 sentence pairs made from
../shared/corpora/ntrex128 (1,997 lines, repeated five times):

  long   one document pair: the English articles five times over, and their Sorani translation;
         again with their Arabic translation (the pair with the most anchors)
  batch  615 article pairs (123 documents x 5: Sorani, Kurmanji, Arabic, Sorani, Kurmanji), one
         article per file, aligned with `werger align --batch` (one run per target language), and
         again with --learn-words (the word model on)

Articles are a headline, then paragraphs of four sentences, blank lines between paragraphs, the same
on both sides. Werger reads the article files and segments them itself; Gale-Church gets the
sentences already split (one per line, a blank line between paragraphs, as its corpus mode reads
them), so its figures leave segmentation out. Wall times, best of --runs.

With --baseline OTHER_BINARY (an earlier build), its long pair and batch are timed too, each run
right after this binary's, so a change is judged against the same machine state (this shared
machine's speed drifts by ±15% over minutes).

usage: bench_align.py [--binary .build/release/werger] [--baseline OLD] [--shared ../shared] [--runs 3]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CYCLE = ["ckb", "kmr", "ar", "ckb", "kmr"]
FILES = {"en": "eng.txt", "ckb": "ckb.txt", "kmr": "kmr.txt", "ar": "arb.txt"}


def load(corpus):
    lines = {}
    for lang, name in FILES.items():
        with open(os.path.join(corpus, name), encoding="utf-8") as fh:
            lines[lang] = fh.read().split("\n")[:1997]
    with open(os.path.join(corpus, "doc_ids.txt"), encoding="utf-8") as fh:
        ids = fh.read().split("\n")[:1997]
    docs, order = {}, []
    for k, doc in enumerate(ids):
        if doc not in docs:
            docs[doc] = []
            order.append(doc)
        docs[doc].append(k)
    return lines, docs, order


def paragraphs(rows):
    """A headline, then paragraphs of four sentences."""
    out = [rows[:1]]
    for k in range(1, len(rows), 4):
        out.append(rows[k:k + 4])
    return out


def write(path, text):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def best(runs, body):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/werger"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", help="an earlier werger binary, timed alternately with --binary")
    a = ap.parse_args()
    try:
        import galechurch
    except ImportError:
        sys.exit("bench_align: pip install galechurch first")
    lines, docs, order = load(os.path.join(a.shared, "corpora/ntrex128"))
    with tempfile.TemporaryDirectory(prefix="werger-bench-align-") as scratch:
        memory = os.path.join(scratch, "no-memory")
        # Batch: one folder pair per target language, one article per file.
        pairs = 0
        sentences = 0
        gc_batch = []  # (source paragraphs, target paragraphs) per article, sentences split
        for cycle, lang in enumerate(CYCLE):
            src_dir = os.path.join(scratch, "batch", lang, "src")
            tgt_dir = os.path.join(scratch, "batch", lang, "tgt")
            os.makedirs(src_dir, exist_ok=True)
            os.makedirs(tgt_dir, exist_ok=True)
            for doc in order:
                rows = docs[doc]
                sp = paragraphs([lines["en"][i] for i in rows])
                tp = paragraphs([lines[lang][i] for i in rows])
                name = f"{doc}.{cycle}.txt"
                write(os.path.join(src_dir, name), "\n\n".join(" ".join(p) for p in sp) + "\n")
                write(os.path.join(tgt_dir, name), "\n\n".join(" ".join(p) for p in tp) + "\n")
                gc_batch.append((sp, tp))
                pairs += 1
                sentences += len(rows)
        # Long: the English articles five times over and their Sorani translation, one file each.
        long_src = os.path.join(scratch, "long-en.txt")
        long_tgt = os.path.join(scratch, "long-ckb.txt")
        src_text, tgt_text = [], []
        long_src_sentences, long_tgt_sentences = [], []
        for _ in CYCLE:
            for doc in order:
                rows = docs[doc]
                for p in paragraphs([lines["en"][i] for i in rows]):
                    src_text.append(" ".join(p))
                    long_src_sentences += p
                for p in paragraphs([lines["ckb"][i] for i in rows]):
                    tgt_text.append(" ".join(p))
                    long_tgt_sentences += p
        write(long_src, "\n\n".join(src_text) + "\n")
        write(long_tgt, "\n\n".join(tgt_text) + "\n")
        long_pairs = len(long_src_sentences)
        # The same long pair in Arabic: the pair with the most anchors (sound keys and the dictionary's
        # letter runs on every Arabic word, when dict-freedict-eng-ara is installed).
        long_ar = os.path.join(scratch, "long-ar.txt")
        write(long_ar, "\n\n".join(" ".join(p) for _ in CYCLE for doc in order
                                   for p in paragraphs([lines["ar"][i] for i in docs[doc]])) + "\n")

        def werger_long(binary=a.binary, target=long_tgt, lang="ckb"):
            subprocess.run([binary, "align", long_src, target, "--from", "en", "--to", lang, "--format", "jsonl",
                            "--memory", memory], check=True, stdout=subprocess.DEVNULL)

        def werger_long_ar(binary=a.binary):
            werger_long(binary, long_ar, "ar")

        def werger_batch(binary=a.binary, extra=()):
            for lang in sorted(set(CYCLE)):
                subprocess.run([binary, "align", "--batch", os.path.join(scratch, "batch", lang, "src"),
                                os.path.join(scratch, "batch", lang, "tgt"), "--from", "en", "--to", lang,
                                "--format", "jsonl", "--memory", memory, *extra], check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)

        def gc_long_one_block():
            galechurch.align(long_src_sentences, long_tgt_sentences, max_block_size=(long_pairs + 1) ** 2 + 1)

        def gc_long_paragraphs():
            # Gale-Church as its corpus mode runs: each paragraph (blank-line block) aligned apart.
            for cycle in CYCLE:
                for doc in order:
                    rows = docs[doc]
                    for s, t in zip(paragraphs([lines["en"][i] for i in rows]), paragraphs([lines["ckb"][i] for i in rows])):
                        galechurch.align(s, t)

        def gc_batch_run():
            for sp, tp in gc_batch:
                for s, t in zip(sp, tp):
                    galechurch.align(s, t)

        compared = []
        if a.baseline:
            # Alternately, run by run: the baseline right after this binary, both best of --runs.
            times = {key: [] for key in ("long", "batch", "long ar", "old long", "old batch", "old long ar")}
            for run in range(a.runs):
                steps = [("long", werger_long), ("old long", lambda: werger_long(a.baseline)),
                         ("batch", werger_batch), ("old batch", lambda: werger_batch(a.baseline)),
                         ("long ar", werger_long_ar), ("old long ar", lambda: werger_long_ar(a.baseline))]
                # Every other run the baseline goes first: whichever binary runs second after a long
                # pair was ~6% faster on this machine (the same two builds swapped, ninth session).
                if run % 2:
                    steps = [steps[1], steps[0], steps[3], steps[2], steps[5], steps[4]]
                for key, body in steps:
                    start = time.perf_counter()
                    body()
                    times[key].append(time.perf_counter() - start)
            compared = [("baseline (--baseline), long pair", long_pairs, min(times["old long"])),
                        ("werger align, long pair (same runs)", long_pairs, min(times["long"])),
                        ("baseline, batch", sentences, min(times["old batch"])),
                        ("werger align --batch (same runs)", sentences, min(times["batch"])),
                        ("baseline, long pair en–ar", long_pairs, min(times["old long ar"])),
                        ("werger align, long pair en–ar (same runs)", long_pairs, min(times["long ar"]))]
        results = compared + [
            ("werger align, long pair (segments + aligns)", long_pairs, best(a.runs, werger_long)),
            ("werger align, the long pair in Arabic", long_pairs, best(a.runs, werger_long_ar)),
            ("galechurch, long pair as one block", long_pairs, best(a.runs, gc_long_one_block)),
            ("galechurch, long pair by paragraph", long_pairs, best(a.runs, gc_long_paragraphs)),
            (f"werger align --batch, {pairs} articles", sentences, best(a.runs, werger_batch)),
            ("  the same with --learn-words", sentences, best(a.runs, lambda: werger_batch(extra=("--learn-words",)))),
            (f"galechurch, {pairs} articles by paragraph", sentences, best(a.runs, gc_batch_run)),
        ]
        print(f"bench_align: {long_pairs} sentence pairs (long), {sentences} in {pairs} article pairs (batch); best of {a.runs}")
        for name, count, seconds in results:
            print(f"  {name:48} {seconds:7.3f} s  {count / seconds:10,.0f} sentence pairs/s")


if __name__ == "__main__":
    main()
