#!/usr/bin/env bash
# What telemetry costs: `loupe run` of the fastest variant (event-loop, 1 loop, hello, keep-alive,
# 50 connections, closed model) with telemetry on and with --no-telemetry, in alternating pairs
# (the order flips every pair), plus control pairs with telemetry off on both sides to show the
# noise. Prints each pair's throughput and ratio, the medians, and the run's memory per minute.
# Usage: bench/telemetry-overhead.sh [PAIRS=5] [DURATION=8s] [CONTROL_PAIRS=2]; WARMUP=2s
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
PAIRS=${1:-5}; DUR=${2:-8s}; CONTROL=${3:-2}; WARMUP=${WARMUP:-2s}
cd "$ROOT"
./loupe --version >/dev/null # builds if needed
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/fast.json" <<JSON
{"name": "overhead", "server": {"variant": "event-loop", "threads": 1}, "workload": "hello",
 "load": {"connections": 50, "threads": 1, "duration": "$DUR", "warmup": "$WARMUP"}}
JSON

N=0
run() { # on|off → prints throughput req/s
  N=$((N + 1)); local out="$WORK/run-$N" extra=()
  [[ "$1" == off ]] && extra=(--no-telemetry)
  ./loupe run "$WORK/fast.json" --out "$out" -q "${extra[@]}" >/dev/null
  python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['summary']['throughputRps']))" "$out/result.json"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "telemetry on vs off, event-loop (1 loop) hello, 50 connections, $DUR after $WARMUP warm-up"
: > "$WORK/ratios"
for ((i = 1; i <= PAIRS; i++)); do
  if ((i % 2)); then on=$(run on); off=$(run off); else off=$(run off); on=$(run on); fi
  r=$(echo "$on / $off" | bc -l)
  echo "$r" >> "$WORK/ratios"
  printf 'pair %d  on: %s req/s  off: %s req/s  on/off %.3f\n' "$i" "$on" "$off" "$r"
done
: > "$WORK/control"
for ((i = 1; i <= CONTROL; i++)); do
  a=$(run off); b=$(run off); r=$(echo "$a / $b" | bc -l)
  echo "$r" >> "$WORK/control"
  printf 'control %d  off: %s req/s  off: %s req/s  ratio %.3f\n' "$i" "$a" "$b" "$r"
done
printf 'median on/off %.3f (overhead %.1f %%); control off/off median %.3f\n' \
  "$(median < "$WORK/ratios")" "$(echo "(1 - $(median < "$WORK/ratios")) * 100" | bc -l)" "$(median < "$WORK/control")"
