#!/usr/bin/env bash
# How long the documents (flame graphs, report.pdf, report.html) add to a run's end, and how big they
# are: runs each sample scenario given (default: quick, event-loop-blocked, gc-sawtooth) RUNS times
# with ./loupe run and reads "documents written in N ms" from each run.log (docs/PERFORMANCE.md).
# Target: at most 2 s. Usage: bench/reports.sh [RUNS=3] [SCENARIO...]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RUNS=${1:-3}; shift || true
SCENARIOS=("$@")
((${#SCENARIOS[@]})) || SCENARIOS=(quick event-loop-blocked gc-sawtooth)
./loupe --version >/dev/null # builds if needed
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
printf '%-22s %4s %12s %10s %11s %10s\n' scenario run "documents" "pdf" "html" "intervals"
for s in "${SCENARIOS[@]}"; do
  for ((i = 1; i <= RUNS; i++)); do
    out="$WORK/$s-$i"
    ./loupe run "sample-configs/$s.json" --out "$out" -q >/dev/null 2>&1 || true # thresholds may fail (99)
    ms=$(sed -n 's/.*documents written in \([0-9]*\) ms.*/\1/p' "$out/run.log")
    printf '%-22s %4d %9s ms %7d KB %8d KB %10s\n' "$s" "$i" "${ms:-?}" $(($(stat -c %s "$out/report.pdf") / 1024)) \
      $(($(stat -c %s "$out/report.html") / 1024)) "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['intervals']))" "$out/result.json")"
  done
done
