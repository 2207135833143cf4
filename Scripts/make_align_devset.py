#!/usr/bin/env python3
"""Build a sentence-alignment development set from ../shared/corpora/ntrex128 (stdlib only).

Each ntrex document (English source, human Sorani/Kurmanji/Arabic translations, line-aligned) becomes
an article pair: the headline as its own paragraph, then paragraphs of 2-5 sentences joined by spaces,
separated by blank lines, the same paragraph structure on both sides. Inside paragraphs the target
gets the edits real translations have, and the true links are recorded:
  merge  two target sentences become one (the first one's full stop becomes a comma)  -> 2-1
  split  one target sentence becomes two (at a comma or a space near its middle)       -> 1-2
  2-2    two target sentences are re-cut at a different place                          -> 2-2
  drop   a target sentence is left out (1-0), or a source sentence is (0-1)
Deterministic for a given --seed. The document ids are split once (fixed seed) into `dev` (two
thirds) and `heldout` (one third); evaluate on heldout only at the end.

Layout written to OUT:  OUT/<lang>/src/<docid>.txt, OUT/<lang>/tgt/<docid>.txt, OUT/gold.jsonl
(one record per document pair: id "<docid>.<lang>", tgt_lang, src_sentences, tgt_sentences, links).

usage: make_align_devset.py OUT [--split dev|heldout|all] [--seed 1] [--rate 0.15] [--corpus DIR] [--one-paragraph]
                           [--merge-paragraphs 0.25] [--no-recuts] [--layout blank-lines|lines|headline|sentences|sentence-paragraphs]
"""
import argparse
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = {"ckb": "ckb.txt", "kmr": "kmr.txt", "ar": "arb.txt"}
ARABIC_SCRIPT = {"ckb", "ar"}
TERMINATORS = ".۔"


def load(corpus):
    def lines(name):
        with open(os.path.join(corpus, name), encoding="utf-8") as fh:
            return fh.read().split("\n")[:1997]
    ids = lines("doc_ids.txt")
    texts = {"en": lines("eng.txt")}
    for lang, name in LANGS.items():
        texts[lang] = lines(name)
    docs = {}
    order = []
    for k, doc in enumerate(ids):
        doc = doc.strip()
        if doc not in docs:
            docs[doc] = []
            order.append(doc)
        docs[doc].append(k)
    return order, docs, texts


def split_ids(order):
    shuffled = sorted(order)
    random.Random(20261129).shuffle(shuffled)
    cut = (len(shuffled) * 2) // 3
    return set(shuffled[:cut]), set(shuffled[cut:])


def terminated(sentence):
    return sentence.rstrip().rstrip("\"'”’»)]").endswith(tuple(".!?؟…۔:"))


def capitalise(s):
    return s[:1].upper() + s[1:]


def lower_first(s):
    # Only a plain capitalised word is lowered (not an acronym or a name-like all-caps token).
    if len(s) > 1 and s[0].isupper() and s[1].islower():
        return s[0].lower() + s[1:]
    return s


def merge(t1, t2, lang):
    t1 = t1.rstrip()
    if not t1 or t1[-1] not in TERMINATORS:
        return None
    body = t1[:-1].rstrip()
    if lang in ARABIC_SCRIPT:
        return body + "، " + t2.lstrip()
    return body + ", " + lower_first(t2.lstrip())


def split_at(t, lang, rng, avoid=None):
    """Cut t into two sentences at a comma (preferred) or a space between 30% and 70% of its length."""
    n = len(t)
    lo, hi = int(n * 0.3), int(n * 0.7)
    comma = "،" if lang in ARABIC_SCRIPT else ","
    def ok(i):
        return avoid is None or abs(i - avoid) > 8
    commas = [i for i in range(lo, hi) if t[i] == comma and i + 1 < n and t[i + 1] == " " and ok(i)]
    if commas:
        i = rng.choice(commas)
        a, b = t[:i].rstrip(), t[i + 1:].lstrip()
    else:
        spaces = [i for i in range(lo, hi) if t[i] == " " and ok(i) and t[i - 1].isalpha() and t[i + 1].isalpha()]
        if not spaces:
            return None
        i = rng.choice(spaces)
        a, b = t[:i], t[i + 1:]
    if len(a) < 12 or len(b) < 12 or not b[0].isalpha():
        return None
    if lang not in ARABIC_SCRIPT:
        b = capitalise(b)
    return [a + ".", b]


