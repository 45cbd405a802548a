#!/bin/bash
# First start of the demo (issue 12 deliver 7: under 20 s): a fresh DATA_DIR, `npm start`, the
# time until it prints the demo logins, then stops the server it started. Build the web app
# first (`npm run build`) so the build is not counted.
# Usage: bench/demo-first-start.sh [label]
cd "$(dirname "$0")/.." || exit 1
label=${1:-run}
rm -rf .tmp/demo
log=$(mktemp)
start=$(date +%s.%N)
DATA_DIR=.tmp/demo PORT=${PORT:-3917} setsid npm start >"$log" 2>&1 &
pid=$!
while sleep 0.25; do
  grep -q "demo@2026" "$log" && break
  kill -0 "$pid" 2>/dev/null || { echo "$label: exited"; cat "$log"; exit 1; }
done
end=$(date +%s.%N)
echo "$label: $(echo "$end - $start" | bc) s to the demo logins"
kill -- -"$pid" 2>/dev/null
rm -f "$log"
