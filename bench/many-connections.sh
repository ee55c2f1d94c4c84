#!/usr/bin/env bash
# Holds many concurrent keep-alive connections on loopback against nginx and checks that the
# generator reports no errors. Raises the descriptor limit for itself and nginx.
# Usage: bench/many-connections.sh [CONNECTIONS=10000] [DURATION=10s] [THREADS=2]
# Needs: sudo apt-get install nginx-light
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
CONNS=${1:-10000}; DUR=${2:-10s}; THREADS=${3:-2}
NEED=$((CONNS + 2000)) # each process (loupe, nginx) holds one end of every connection
if ! ulimit -n "$NEED" 2>/dev/null; then
  echo "cannot raise the descriptor limit to $NEED (hard limit $(ulimit -Hn)); raise it (ulimit -Hn, /etc/security/limits.conf)" >&2
  exit 3
fi
NGINX_WORKER_CONNECTIONS=$((CONNS * 2 + 1000)) # headroom: nginx reuses (closes) idle keep-alive connections near its limit
NGINX_RLIMIT=$NEED
. "$ROOT/bench/nginx.sh"
cd "$ROOT"
JSON=$(mktemp --suffix=.json)
./loupe load -q -t "$THREADS" -c "$CONNS" -d "$DUR" --json "$JSON" "$NGINX_URL"
echo
python3 - "$JSON" "$CONNS" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]; want = int(sys.argv[2])
c, e = s["connections"], s["errors"]
print(f"connections requested {c['requested']}, established {c['established']}, failed {c['failed']}; "
      f"errors {e['total']}; {s['requests']} requests, {s['throughputRps']:.0f} req/s, p99 {s['latencyMs']['p99']:.2f} ms")
ok = c["established"] >= want and c["failed"] == 0 and e["total"] == 0
print("PASS: every connection held, no errors" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
