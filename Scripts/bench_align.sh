#!/usr/bin/env bash
# Alignment speed, Werger against Gale-Church (pip install galechurch) in one run; see bench_align.py.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import galechurch" 2>/dev/null || pip install --quiet galechurch
swift build -c release --product werger
python3 Scripts/bench_align.py --binary .build/release/werger "$@"   # --baseline OLD_BINARY --runs 7
