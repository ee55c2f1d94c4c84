#!/usr/bin/env bash
# Where a running Loupe JVM's CPU goes, by thread: samples /proc/PID/task/*/stat twice and prints each
# thread name's CPU seconds between the two samples and its share (docs/PERFORMANCE.md, the dashboard).
# Usage: bench/thread-cpu.sh PATTERN [WAIT_S=6] [SPAN_S=8]
#   PATTERN finds the JVM (a bin/java command line holding it), e.g. 'app.Main --open' (the dashboard) or 'cli.Main run';
#   it waits for it, then WAIT_S seconds, then measures over SPAN_S seconds.
set -euo pipefail
PATTERN=${1:?usage: bench/thread-cpu.sh PATTERN [WAIT_S] [SPAN_S]}; WAIT=${2:-6}; SPAN=${3:-8}
pid=""
for _ in $(seq 1 300); do pid=$(pgrep -f "bin/java .*$PATTERN" | head -1 || true); [[ -n "$pid" ]] && break; sleep 0.2; done
[[ -n "$pid" ]] || { echo "no process matches $PATTERN" >&2; exit 1; }
snap() { # thread name|utime+stime in clock ticks, one line a thread
  for t in /proc/"$pid"/task/*; do
    local name stat
    name=$(cat "$t/comm" 2>/dev/null) || continue
    stat=$(sed 's/.*) //' "$t/stat" 2>/dev/null) || continue
    awk -v n="$name" '{print n "|" $12 + $13}' <<<"$stat"
  done
}
sleep "$WAIT"; before=$(snap); sleep "$SPAN"; after=$(snap)
python3 - "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import collections, sys
def load(text):
    d = collections.Counter()
    for line in text.splitlines():
        name, ticks = line.rsplit("|", 1)
        d[name] += int(ticks)
    return d
a, b, hz = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
delta = {k: b[k] - a.get(k, 0) for k in b}
total = sum(delta.values())
print("total %.2f CPU-s" % (total / hz))
for name, v in sorted(delta.items(), key=lambda kv: -kv[1])[:16]:
    print("%6.2f s %5.1f %%  %s" % (v / hz, 100 * v / total if total else 0, name))
PY
