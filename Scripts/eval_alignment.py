#!/usr/bin/env python3
"""Alignment quality: run `werger align --batch --format jsonl` over a development set built by
Scripts/make_align_devset.py, turn the beads into the scorer's prediction format (with Werger's own
segmentation as src_sentences/tgt_sentences), score with ../shared/eval/alignment/score.py, and
optionally check floors (Scripts/alignment-floors.tsv or another file: pair, link type, minimum F1 %).

usage: eval_alignment.py [--binary .build/debug/werger] [--devset DIR] [--split dev|heldout|all]
                         [--seed 1] [--shared ../shared] [--floors [FILE]] [--learn-words] [--batch-size N] [--rate 0.15]
                         [--one-paragraph] [--merge-paragraphs 0.25] [--no-recuts] [--layout lines|headline|sentences|sentence-paragraphs]
                         [--segmented] [--spread [N]] [--by-sentence] [--verbose]
Without --devset the set is built in a temporary folder from ../shared (skipped when it is absent).
--spread scores 5,000 random samples of a third of the set's documents per pair (as many as a held-out
third holds) and names the documents with the most missed links: how much a pair's figure depends on
which documents are judged.
--by-sentence also scores the beads with a run of 1-1 beads that covers exactly one gold link merged into
it: NTREX lines that hold two sentences on both sides are one gold link, and an aligner that pairs them
sentence by sentence (what a memory wants) makes three wrong links of it. Not the issue's figure — how
much of the gap to it is the gold's grain rather than the aligner.
"""
import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
import make_align_devset  # noqa: E402  (the set's shape options, shared)


