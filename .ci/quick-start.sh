#!/usr/bin/env bash
# The README's quick start, checked as a user who downloaded only this repository meets it:
# `npm ci && npm start` in a copy with no ../shared beside it serves the demo (health answers,
# a demo login works, the admin password and demo logins are printed), then `npm test` passes
# there (the embedded-database run of the suite). Called by .ci/run with the copy's directory.
set -euo pipefail
app="$1"
cd "$app"
parent="$(dirname "$app")"
if [ -e "$parent/shared" ] || [ -e "$(dirname "$parent")/shared" ]; then
  echo "quick-start: $app has a shared/ directory near it; the check would prove nothing" >&2
  exit 1
fi

echo "-- npm ci (in $app)"
npm ci --no-audit --no-fund

echo "-- npm start"
port=$((20000 + RANDOM % 20000))
log="$parent/start.log"
PORT="$port" DATA_DIR="$parent/data" npm start >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; pkill -f "$app/server/src/main.ts" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 240); do
  grep -q "demo logins" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "quick-start: npm start exited" >&2; exit 1; }
  sleep 1
done
grep -q "is running at: http://127.0.0.1:$port" "$log" || { cat "$log"; exit 1; }
grep -q "admin account: admin / " "$log" || { cat "$log"; echo "no admin password printed" >&2; exit 1; }
grep -q "motcua.mybinh" "$log" || { cat "$log"; echo "no demo logins printed" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/api/health" | grep -q '"ok"'
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d '{"username":"motcua.mybinh","password":"demo@2026"}' "http://127.0.0.1:$port/api/v1/auth/login")
[ "$code" = 200 ] || { echo "demo login answered $code" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' || { echo "web app not served" >&2; exit 1; }
echo "-- quick start OK: health, demo login and web app on port $port"
stop
trap - EXIT
wait "$pid" 2>/dev/null || true

echo "-- npm test (embedded database) in the copy"
npm test
