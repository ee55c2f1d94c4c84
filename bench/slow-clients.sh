#!/usr/bin/env bash
# The slow-client case at full size (results in docs/PERFORMANCE.md): each variant with its defaults,
# 300 connections that each send one header line a second for 8 s, then a normal GET; prints what the
# normal GET and the slow clients got. The conformance suite runs the same case small, in every build.
# Usage: bench/slow-clients.sh [SLOW=300] [SECONDS=8] [VARIANT...]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
require_jdk
cd "$ROOT"
./loupe --version >/dev/null # builds if needed
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "engine/target/classes:engine/target/lib/*" \
  bench/src/SlowClients.java "${1:-300}" "${2:-8}" "${@:3}"