def batches(devset, lang, size, scratch):
    """The language's (source, target) folders: the set's own, or folders of `size` documents each
    (links to the set's files, in name order) — a newsroom aligning a few articles at a time."""
    src, tgt = os.path.join(devset, lang, "src"), os.path.join(devset, lang, "tgt")
    if not size:
        return [(src, tgt)]
    names = sorted(os.listdir(src))
    folders = []
    for k in range(0, len(names), size):
        part = os.path.join(scratch, "batches", lang, str(k // size))
        for side, folder in (("src", src), ("tgt", tgt)):
            os.makedirs(os.path.join(part, side))
            for name in names[k:k + size]:
                os.symlink(os.path.join(folder, name), os.path.join(part, side, name))
        folders.append((os.path.join(part, "src"), os.path.join(part, "tgt")))
    return folders


def predict(binary, devset, lang, memory, weights=None, learn_words=False, batch_size=None, scratch=None, segmented=False):
    start = time.time()
    output = []
    for src, tgt in batches(devset, lang, batch_size, scratch):
        run = subprocess.run([binary, "align", "--batch", src, tgt, "--from", "en", "--to", lang, "--format", "jsonl",
                              "--memory", memory] + (["--weights", weights] if weights else [])
                             + (["--learn-words"] if learn_words else []) + (["--segmented"] if segmented else []),
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            raise SystemExit(f"eval: werger align failed for {lang} (exit {run.returncode})")
        output += run.stdout.splitlines()
    elapsed = time.time() - start
    docs = {}
    for line in output:
        bead = json.loads(line)
        doc = docs.setdefault(bead["document"], {"src": [], "tgt": [], "links": []})
        si = list(range(len(doc["src"]), len(doc["src"]) + len(bead["source"])))
        ti = list(range(len(doc["tgt"]), len(doc["tgt"]) + len(bead["target"])))
        doc["src"] += bead["source"]
        doc["tgt"] += bead["target"]
        doc["links"].append([si, ti])
    records = []
    for name, doc in docs.items():
        docid = name[:-4] if name.endswith(".txt") else name
        records.append({"id": f"{docid}.{lang}", "src_sentences": doc["src"], "tgt_sentences": doc["tgt"],
                        "links": doc["links"]})
    return records, elapsed


def galechurch_predictions(gold_path):
    """Gale-Church on the gold sentences of each document (the true splits, no paragraph marks)."""
    import galechurch
    records = []
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            result = galechurch.align(g["src_sentences"], g["tgt_sentences"])
            links = []
            for text in result.to_pharaoh_lines():
                left, right = text.split(":")
                parse = lambda side: [int(x) for x in side.strip("[]").split(",") if x.strip()]
                links.append([parse(left), parse(right)])
            records.append({"id": g["id"], "links": links})
    return records


def document_counts(scorer, gold_path, records):
    """Per language pair and document: [gold links found, gold links, predicted links], counted as the
    scorer counts them (its own span keys, imported from score.py); a link found is a prediction right."""
    score = load_scorer(scorer)
    predicted = {r["id"]: r for r in records}
    counts = {}
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)
            gsp, _ = score.spans(gold["src_sentences"])
            gtp, _ = score.spans(gold["tgt_sentences"])
            gold_keys = {(score.link_key(s, gsp), score.link_key(t, gtp)) for s, t in gold["links"]}
            record = predicted.get(gold["id"], {"src_sentences": [], "tgt_sentences": [], "links": []})
            psp, _ = score.spans(record["src_sentences"])
            ptp, _ = score.spans(record["tgt_sentences"])
            keys = {(score.link_key(s, psp), score.link_key(t, ptp)) for s, t in record["links"] if s or t}
            counts.setdefault(gold["tgt_lang"], {})[gold["id"]] = [len(gold_keys & keys), len(gold_keys), len(keys)]
    return counts


def merged_by_sentence(scorer, gold_path, records):
    """The records with every run of two to four 1-1 links merged into one where together, and not
    alone, they cover exactly the source and target text of a gold link (the scorer's span keys)."""
    score = load_scorer(scorer)
    with open(gold_path, encoding="utf-8") as fh:
        golds = {g["id"]: g for g in map(json.loads, fh)}
    merged = []
    for record in records:
        gold = golds.get(record["id"])
        if gold is None:
            merged.append(record)
            continue
        gsp, _ = score.spans(gold["src_sentences"])
        gtp, _ = score.spans(gold["tgt_sentences"])
        gold_keys = {(score.link_key(s, gsp), score.link_key(t, gtp)) for s, t in gold["links"]}
        psp, _ = score.spans(record["src_sentences"])
        ptp, _ = score.spans(record["tgt_sentences"])
        key = lambda s, t: (score.link_key(s, psp), score.link_key(t, ptp))
        links, out, i = record["links"], [], 0
        while i < len(links):
            taken = 1
            if len(links[i][0]) == 1 and len(links[i][1]) == 1 and key(*links[i]) not in gold_keys:
                for n in range(2, 5):
                    run = links[i:i + n]
                    if len(run) < n or any(len(s) != 1 or len(t) != 1 for s, t in run):
                        break
                    s, t = [x for l in run for x in l[0]], [x for l in run for x in l[1]]
                    if key(s, t) in gold_keys:
                        out.append([s, t])
                        taken = n
                        break
            if taken == 1:
                out.append(links[i])
            i += taken
        merged.append(dict(record, links=out))
    return merged


def load_scorer(scorer):
    spec = importlib.util.spec_from_file_location("alignment_score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def print_spread(scorer, gold_path, records, samples):
    """Link F1 over random thirds of the documents, per pair: the 5th percentile, the median, the
    95th, and how many samples reach 98 (the issue's goal)."""
    def f1(docs, table):
        found, gold, predicted = (sum(table[d][k] for d in docs) for k in range(3))
        precision, recall = found / predicted if predicted else 0, found / gold if gold else 0
        return 200 * precision * recall / (precision + recall) if precision + recall else 0
    for lang, table in sorted(document_counts(scorer, gold_path, records).items()):
        docs = sorted(table)
        size = max(1, round(len(docs) / 3))
        rng = random.Random(7)
        scores = sorted(f1(rng.sample(docs, size), table) for _ in range(samples))
        at = lambda q: scores[min(len(scores) - 1, int(q * len(scores)))]
        worst = sorted(docs, key=lambda d: table[d][0] - table[d][1])[:5]
        print(f"spread: {lang:4} {len(docs)} documents (link F1 {f1(docs, table):.2f}), {samples} samples of {size}: 5% {at(0.05):.2f}, median {at(0.5):.2f}, "
              f"95% {at(0.95):.2f}, at 98 or above {100 * sum(s >= 98 for s in scores) / len(scores):.1f}%; most links missed: "
              + ", ".join(f"{d.rsplit('.', 1)[0]} {table[d][1] - table[d][0]}" for d in worst))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/werger"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--devset")
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--floors", nargs="?", const="", metavar="FILE",
                    help="fail when a figure is below FILE (default Scripts/alignment-floors.tsv)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--weights", help="pass --weights to werger align (tuning)")
    make_align_devset.add_shape_arguments(ap)
    ap.add_argument("--learn-words", action="store_true",
                    help="align with --learn-words; --floors then reads Scripts/alignment-floors-learn-words.tsv")
    ap.add_argument("--batch-size", type=int, metavar="N",
                    help="align each language's documents N at a time (one `werger align --batch` each), not all at once")
    ap.add_argument("--segmented", action="store_true",
                    help="give Werger the true sentence splits, as the issue's hunalign figures were measured: a set of "
                         "the gold's units a line (built with --layout sentence-paragraphs unless another layout is given), "
                         "aligned with `werger align --segmented`")
    ap.add_argument("--galechurch", action="store_true",
                    help="score the Gale-Church baseline (pip install galechurch) instead, given the true sentence splits")
    ap.add_argument("--spread", nargs="?", type=int, const=5000, metavar="N",
                    help="link F1 over N random samples of a third of the documents, per pair (default 5000)")
    ap.add_argument("--by-sentence", action="store_true",
                    help="also print link F1 with gold links paired sentence by sentence counted as found (not the issue's figure)")
    a = ap.parse_args()
    if a.segmented and a.layout == "blank-lines":
        a.layout = "sentence-paragraphs"
    scorer = os.path.join(a.shared, "eval/alignment/score.py")
    if not os.path.exists(scorer) or not os.path.exists(os.path.join(a.shared, "corpora/ntrex128")):
        print(f"eval: {a.shared} is absent; the alignment evaluation runs where ../shared exists")
        return 0
    with tempfile.TemporaryDirectory(prefix="werger-align-eval-") as scratch:
        devset = a.devset
        if devset is None:
            devset = os.path.join(scratch, "devset")
            subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/make_align_devset.py"), devset,
                            "--split", a.split, "--seed", str(a.seed), "--corpus", os.path.join(a.shared, "corpora/ntrex128")]
                           + make_align_devset.shape_flags(a),
                           check=True, stdout=subprocess.DEVNULL)
        # No memory: the development set measures the aligner, not what a memory happens to hold.
        memory = os.path.join(scratch, "no-memory")
        pred = []
        langs = sorted(os.listdir(devset))
        langs = [l for l in langs if os.path.isdir(os.path.join(devset, l, "src"))]
        if a.galechurch:
            pred = galechurch_predictions(os.path.join(devset, "gold.jsonl"))
        else:
            for lang in langs:
                records, elapsed = predict(a.binary, devset, lang, memory, a.weights, a.learn_words, a.batch_size, scratch, a.segmented)
                pred += records
                print(f"eval: {lang}: {len(records)} document pairs aligned in {elapsed:.2f} s")
        pred_path = os.path.join(scratch, "pred.jsonl")
        with open(pred_path, "w", encoding="utf-8") as fh:
            for record in pred:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        args = [sys.executable, scorer, os.path.join(devset, "gold.jsonl"), pred_path] + (["--verbose"] if a.verbose else [])
        out = subprocess.run(args, capture_output=True, text=True)
        sys.stdout.write(out.stdout)
        if out.stderr.strip():
            sys.stderr.write(out.stderr)
        if a.spread:
            print_spread(scorer, os.path.join(devset, "gold.jsonl"), pred, a.spread)
        if a.by_sentence:
            merged_path = os.path.join(scratch, "pred-by-sentence.jsonl")
            with open(merged_path, "w", encoding="utf-8") as fh:
                for record in merged_by_sentence(scorer, os.path.join(devset, "gold.jsonl"), pred):
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            merged_out = subprocess.run([sys.executable, scorer, os.path.join(devset, "gold.jsonl"), merged_path],
                                        capture_output=True, text=True).stdout
            for line in merged_out.splitlines():
                m = re.match(r"^(\S+)\s+ALL\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)$", line)
                if m and m.group(1) != "pair":
                    print(f"eval: {m.group(1):4} link F1 {float(m.group(2)):6.2f} with lines paired sentence by sentence counted as found")
    table = {}
    for line in out.stdout.splitlines():
        m = re.match(r"^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", line)
        if m and m.group(1) != "pair":
            table[(m.group(1), m.group(2))] = float(m.group(7))
    nulls = {}
    for pair in {p for p, _ in table}:
        # Null beads together: F1 over 1-0 and 0-1 is reported per type by the scorer; show both.
        nulls[pair] = [table.get((pair, k)) for k in ("1-0", "0-1")]
    for pair in sorted(nulls):
        print(f"eval: {pair:4} link F1 {table.get((pair, 'ALL'), 0):6.2f}  null beads F1 1-0 {nulls[pair][0] or 0:6.2f}, 0-1 {nulls[pair][1] or 0:6.2f}")
    if a.floors is not None:
        failures = []
        floors = a.floors or ("Scripts/alignment-floors-learn-words.tsv" if a.learn_words else "Scripts/alignment-floors.tsv")
        with open(os.path.join(ROOT, floors), encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    pair, kind, floor = line.rstrip("\n").split("\t")
                    value = table.get((pair, kind))
                    if value is None or value < float(floor):
                        failures.append(f"{pair} {kind}: {value} < floor {floor}")
        if failures:
            print("eval: alignment fell below the recorded floors:\n  " + "\n  ".join(failures))
            return 1
        print("eval: every figure is at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