def build_pair(lines_en, lines_tgt, lang, rng, rate, one_paragraph=False, merge_paragraphs=0.0, paragraph_rng=None,
               recuts=True, drops=None):
    n = len(lines_en)
    # Paragraphs: the headline alone, then 2-5 sentences each (a last single sentence joins the previous).
    sizes = [1]
    left = n - 1
    while left > 0:
        size = min(left, rng.randint(2, 5))
        if left - size == 1:
            size += 1
        sizes.append(size)
        left -= size
    paragraphs = []
    k = 0
    for size in sizes:
        paragraphs.append([[[lines_en[i]], [lines_tgt[i]]] for i in range(k, k + size)])
        k += size
    edits = max(1, round((n - 1) * rate))
    # The issue lists merges, splits and drops; 2-2 re-cuts are ours (--no-recuts leaves them out).
    kinds = ["merge", "split", "drop_tgt", "drop_src", "merge", "split"] + (["2-2"] if recuts else [])
    if drops is not None:
        # Another newsroom's mix: `drops` of the edits leave a sentence out (either side alike), the
        # rest are merges and splits alike; 2-2 re-cuts, when kept, stay one edit in seven.
        kinds = (["drop_tgt", "drop_src"] * round(50 * drops) + ["merge", "split"] * round(50 * (1 - drops))
                 + (["2-2"] * 17 if recuts else []))
    for _ in range(edits * 6):
        if edits == 0:
            break
        p = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 0
        links = paragraphs[p]
        kind = rng.choice(kinds)
        fresh = [i for i, (s, t) in enumerate(links) if len(s) == 1 and len(t) == 1 and not s[0].startswith("\0")]
        pairs = [i for i in fresh if i + 1 < len(links) and (i + 1) in fresh]
        done = False
        if kind in ("merge", "2-2") and pairs:
            i = rng.choice(pairs)
            (s1, t1), (s2, t2) = links[i], links[i + 1]
            merged = merge(t1[0], t2[0], lang)
            if merged:
                if kind == "merge":
                    links[i:i + 2] = [[s1 + s2, [merged]]]
                    done = True
                else:
                    join = len(t1[0].rstrip()) - 1
                    cut = split_at(merged, lang, rng, avoid=join)
                    if cut:
                        links[i:i + 2] = [[s1 + s2, cut]]
                        done = True
        elif kind == "split" and fresh:
            i = rng.choice(fresh)
            cut = split_at(links[i][1][0], lang, rng)
            if cut:
                links[i] = [links[i][0], cut]
                done = True
        elif kind in ("drop_tgt", "drop_src") and len(fresh) >= 1 and len(links) >= 2:
            i = rng.choice(fresh)
            links[i] = [links[i][0], []] if kind == "drop_tgt" else [[], links[i][1]]
            done = True
        if done:
            edits -= 1
    # A sentence without a final mark (a subheading, a caption) ends its paragraph on both sides: in a
    # published article it stands on a line of its own, never run into the next sentence.
    cut_paragraphs = []
    for links in paragraphs:
        current = []
        for s, t in links:
            current.append([s, t])
            if any(not terminated(x) for x in s + t):
                cut_paragraphs.append(current)
                current = []
        if current:
            cut_paragraphs.append(current)
    if one_paragraph:
        # Running text without paragraph marks: the body's paragraphs joined, except after a sentence
        # without a final mark (it still stands on a line of its own) and after the headline.
        joined = cut_paragraphs[:1]
        for links in cut_paragraphs[1:]:
            last = joined[-1][-1]
            if len(joined) > 1 and all(terminated(x) for x in last[0] + last[1]):
                joined[-1] = joined[-1] + links
            else:
                joined.append(links)
        cut_paragraphs = joined
    src_sentences, tgt_sentences, links_out = [], [], []
    src_paras, tgt_paras = [], []
    for links in cut_paragraphs:
        sp, tp = [], []
        for s, t in links:
            si = list(range(len(src_sentences), len(src_sentences) + len(s)))
            ti = list(range(len(tgt_sentences), len(tgt_sentences) + len(t)))
            src_sentences += s
            tgt_sentences += t
            sp += s
            tp += t
            links_out.append([si, ti])
        src_paras.append(" ".join(sp))
        # A translator who runs two paragraphs together (not after the headline or an unfinished line).
        if (merge_paragraphs and len(tgt_paras) > 1 and tgt_paras[-1] and terminated(tgt_paras[-1])
                and paragraph_rng.random() < merge_paragraphs):
            tgt_paras[-1] = (tgt_paras[-1] + " " + " ".join(tp)).strip()
        else:
            tgt_paras.append(" ".join(tp))
    return src_sentences, tgt_sentences, links_out, "\n\n".join(src_paras) + "\n", "\n\n".join(tgt_paras) + "\n"


def unit_lines(text, units):
    """The gold's units a line, a blank line between the paragraphs of `text` (what hunalign reads
    with paragraph marks; `werger align --segmented`)."""
    paragraphs, k = [], 0
    for paragraph in text.rstrip("\n").split("\n\n"):
        held = []
        while k < len(units) and len(" ".join(held)) < len(paragraph):
            held.append(units[k])
            k += 1
        if held:
            paragraphs.append("\n".join(held))
    return "\n\n".join(paragraphs) + "\n"


