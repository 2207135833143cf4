#!/usr/bin/env bash
# Lookup speed (issue 4), Werger beside translate-toolkit's matcher, on make_tm.py's memories and
# queries, in one run. Usage: Scripts/bench_lookup.sh [WORKDIR] [SIZES]
#   WORKDIR  where files and memories go (default /tmp/werger-bench-lookup)
#   SIZES    memory sizes (default 10000,100000,1000000); translate-toolkit runs on those ≤ 100000
#            (it needs 1.8 s per lookup and 4 GB at 1M)
# Set BASELINE=/path/to/older/werger to time that binary's import beside this one (the cost of
# building the fuzzy index). Needs: swift, python3, /usr/bin/time, pip install translate-toolkit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/werger-bench-lookup}
sizes=${2:-10000,100000,1000000}
shared=${SHARED:-../shared}
mkdir -p "$work"
if [ ! -f "$work/queries_near.tsv" ]; then
    python3 "$shared/bench/make_tm.py" --out "$work" --sizes "$sizes" --queries 250 --no-tsv >/dev/null
fi
swift build -c release --product werger >/dev/null
swift build -c release --product werger-bench >/dev/null
werger=.build/release/werger
label() { case $1 in 1000000) echo 1m ;; 100000) echo 100k ;; 10000) echo 10k ;; *) echo "$1" ;; esac; }

for size in ${sizes//,/ }; do
    name=$(label "$size")
    echo "== $size units (tm_$name.tmx)"
    if [ -n "${BASELINE:-}" ]; then
        rm -rf "$work/baseline-$name"
        /usr/bin/time -f "import, baseline binary:   %e s wall, %U s user, peak RSS %M KB" \
            "$BASELINE" import "$work/tm_$name.tmx" --memory "$work/baseline-$name"
    fi
    rm -rf "$work/memory-$name"
    /usr/bin/time -f "import, werger:            %e s wall, %U s user, peak RSS %M KB" \
        "$werger" import "$work/tm_$name.tmx" --memory "$work/memory-$name"
    .build/release/werger-bench lookup --memory "$work/memory-$name" --queries "$work" --from en --to ar --min 50 --limit 1
    /usr/bin/time -f "translate article.txt (50 segments), fresh process: %e s wall, peak RSS %M KB" \
        "$werger" translate "$work/article.txt" --from en --to ar --memory "$work/memory-$name" --format jsonl >/dev/null
    if [ "$size" -le 100000 ] && python3 -c "import translate.search.match" 2>/dev/null; then
        python3 Scripts/tt_lookup.py "$work/tm_$name.tmx" "$work" --min 50
    fi
done
