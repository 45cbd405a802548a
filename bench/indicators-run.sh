#!/usr/bin/env bash
# Indicators benchmark, end to end (issue 12 "Benchmark"; results in docs/benchmarks.md):
#  - bulk dossiers (bench/dossier-bulk.ts) on a fresh database per backend,
#  - bench/indicators.ts: facts of the bulk rows, FULL REBUILD time, the dashboard's calls vs
#    raw dossier scans, finish → values API / SSE latency,
#  - PostgreSQL only: the dossier lifecycle load with the rollups follower on and off
#    (INDICATORS_FOLLOWER), alternating, in the same run; facts are published in every run.
#
# Usage (from the repository root):  bash bench/indicators-run.sh
# Environment (all optional):
#   BACKENDS="postgres embedded"  PG_COUNT=1000000  EMB_COUNT=200000
#   PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres   PG_DB=cqs_bench_ind
#   CALLS=200  RAW_CALLS=20  ACTIONS=60  CLIENTS=16  SECONDS_RUN=30  PAIRS=2  PORT=3941
#   FOLLOWER_ORDER="1 0" (the order of the follower-on and -off runs in the first pair; the
#     next pair runs the other way round, and so on)
#   SKIP_BULK=1 (reuse the database / DATA_DIR as it is)  DATA_DIR=<embedded dir>
#   SKIP_IND=1 (skip bench/indicators.ts: the lifecycle runs only)
#   KEEP=1 (keep the databases; by default both are dropped at the end)
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS=${BACKENDS:-"postgres embedded"}
PG_COUNT=${PG_COUNT:-1000000}
EMB_COUNT=${EMB_COUNT:-200000}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=${PG_DB:-cqs_bench_ind}
PG_URL=${PG_ADMIN_URL%/*}/$PG_DB
CALLS=${CALLS:-200}
ACTIONS=${ACTIONS:-60}
CLIENTS=${CLIENTS:-16}
SECONDS_RUN=${SECONDS_RUN:-30}
PAIRS=${PAIRS:-2}
PORT=${PORT:-3941}
OUT=${OUT:-/tmp/cqs-indicators-bench-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
echo "results and logs in $OUT"
# Without demo data PostgreSQL needs the audit chain key (decision 0006): one for every step.
export AUDIT_CHAIN_KEY=${AUDIT_CHAIN_KEY:-$(head -c 32 /dev/urandom | base64)}
{
  echo "date: $(date -Is)"
  echo "cores: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo || true
  free -m | head -2
  node -v
  psql "$PG_ADMIN_URL" -Atc 'select version()' 2>/dev/null || true
  uptime
} | tee "$OUT/machine.txt"

SERVER_PID=
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

start_server() {
  local log=$1
  PORT=$PORT DEMO_DATA=1 ADMIN_PASSWORD=bench-admin-password LOG_LEVEL=warn \
    node --import tsx server/src/main.ts >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server died:"; cat "$log"; exit 1
    fi
    sleep 0.5
  done
  echo "server not healthy in 120 s"; exit 1
}

# Folds what a follower-off run left queued, so the next run starts with an empty queue.
drain() {
  node --import tsx --input-type=module -e "
    const { openAndMigrate } = await import('./server/src/app.ts');
    const { drainFacts } = await import('./server/src/modules/indicators/index.ts');
    const { loadConfig } = await import('./server/src/platform/config.ts');
    const db = await openAndMigrate(loadConfig(process.env), 'bench drain');
    const t = performance.now();
    const n = await drainFacts(db.kysely);
    console.log('drained', n, 'subjects in', ((performance.now() - t) / 1000).toFixed(1), 's');
    await db.close();"
}

for backend in $BACKENDS; do
  if [[ $backend == postgres ]]; then
    export DATABASE_URL=$PG_URL
    unset DATA_DIR
    count=$PG_COUNT
    if [[ ${SKIP_BULK:-0} != 1 ]]; then
      psql "$PG_ADMIN_URL" -qc "drop database if exists $PG_DB with (force)" -c "create database $PG_DB"
    fi
  else
    unset DATABASE_URL
    export DATA_DIR=${DATA_DIR:-$(mktemp -d /tmp/cqs-bench-ind-XXXXXX)}
    count=$EMB_COUNT
  fi
  if [[ ${SKIP_BULK:-0} != 1 ]]; then
    echo "== $backend: bulk generation ($count)"
    node --import tsx bench/dossier-bulk.ts --count "$count" | tee "$OUT/bulk-$backend.txt"
  fi
  if [[ ${SKIP_IND:-0} != 1 ]]; then
    echo "== $backend: facts, full rebuild, dashboard calls, finish latency"
    node --import tsx bench/indicators.ts --calls "$CALLS" --raw-calls "${RAW_CALLS:-20}" --actions "$ACTIONS" --port "$PORT" \
      --out "$OUT/result-$backend.json" | tee "$OUT/indicators-$backend.txt"
  fi
  if [[ $backend == postgres ]]; then
    for pair in $(seq 1 "$PAIRS"); do
      # ABBA: every second pair runs in the opposite order, so a drift over the runs (caches,
      # the growing tables) does not favour one side.
      order=${FOLLOWER_ORDER:-1 0}
      if (( pair % 2 == 0 )); then order=$(echo "$order" | awk '{print $2, $1}'); fi
      for follower in $order; do
        tag="lifecycle-follower$follower-$pair"
        echo "== $tag: $CLIENTS clients × $SECONDS_RUN s, INDICATORS_FOLLOWER=$follower"
        INDICATORS_FOLLOWER=$follower start_server "$OUT/server-$tag.log"
        node --import tsx bench/dossier-lifecycle.ts --url "http://127.0.0.1:$PORT" \
          --clients "$CLIENTS" --seconds "$SECONDS_RUN" --label "postgres, follower $follower ($pair)" \
          --out "$OUT/result-$tag.json" | tee "$OUT/$tag.txt"
        stop_server
        psql "$PG_URL" -Atc "select 'pending facts after the run: ' || count(*) from fact_pending"
        if [[ $follower == 0 ]]; then drain | tee "$OUT/drain-$pair.txt"; fi
      done
    done
    [[ ${KEEP:-0} == 1 ]] || psql "$PG_ADMIN_URL" -qc "drop database $PG_DB with (force)"
  else
    du -sh "$DATA_DIR" | tee "$OUT/embedded-size.txt"
    [[ ${KEEP:-0} == 1 ]] || rm -rf "$DATA_DIR"
  fi
done

node -e '
const fs = require("fs"); const dir = process.argv[1];
const rows = fs.readdirSync(dir).filter((f) => f.startsWith("result-lifecycle")).sort()
  .map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")));
const kinds = ["create", "assign", "finish", "approve", "return_result", "search"];
console.log("| run | lifecycles/s | requests/s | errors | " + kinds.map((k) => `${k} p50 / p99 ms`).join(" | ") + " |");
console.log("|---|---|---|---|" + kinds.map(() => "---").join("|") + "|");
for (const r of rows) console.log(`| ${r.label} | **${r.lifecyclesPerSec}** | ${r.requestsPerSec} | ${r.errors} | ` + kinds.map((k) => `${r.perKind[k].p50} / ${r.perKind[k].p99}`).join(" | ") + " |");
' "$OUT" | tee "$OUT/summary.md"
