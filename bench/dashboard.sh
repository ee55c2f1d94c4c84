#!/usr/bin/env bash
# The dashboard under load, three ways (results in docs/PERFORMANCE.md), each in scripted mode
# (./loupe --open FILE --autostart --exit-after-run) on a virtual screen (Xvfb, software rendering):
#  1. Frame gaps: RUNS runs of sample-configs/stress.json (1000 connections, both cores busy); each
#     writes ui-health.json into its run folder (the gaps between JavaFX pulses while the window is
#     shown, p50 / p99 / max, and the chart ticks that ran late). Target: p99 <= 50 ms.
#  2. What the window costs: heavy.json's throughput from the dashboard against `./loupe run` of the
#     same file, in PAIRS alternating pairs (the order flips every pair), plus CONTROL pairs of
#     `./loupe run` against itself (off/off: how far two identical runs differ). Median ratio and the
#     bootstrap interval of the median beside it. Target: dashboard / run >= 0.95.
#  3. Memory over a LONG run (default 10m) in the dashboard (light preset, hello): the heap left after
#     each collection in the first and in the last minute (result.json's intervals) and the live heap
#     after a full GC early and late (jcmd). Target: last minute within 10 MB of the first.
# Usage: bench/dashboard.sh [RUNS=3] [PAIRS=15] [CONTROL=15]
#        SKIP=1,2,3 leaves parts out; LONG=10m sets part 3's length; SIZE=1280x800 the virtual screen;
#        DURATION=10s WARMUP=3s shorten part 2's runs (a copy of heavy.json with those values); by
#        default they keep the file's own 30 s after 5 s. Short runs overstate the window's cost: the
#        JIT compiles the window's code as well in the first seconds.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
RUNS=${1:-3}; PAIRS=${2:-15}; CONTROL=${3:-15}; SKIP=${SKIP:-}; LONG=${LONG:-10m}; SIZE=${SIZE:-1280x800}
DURATION=${DURATION:-}; WARMUP=${WARMUP:-5s}
command -v xvfb-run >/dev/null || { echo "bench/dashboard.sh needs Xvfb: sudo apt-get install xvfb libgtk-3-0" >&2; exit 3; }
cd "$ROOT"
./loupe --version >/dev/null # builds if needed
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
interval() { # file of ratios → a bootstrap 95 % interval of their median
  python3 - "$1" <<'PY'
import random, statistics, sys
r = [float(x) for x in open(sys.argv[1])]
random.seed(1)
b = sorted(statistics.median(random.choices(r, k=len(r))) for _ in range(5000))
print("  median %.3f, 95 %% interval of the median (bootstrap over the %d pairs): %.3f - %.3f"
      % (statistics.median(r), len(r), b[125], b[4874]))
PY
}
dashboard() { # scenario, runs base folder [extra JVM options] → the run folder; the window is never touched
  local scenario=$1 base=$2 extra=${3:-}
  mkdir -p "$base"
  LOUPE_JAVA_OPTS="-Dprism.order=sw -Dloupe.settings=$WORK/settings.json -Dloupe.runs.base=$base $extra" \
    timeout 1800 xvfb-run -a -s "-screen 0 ${SIZE}x24" ./loupe --open "$scenario" --autostart --exit-after-run \
    >"$base.log" 2>&1 || true # a failed threshold exits 99; the result is what counts
  local folder
  folder=$(find "$base/runs" -mindepth 1 -maxdepth 1 -type d | head -1)
  [[ -f "$folder/result.json" ]] || { echo "no result.json from the dashboard; its log:" >&2; tail -20 "$base.log" >&2; exit 1; }
  echo "$folder"
}
throughput() { json "$1/result.json" "round(d['summary']['throughputRps'])"; }

if [[ "$SKIP" != *1* ]]; then
  echo "== 1. frame gaps while sample-configs/stress.json runs ($RUNS runs, ${SIZE} virtual screen)"
  : > "$WORK/p99"
  for ((i = 1; i <= RUNS; i++)); do
    folder=$(dashboard "$ROOT/sample-configs/stress.json" "$WORK/gap$i")
    json "$folder/ui-health.json" "d['frameGapMs']['p99']" >> "$WORK/p99"
    json "$folder/ui-health.json" "'run %d: frame gap p50 %s ms, p99 %s ms, max %s ms over %d frames; chart ticks late %d of %d; feed seconds dropped %d; %s req/s' % ($i, d['frameGapMs']['p50'], d['frameGapMs']['p99'], d['frameGapMs']['max'], d['frameGapMs']['frames'], d['chartTicks']['late'], d['chartTicks']['total'], d['feedDropped'], '$(throughput "$folder")')"
  done
  echo "median of the runs' p99: $(median < "$WORK/p99") ms (target <= 50)"
