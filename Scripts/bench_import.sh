#!/usr/bin/env bash
# Import and export speed, Werger beside translate-toolkit's SQLite memory (translate.storage.tmdb),
# on the same generated TMX, in one run. Usage: Scripts/bench_import.sh [UNITS] [WORKDIR]
#   UNITS    units to generate with ../shared/bench/make_tm.py (default 1000000)
#   WORKDIR  where files and memories go (default /tmp/werger-bench-import)
# Needs: swift, python3, /usr/bin/time (Debian `time`), pip install translate-toolkit==3.18.1
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-1000000}
work=${2:-/tmp/werger-bench-import}
shared=${SHARED:-../shared}
mkdir -p "$work"
case $units in 1000000) name=1m ;; 100000) name=100k ;; 10000) name=10k ;; *) name=$units ;; esac
if [ ! -f "$work/tm_$name.tmx" ]; then
    python3 "$shared/bench/make_tm.py" --out "$work" --sizes "$units" >/dev/null
fi
tmx="$work/tm_$name.tmx"
swift build -c release --product werger >/dev/null
werger=.build/release/werger
echo "input: $tmx ($(du -hL "$tmx" | cut -f1), $units units)"

rm -rf "$work/werger-memory"
/usr/bin/time -f "werger import:             %e s wall, %U s user, peak RSS %M KB" \
    "$werger" import "$tmx" --memory "$work/werger-memory"
/usr/bin/time -f "werger export (TMX):       %e s wall, %U s user, peak RSS %M KB" \
    "$werger" export --memory "$work/werger-memory" --format tmx -o "$work/export.tmx"
echo "werger memory on disk:     $(du -h "$work/werger-memory/werger.sqlite" | cut -f1)"

if python3 -c "import translate.storage.tmdb" 2>/dev/null; then
    rm -f "$work/tt.db"
    /usr/bin/time -f "translate-toolkit tmdb:    %e s wall, %U s user, peak RSS %M KB" python3 - "$tmx" "$work/tt.db" <<'PY'
import sys
from translate.storage import factory, tmdb
store = factory.getobject(sys.argv[1])
db = tmdb.TMDB(sys.argv[2])
db.add_store(store, "en", "ar")
PY
else
    echo "translate-toolkit is not installed: pip install translate-toolkit==3.18.1"
fi
