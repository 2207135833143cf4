#!/usr/bin/env python3
"""translate-toolkit's matcher (translate.search.match) on a TMX and make_tm's 500 queries.

usage: tt_lookup.py TMX QUERY_DIR [--min 50]
Prints load time, ms per lookup, lookups/s, how many queries got a match, and peak RSS.
"""
import resource
import sys
import time

from translate.search import match
from translate.storage import factory

tmx, folder = sys.argv[1], sys.argv[2]
minimum = int(sys.argv[sys.argv.index("--min") + 1]) if "--min" in sys.argv else 50
queries = [line.split("\t")[0] for line in open(folder + "/queries_near.tsv", encoding="utf-8").read().splitlines()]
queries += open(folder + "/queries_none.txt", encoding="utf-8").read().splitlines()
t0 = time.perf_counter()
store = factory.getobject(tmx)
matcher = match.matcher(store, max_candidates=1, min_similarity=minimum, max_length=1000)
loaded = time.perf_counter() - t0
t0 = time.perf_counter()
found = sum(1 for q in queries if matcher.matches(q))
elapsed = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("translate-toolkit: load %.1f s, %.1f ms per lookup (%.0f lookups/s), matched %d of %d, peak RSS %d MB"
      % (loaded, elapsed * 1000 / len(queries), len(queries) / elapsed, found, len(queries), rss // 1024))