fi

if [[ "$SKIP" != *2* ]]; then
  scenario="$ROOT/sample-configs/heavy.json"
  if [[ -n "$DURATION" ]]; then
    scenario="$WORK/heavy.json"
    python3 - "$ROOT/sample-configs/heavy.json" "$scenario" "$DURATION" "$WARMUP" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d.pop("$schema", None)
d["load"]["duration"], d["load"]["warmup"] = sys.argv[3], sys.argv[4]
json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
  fi
  echo "== 2. heavy.json from the dashboard against ./loupe run ($PAIRS pairs, $CONTROL control pairs; $(json "$scenario" "d['load']['duration'] + ' after ' + d['load']['warmup'] + ' warm-up'"))"
  cli() { rm -rf "$1"; ./loupe run "$scenario" --out "$1" -q >/dev/null 2>&1 || true; throughput "$1"; }
  : > "$WORK/ratios"
  for ((i = 1; i <= PAIRS; i++)); do
    if ((i % 2)); then d=$(throughput "$(dashboard "$scenario" "$WORK/pair$i")"); c=$(cli "$WORK/cli$i")
    else c=$(cli "$WORK/cli$i"); d=$(throughput "$(dashboard "$scenario" "$WORK/pair$i")"); fi
    r=$(echo "$d / $c" | bc -l); echo "$r" >> "$WORK/ratios"
    printf 'pair %2d  dashboard: %s req/s  loupe run: %s req/s  dashboard/run %.3f\n' "$i" "$d" "$c" "$r"
  done
  echo "dashboard / loupe run:"; interval "$WORK/ratios"
  : > "$WORK/control"
  for ((i = 1; i <= CONTROL; i++)); do
    a=$(cli "$WORK/ctl-a$i"); b=$(cli "$WORK/ctl-b$i"); r=$(echo "$a / $b" | bc -l); echo "$r" >> "$WORK/control"
    printf 'control %2d  loupe run: %s req/s  loupe run: %s req/s  ratio %.3f\n' "$i" "$a" "$b" "$r"
  done
  echo "control, loupe run / loupe run:"; interval "$WORK/control"
fi

if [[ "$SKIP" != *3* ]]; then
  echo "== 3. memory over a $LONG run in the dashboard (light preset, hello, -Xmx512m)"
  cat > "$WORK/long.json" <<JSON
{"name": "long", "server": {"variant": "virtual-threads"}, "workload": "hello",
 "load": {"profile": "light", "duration": "$LONG", "warmup": "5s"}}
JSON
  LONG_S=$(echo "$LONG" | awk '/m$/ {print $0 * 60; next} {print $0 + 0}')
  live() { # the live heap after a full GC, in bytes (jcmd's class histogram total)
    local pid; pid=$(pgrep -f "dev.loupe.app.Main --open $WORK/long.json" | head -1)
    "$JDK/bin/jcmd" "$pid" GC.class_histogram | awk '/^Total/ {print $3}'
  }
  (dashboard "$WORK/long.json" "$WORK/long" "-Xmx512m" > "$WORK/long.folder") &
  sleep 65; early=$(live); sleep $((LONG_S - 65)); late=$(live); wait
  folder=$(cat "$WORK/long.folder")
  printf 'live heap after a full GC (jcmd): %.1f MB at 65 s, %.1f MB at %d s\n' \
    "$(echo "$early / 1048576" | bc -l)" "$(echo "$late / 1048576" | bc -l)" "$LONG_S"
  python3 - "$folder/result.json" "$folder/ui-health.json" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1])); h = json.load(open(sys.argv[2]))
seconds = [(i["startMs"] // 1000, i["telemetry"]["heapAfterGcMb"]) for i in d["intervals"]
           if i.get("telemetry") and i["telemetry"].get("heapAfterGcMb") is not None]
end = max(s for s, _ in seconds)
first = [v for s, v in seconds if s < 60]
last = [v for s, v in seconds if s > end - 60]
print("heap after GC (result.json intervals): first minute median %.1f MB (%d collections' seconds), "
      "last minute median %.1f MB (%d); difference %+.1f MB (target within 10 MB)"
      % (statistics.median(first), len(first), statistics.median(last), len(last),
         statistics.median(last) - statistics.median(first)))
print("frame gap over the run: p50 %s ms, p99 %s ms, max %s ms; %s req/s"
      % (h["frameGapMs"]["p50"], h["frameGapMs"]["p99"], h["frameGapMs"]["max"], d["summary"]["throughputRps"]))
PY
fi
