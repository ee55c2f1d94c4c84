#!/usr/bin/env bash
# How often loupe compare cries wolf (docs/PERFORMANCE.md): PAIRS rounds of six ./loupe runs of one
# server-bound scenario, nothing changed between them, run alternately as "baseline" and
# "candidate" (b1 c1 b2 c2 b3 c3). Each round is compared twice: its first run per side alone
# (b1 -- c1, significance from the seconds of one run) and its three runs per side (b1 b2 b3 -- c1
# c2 c3, from the variance between runs). Any verdict but "no-change" is a false alarm; the
# goal is at most 1 in 20 with three runs per side.
# Usage: bench/compare-false-alarms.sh [PAIRS=20] [DURATION=3s] [WARMUP=1s]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PAIRS=${1:-20}; DURATION=${2:-3s}; WARMUP=${3:-1s}
./loupe --version >/dev/null # builds if needed
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/scenario.json" <<JSON
{"name": "server-bound", "description": "A fixed pool of 2 workers, 200 us of CPU per request, 8 connections: the server's CPU is the limit.",
 "server": {"variant": "fixed-pool", "threads": 2}, "workload": "cpu:200us",
 "load": {"connections": 8, "threads": 1, "duration": "$DURATION", "warmup": "$WARMUP"}}
JSON
verdict() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['verdict'])" "$1"; }
delta() { python3 -c "
import json,sys
m={r['metric']: r for r in json.load(open(sys.argv[1]))['metrics']}
t=m['summary.throughputRps']; p=m['summary.latencyMs.p99']
f=lambda v: 'n/a' if v is None else '%+.1f%%' % v
g=lambda v: '   -' if v is None else '%.3f' % v
print('throughput', f(t['deltaPct']), 'p', g(t['pValue']), ' p99', f(p['deltaPct']), 'p', g(p['pValue']))" "$1"; }
one=0; three=0
printf '%-5s %-12s %-52s %-12s %s\n' pair "1 per side" "" "3 per side" ""
for ((i = 1; i <= PAIRS; i++)); do
  for k in 1 2 3; do
    for side in b c; do
      ./loupe run "$WORK/scenario.json" --out "$WORK/$i/$side$k" -q >/dev/null 2>&1 || true
    done
  done
  ./loupe compare "$WORK/$i/b1" "$WORK/$i/c1" --json "$WORK/$i/one.json" >/dev/null 2>&1 || true
  ./loupe compare "$WORK/$i/b1" "$WORK/$i/b2" "$WORK/$i/b3" -- "$WORK/$i/c1" "$WORK/$i/c2" "$WORK/$i/c3" \
    --json "$WORK/$i/three.json" >/dev/null 2>&1 || true
  v1=$(verdict "$WORK/$i/one.json"); v3=$(verdict "$WORK/$i/three.json")
  [[ $v1 == no-change ]] || one=$((one + 1))
  [[ $v3 == no-change ]] || three=$((three + 1))
  printf '%-5d %-12s %-52s %-12s %s\n' "$i" "$v1" "$(delta "$WORK/$i/one.json")" "$v3" "$(delta "$WORK/$i/three.json")"
  rm -rf "$WORK/$i"/[bc]?/recording.jfr
done
echo "false alarms (a verdict other than no-change): one run per side $one of $PAIRS, three runs per side $three of $PAIRS"
