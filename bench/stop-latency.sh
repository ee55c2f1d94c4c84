#!/usr/bin/env bash
# How long a stopped run takes to end, from each state (results in docs/PERFORMANCE.md): a session
# stopped while starting, warming up, measuring and draining, REPS times each in one JVM (as the
# dashboard runs them), then the start case again in a fresh JVM each time (as loupe run is), telemetry
# on; from stop() to the outcome with the run folder written. The target is a second.
# Usage: bench/stop-latency.sh [REPS=5]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
cd "$ROOT"
./loupe --version >/dev/null # builds if needed
REPS=${1:-5}
CP="engine/target/classes:engine/target/lib/*"
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" bench/src/StopLatency.java "$REPS"
COLD=()
for ((i = 0; i < REPS; i++)); do
  COLD+=("$("$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" bench/src/StopLatency.java 1 cold-start)")
done
SORTED=$(printf '%s\n' "${COLD[@]}" | sort -n)
printf '| starting, in a fresh JVM (each run its own, as loupe run is) | %s ms | %s ms |\n' \
  "$(echo "$SORTED" | sed -n "$(( (REPS + 1) / 2 ))p")" "$(echo "$SORTED" | tail -1)"
