#!/usr/bin/env bash
# Loupe's load generator against wrk, both with one thread, alternating, against nginx (one worker,
# a fixed small body): a target that is not the bottleneck. Prints each round and the medians.
# Usage: bench/load-vs-wrk-nginx.sh [ROUNDS=5] [CONNECTIONS=50] [DURATION=10s]
# Needs: sudo apt-get install nginx-light wrk
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
ROUNDS=${1:-5}; CONNS=${2:-50}; DUR=${3:-10s}
command -v wrk >/dev/null || { echo "wrk is not installed (sudo apt-get install wrk)" >&2; exit 3; }
. "$ROOT/bench/nginx.sh"
cd "$ROOT"
./loupe load -q -c "$CONNS" -d 2s "$NGINX_URL" >/dev/null # builds if needed, warms the page cache
echo "target: nginx $(nginx -v 2>&1 | sed 's/.*\///'), 1 worker, $NGINX_URL; $CONNS connections, $DUR per run"
WRK=(); LOUPE=()
for ((i = 1; i <= ROUNDS; i++)); do
  w=$(wrk -t1 -c"$CONNS" -d"$DUR" "$NGINX_URL" | awk '/Requests\/sec/ {print $2}')
  l=$(./loupe load -q -t 1 -c "$CONNS" -d "$DUR" "$NGINX_URL" 2>/dev/null | awk '/Requests\/sec/ {print $2}')
  WRK+=("$w"); LOUPE+=("$l")
  printf 'round %d  wrk -t1: %9.0f req/s   loupe load -t 1: %9.0f req/s   ratio %.2f   (load avg %s)\n' \
    "$i" "$w" "$l" "$(echo "$l / $w" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mw=$(median "${WRK[@]}"); ml=$(median "${LOUPE[@]}")
printf 'median   wrk -t1: %9.0f req/s   loupe load -t 1: %9.0f req/s   ratio %.2f\n' "$mw" "$ml" "$(echo "$ml / $mw" | bc -l)"