def add_shape_arguments(ap):
    """The options that shape a set beyond its split and seed (eval_alignment.py offers them too and
    passes them on with shape_flags)."""
    ap.add_argument("--rate", type=float, default=0.15, help="edits per sentence (default 0.15)")
    ap.add_argument("--one-paragraph", action="store_true",
                    help="no paragraph marks inside the body (the same edits and links as without it)")
    ap.add_argument("--merge-paragraphs", type=float, default=0.0,
                    help="share of the target's paragraph breaks a translator drops (the same edits and links)")
    ap.add_argument("--drops", type=float,
                    help="share of the edits that drop a sentence (default a third: merges, splits and drops alike)")
    ap.add_argument("--no-recuts", action="store_true",
                    help="no 2-2 re-cuts among the edits (the issue's list: merge, split, drop; other edits then)")
    ap.add_argument("--layout", choices=["blank-lines", "lines", "headline", "sentences", "sentence-paragraphs"], default="blank-lines",
                    help="how the files are written: paragraphs separated by blank lines (default), a paragraph a "
                         "line with no blank lines (an article exported so), the same with a blank line after the "
                         "headline only, a sentence a line (what hunalign reads), or the gold's units a line with a blank line "
                         "between paragraphs (`werger align --segmented`; hunalign with paragraph marks)")


def shape_flags(a):
    """The command-line flags that rebuild a set shaped as the parsed options `a` say."""
    return ((["--rate", str(a.rate)] if a.rate != 0.15 else [])
            + (["--one-paragraph"] if a.one_paragraph else [])
            + (["--merge-paragraphs", str(a.merge_paragraphs)] if a.merge_paragraphs else [])
            + (["--drops", str(a.drops)] if a.drops is not None else [])
            + (["--no-recuts"] if a.no_recuts else [])
            + (["--layout", a.layout] if a.layout != "blank-lines" else []))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared/corpora/ntrex128"))
    ap.add_argument("--langs", default="ckb,kmr,ar")
    add_shape_arguments(ap)
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.corpus, "doc_ids.txt")):
        sys.exit(f"make_align_devset: {a.corpus} has no ntrex128 corpus")
    order, docs, texts = load(a.corpus)
    dev, heldout = split_ids(order)
    chosen = [d for d in order if a.split == "all" or (d in dev) == (a.split == "dev")]
    gold = []
    pairs = 0
    for lang in a.langs.split(","):
        src_dir = os.path.join(a.out, lang, "src")
        tgt_dir = os.path.join(a.out, lang, "tgt")
        os.makedirs(src_dir, exist_ok=True)
        os.makedirs(tgt_dir, exist_ok=True)
        for doc in chosen:
            rng = random.Random(f"{a.seed}:{doc}:{lang}")
            rows = docs[doc]
            s, t, links, src_text, tgt_text = build_pair([texts["en"][i] for i in rows], [texts[lang][i] for i in rows],
                                                       lang, rng, a.rate, a.one_paragraph, a.merge_paragraphs,
                                                       random.Random(f"{a.seed}:{doc}:{lang}:paragraphs"), not a.no_recuts, a.drops)
            if a.layout == "lines":
                src_text, tgt_text = src_text.replace("\n\n", "\n"), tgt_text.replace("\n\n", "\n")
            elif a.layout == "headline":
                src_text, tgt_text = (head + sep + body.replace("\n\n", "\n")
                                      for head, sep, body in (x.partition("\n\n") for x in (src_text, tgt_text)))
            elif a.layout == "sentences":
                src_text, tgt_text = "".join(x + "\n" for x in s), "".join(x + "\n" for x in t)
            elif a.layout == "sentence-paragraphs":
                src_text, tgt_text = unit_lines(src_text, s), unit_lines(tgt_text, t)
            with open(os.path.join(src_dir, doc + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(src_text)
            with open(os.path.join(tgt_dir, doc + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(tgt_text)
            gold.append({"id": f"{doc}.{lang}", "src_lang": "en", "tgt_lang": lang,
                         "src_sentences": s, "tgt_sentences": t, "links": links})
            pairs += 1
    with open(os.path.join(a.out, "gold.jsonl"), "w", encoding="utf-8") as fh:
        for record in gold:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    kinds = {}
    for record in gold:
        for s, t in record["links"]:
            key = f"{len(s)}-{len(t)}"
            kinds[key] = kinds.get(key, 0) + 1
    print(f"make_align_devset: {pairs} document pairs ({a.split}, seed {a.seed}) in {a.out}; links: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
