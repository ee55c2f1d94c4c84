#!/usr/bin/env bash
# Informational benchmark, not a test: Loupe's load generator against wrk -t1 on the same loopback
# hello server (the single-threaded NIO HelloServer from the engine's test sources), alternating runs.
# Usage: bench/loupe-vs-wrk.sh [ROUNDS=3] [CONNECTIONS=50] [DURATION=5s]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
ROUNDS=${1:-3}; CONNS=${2:-50}; DUR=${3:-5s}; PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is not installed (sudo apt-get install wrk)" >&2; exit 3; }
cd "$ROOT"
[[ -d engine/target/test-classes ]] || scripts/test -pl engine -DskipTests -q
"$JDK/bin/java" -cp engine/target/test-classes:engine/target/classes dev.loupe.engine.load.HelloServer "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
sleep 1
URL="http://127.0.0.1:$PORT/"
./loupe load -q -c "$CONNS" -d 1s "$URL" >/dev/null 2>&1 # build if needed
WRK=(); LOUPE=()
for ((i = 1; i <= ROUNDS; i++)); do
  w=$(wrk -t1 -c"$CONNS" -d"$DUR" "$URL" | awk '/Requests\/sec/ {print $2}')
  l=$(./loupe load -q -t 1 -c "$CONNS" -d "$DUR" "$URL" 2>/dev/null | awk '/Requests\/sec/ {print $2}')
  WRK+=("$w"); LOUPE+=("$l")
  printf 'round %d  wrk -t1: %10.0f req/s   loupe -t 1: %10.0f req/s   ratio %.2f   (load avg %s)\n' \
    "$i" "$w" "$l" "$(echo "$l / $w" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mw=$(median "${WRK[@]}"); ml=$(median "${LOUPE[@]}")
printf 'median    wrk -t1: %10.0f req/s   loupe -t 1: %10.0f req/s   ratio %.2f\n' "$mw" "$ml" "$(echo "$ml / $mw" | bc -l)"
