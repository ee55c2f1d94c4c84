#!/usr/bin/env bash
# Every server variant with hello, sleep:100us and sleep:1ms, keep-alive on and off, under
# wrk -t1 -c50, plus a Netty 4.2 hello server (bench/netty-peer) alternating with the fastest
# variant's hello. Prints a Markdown table for docs/PERFORMANCE.md.
# Usage: bench/variants.sh [DURATION=5s] [NETTY_ROUNDS=3]; WARMUP=2s (a discarded wrk run per server),
# NETTY_ONLY=1 (only the Netty comparison)
# Needs: sudo apt-get install wrk; Maven Central for the Netty peer's first build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
DUR=${1:-5s}; NETTY_ROUNDS=${2:-3}; PORT=${PORT:-18500}; WARMUP=${WARMUP:-2s}
command -v wrk >/dev/null || { echo "wrk is not installed (sudo apt-get install wrk)" >&2; exit 3; }
cd "$ROOT"
export JAVA_HOME="$JDK" MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
[[ -d bench/netty-peer/target/lib ]] || mvn -B -q -f bench/netty-peer/pom.xml package
./loupe --version >/dev/null # builds if needed

SERVER=""
stop_server() { if [[ -n "$SERVER" ]]; then kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=""; fi; }
trap stop_server EXIT
wait_up() { for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "server did not start" >&2; return 1; }
start_loupe() { # variant workload
  ./loupe serve "$1" --port "$PORT" --workload "$2" ${THREADS:+--threads "$THREADS"} >/dev/null 2>&1 &
  SERVER=$!; wait_up
}
start_netty() {
  "$JDK/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "bench/netty-peer/target/classes:bench/netty-peer/target/lib/*" bench.NettyHello "$PORT" 1 >/dev/null 2>&1 &
  SERVER=$!; wait_up
}
warm() { wrk -t1 -c50 -d"$WARMUP" "http://127.0.0.1:$PORT/" >/dev/null; } # JIT warm-up, discarded
rps() { # extra wrk args...
  wrk -t1 -c50 -d"$DUR" "$@" "http://127.0.0.1:$PORT/" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

if [[ -z "${NETTY_ONLY:-}" ]]; then
VARIANTS=$(./loupe variants | awk '/^Server variants/ {on=1; next} /^Limits/ {on=0} on && /^  [a-z]/ {print $1}')
echo "| variant | workload | keep-alive req/s | no keep-alive req/s |"
echo "|---|---|---:|---:|"
for v in $VARIANTS; do
  for w in hello sleep:100us sleep:1ms; do
    THREADS=""; [[ "$v" == event-loop* ]] && THREADS=1
    start_loupe "$v" "$w"
    warm; ka=$(rps); close=$(rps -H "Connection: close")
    stop_server
    echo "| $v${THREADS:+ (--threads 1)} | $w | $ka | $close |"
  done
done

fi
echo
echo "Netty 4.2 (1 epoll loop) vs event-loop --threads 1, hello, keep-alive, alternating:"
for ((i = 1; i <= NETTY_ROUNDS; i++)); do
  start_netty; warm; n=$(rps); stop_server
  THREADS=1 start_loupe event-loop hello; warm; l=$(rps); stop_server
  printf 'round %d  netty: %s req/s   event-loop: %s req/s   ratio %.2f\n' "$i" "$n" "$l" "$(echo "$l / $n" | bc -l)"
done
