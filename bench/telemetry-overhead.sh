#!/usr/bin/env bash
# What telemetry costs, four ways (results in docs/PERFORMANCE.md):
#  1. In one JVM (bench/src/TelemetryOverhead.java): one event-loop server (1 loop, hello) under one
#     closed-model load (50 connections) while the telemetry session is switched on and off in
#     alternating segments; pairs of on/off segments side by side, plus off/off control pairs. One
#     JVM means the same JIT and heap for both sides, so the ratio shows telemetry, not process luck.
#  2. `loupe run` of the same scenario with telemetry on and with --no-telemetry, in alternating
#     pairs (the order flips every pair), plus off/off control pairs: what a user sees, noisier.
#  3. Memory over a long run: `loupe run` for LONG (default 3m) with a 128 MB heap, telemetry on;
#     prints the trend of the heap left after each GC and the heap after GC in the first and the last
#     minute (flat = telemetry keeps nothing per second beyond its bounded series).
#  4. Side by side: two `loupe run`s of that scenario at the same time, one with telemetry and one
#     with --no-telemetry, each pinned to a core of its own (they swap cores every pair), plus off/off
#     control pairs. Both sides live through the same moments of a noisy machine, which sequential
#     runs do not. One core each also magnifies the cost: all of telemetry's work competes with the
#     server and the generator on that core.
# Usage: bench/telemetry-overhead.sh [PAIRS=20] [SEGMENT_S=4] [CONTROL_PAIRS=6] [RUN_PAIRS=5]
#        PARTS=1 also measures each part alone (JFR, hiccup probe, dispatch probes) with method 2;
#        LOUPE_JAVA_OPTS=-Dloupe.telemetry.off=jdk.ExecutionSample,... leaves single JFR events out.
#        SKIP=1,2,3,4 leaves methods out; LONG=3m sets method 3's length; SIDE=10 sets method 4's pairs;
#        DURATION=8s and WARMUP=3s set the measured part and the warm-up of methods 2 and 4
#        (a scenario's defaults are 30s and 5s).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
PAIRS=${1:-20}; SEGMENT=${2:-4}; CONTROL=${3:-6}; RUN_PAIRS=${4:-5}; LONG=${LONG:-3m}; SKIP=${SKIP:-}; SIDE=${SIDE:-10}
DURATION=${DURATION:-8s}; WARMUP=${WARMUP:-3s}
cd "$ROOT"
./loupe --version >/dev/null # builds if needed
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
[[ -d engine/target/lib ]] || JAVA_HOME="$JDK" mvn -B -q package -pl engine -DskipTests
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

if [[ "$SKIP" != *1* ]]; then
  echo "== 1. in one JVM"
  "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "engine/target/classes:engine/target/lib/*" \
    bench/src/TelemetryOverhead.java "$PAIRS" "$SEGMENT" "$CONTROL"
fi

cat > "$WORK/fast.json" <<JSON
{"name": "overhead", "server": {"variant": "event-loop", "threads": 1}, "workload": "hello",
 "load": {"connections": 50, "threads": 1, "duration": "$DURATION", "warmup": "$WARMUP"}}
JSON
run() { # run folder, extra loupe options → prints throughput req/s
  local out=$1; shift; rm -rf "$out"
  ./loupe run "$WORK/fast.json" --out "$out" -q "$@" >/dev/null 2>&1
  json "$out/result.json" "round(d['summary']['throughputRps'])"
}
pairs() { # label, options for the "on" side...
  local label=$1; shift; : > "$WORK/ratios"
  for ((i = 1; i <= RUN_PAIRS; i++)); do
    local on_dir="$WORK/pair-on$i" off_dir="$WORK/pair-off$i"
    if ((i % 2)); then on=$(run "$on_dir" "$@"); off=$(run "$off_dir" --no-telemetry)
    else off=$(run "$off_dir" --no-telemetry); on=$(run "$on_dir" "$@"); fi
    r=$(echo "$on / $off" | bc -l); echo "$r" >> "$WORK/ratios"
    printf '%s pair %d  on: %s req/s  off: %s req/s  on/off %.3f\n' "$label" "$i" "$on" "$off" "$r"
  done
  printf '%s: median on/off %.3f\n' "$label" "$(median < "$WORK/ratios")"
  interval "$WORK/ratios"
  profile "$WORK/pair-on" "$WORK/pair-off" "$RUN_PAIRS"
}
interval() { # file of ratios → how sure their median is: a bootstrap over the pairs
  python3 - "$1" <<'PY'
import random, statistics, sys
r = [float(x) for x in open(sys.argv[1])]
random.seed(1)
b = sorted(statistics.median(random.choices(r, k=len(r))) for _ in range(5000))
print("  95 %% interval of the median (bootstrap over the %d pairs): %.3f - %.3f" % (len(r), b[125], b[4874]))
PY
}
profile() { # folder prefix of side A, of side B, pairs → when in the run the difference falls
  python3 - "$@" <<'PY'
import json, statistics, sys
a, b, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def per_second(folder):
    d = json.load(open(folder + "/result.json"))
    return {i["startMs"] // 1000: i["throughputRps"] for i in d["intervals"] if i["endMs"] - i["startMs"] >= 900}
pairs = [(per_second(a + str(i)), per_second(b + str(i))) for i in range(1, n + 1)]
seconds = sorted(set.intersection(*(set(x) & set(y) for x, y in pairs)))
def median(ss):
    return statistics.median(statistics.median(x[s] / y[s] for s in ss) for x, y in pairs if all(y[s] for s in ss))
blocks = [[s] for s in seconds[:10]] + [seconds[i:i + 5] for i in range(10, len(seconds), 5)]
print("  median A/B by second of the load (the first are warm-up): " + "  ".join(
    ("%d" % ss[0] if len(ss) == 1 else "%d-%d" % (ss[0], ss[-1])) + ": %.2f" % median(ss) for ss in blocks))
PY
}
if [[ "$SKIP" != *2* ]]; then
  echo "== 2. loupe run, one process per run (event-loop, 1 loop, hello, 50 connections, $DURATION after $WARMUP warm-up)"
  pairs "full telemetry"
  : > "$WORK/control"
  for ((i = 1; i <= 2; i++)); do
    a=$(run "$WORK/control-a" --no-telemetry); b=$(run "$WORK/control-b" --no-telemetry); r=$(echo "$a / $b" | bc -l); echo "$r" >> "$WORK/control"
    printf 'control pair %d  off: %s req/s  off: %s req/s  ratio %.3f\n' "$i" "$a" "$b" "$r"
  done
  if [[ -n "${PARTS:-}" ]]; then
    LOUPE_JAVA_OPTS="-Dloupe.telemetry.off=hiccup,probes" pairs "JFR only"
    LOUPE_JAVA_OPTS="-Dloupe.telemetry.off=jfr,probes" pairs "ticker, hiccup probe and sampler only"
    LOUPE_JAVA_OPTS="-Dloupe.telemetry.off=jfr,hiccup" pairs "ticker, dispatch probes and sampler only"
  fi
fi

if [[ "$SKIP" != *4* ]]; then
  echo "== 4. side by side: two runs at once, each pinned to its own core (taskset), cores swapped every pair"
  (($(nproc) >= 2)) || { echo "needs 2 cores"; exit 1; }
  side() { # label, options of side A, options of side B (one string each)
    local label=$1 a=$2 b=$3; : > "$WORK/side"
    for ((i = 1; i <= SIDE; i++)); do
      local ca=$((i % 2)) cb=$(((i + 1) % 2))
      taskset -c $ca ./loupe run "$WORK/fast.json" --out "$WORK/side-a$i" -q $a >/dev/null 2>&1 &
      taskset -c $cb ./loupe run "$WORK/fast.json" --out "$WORK/side-b$i" -q $b >/dev/null 2>&1 &
      wait
      ta=$(json "$WORK/side-a$i/result.json" "round(d['summary']['throughputRps'])")
      tb=$(json "$WORK/side-b$i/result.json" "round(d['summary']['throughputRps'])")
      r=$(echo "$ta / $tb" | bc -l); echo "$r" >> "$WORK/side"
      printf '%s pair %d  A (core %d): %s req/s  B (core %d): %s req/s  A/B %.3f\n' "$label" "$i" $ca "$ta" $cb "$tb" "$r"
    done
    printf '%s: median A/B %.3f\n' "$label" "$(median < "$WORK/side")"
    interval "$WORK/side"
    profile "$WORK/side-a" "$WORK/side-b" "$SIDE"
  }
  side "telemetry on (A) vs off (B)" "" "--no-telemetry"
  side "control, off (A) vs off (B)" "--no-telemetry" "--no-telemetry"
fi

if [[ "$SKIP" != *3* ]]; then
  echo "== 3. memory over a $LONG run with telemetry on (event-loop, alloc:2KiB so collections come often, -Xmx128m)"
  sed -e "s/\"duration\": \"$DURATION\"/\"duration\": \"$LONG\"/" -e 's/"hello"/"alloc:2KiB"/' "$WORK/fast.json" > "$WORK/long.json"
  LOUPE_JAVA_OPTS="-Xmx128m" ./loupe run "$WORK/long.json" --out "$WORK/long" -q >/dev/null 2>&1 &
  LONG_S=$(echo "$LONG" | awk '/m$/ {print $0 * 60; next} {print $0 + 0}')
  live() { # the live heap after a full GC, in bytes (jcmd's class histogram total)
    "$JDK/bin/jcmd" "$(pgrep -f "run $WORK/long.json" | head -1)" GC.class_histogram | awk '/^Total/ {print $3}'
  }
  sleep 40; early=$(live); sleep $((LONG_S - 40)); late=$(live); wait
  printf 'live heap after a full GC: %.2f MB at 40 s, %.2f MB at %d s (%+.3f MB/min)\n' "$(echo "$early / 1048576" | bc -l)" \
    "$(echo "$late / 1048576" | bc -l)" "$((LONG_S + 3))" "$(echo "($late - $early) / 1048576 / ($LONG_S - 40) * 60" | bc -l)"
  json "$WORK/long/result.json" "'heap after each GC: trend %s MB/min over %d collections (young collections leave old garbage, so this drifts until a mixed one); JFR events late: %d' % (d['telemetry']['heap']['afterGcMbSlopePerMin'], d['telemetry']['gc']['pauses'], d['telemetry']['lateEvents'])"
fi
