#!/usr/bin/env bash
# Dossier lifecycle benchmark, end to end: for each backend (PostgreSQL, embedded PGlite) and
# each size (0, 100k, 1M dossiers already stored) — bulk-generate up to that size (reusing the
# database: 0 → 100k → 1M), start the server, run the HTTP load, stop the server.
#
# Usage (from the repository root):  bash bench/dossier-run.sh
# Environment (all optional):
#   BACKENDS="postgres embedded"   SIZES="0 100000 1000000"   EMB_SIZES=<SIZES>
#   PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres   PG_DB=cqs_bench
#   CLIENTS_PG=16  CLIENTS_EMB=4  SECONDS_RUN=30  WARMUP=3  PORT=3931
#   WORKERS=2     PostgreSQL runs only: server processes (node:cluster); unset → 1 process
#   EMB_MAX_GEN_MIN=12   skip an embedded size whose generation, at the rate measured for the
#                        previous size, would take longer than this many minutes
#   OUT=/tmp/cqs-dossier-bench-<time>   (logs, top snapshots, RESULT json per run)
#   LOAD_ARGS="--search-extra &state=all"   extra arguments for bench/dossier-lifecycle.ts
#   KEEP_DATA=1   keep the embedded DATA_DIR (the PostgreSQL database is always kept)
#   AUDIT_CHAIN_KEY   the audit chain key (base64 of 32 bytes); unset → a throwaway one
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS=${BACKENDS:-"postgres embedded"}
SIZES=${SIZES:-"0 100000 1000000"}
EMB_SIZES=${EMB_SIZES:-$SIZES}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=${PG_DB:-cqs_bench}
PG_URL=${PG_ADMIN_URL%/*}/$PG_DB
CLIENTS_PG=${CLIENTS_PG:-16}
CLIENTS_EMB=${CLIENTS_EMB:-4}
SECONDS_RUN=${SECONDS_RUN:-30}
WARMUP=${WARMUP:-3}
PORT=${PORT:-3931}
EMB_MAX_GEN_MIN=${EMB_MAX_GEN_MIN:-12}
OUT=${OUT:-/tmp/cqs-dossier-bench-$(date +%Y%m%d-%H%M%S)}
BENCH_WORKERS=${WORKERS:-} # applied to the PostgreSQL runs only (run_backend)
mkdir -p "$OUT"
echo "results and logs in $OUT"
# PostgreSQL without demo data needs the audit chain key (decision 0006); the bulk generator
# and the server must share it. A throwaway one per run unless given.
export AUDIT_CHAIN_KEY=${AUDIT_CHAIN_KEY:-$(head -c 32 /dev/urandom | base64)}
{
  echo "date: $(date -Is)"
  echo "cores: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo || true
  free -m | head -2
  node -v
  psql "$PG_ADMIN_URL" -Atc 'select version()' 2>/dev/null || true
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

start_server() { # env assignments come from the caller's exported variables
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

# During the measured window: one CPU snapshot (top's second frame = a 2 s average) and, on
# PostgreSQL, what the database sessions are waiting on (sampled every second).
observe() {
  local tag=$1 backend=$2
  sleep $((WARMUP + SECONDS_RUN / 3))
  { top -b -n2 -d2 -w 200 | awk '/^top -/{n++} n==2' | head -22 >"$OUT/top-$tag.txt"; } || true
  if [[ $backend == postgres ]]; then
    for _ in $(seq 1 10); do
      psql "$PG_URL" -Atc "select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-')
        from pg_stat_activity where datname = '$PG_DB' and state = 'active'
          and pid <> pg_backend_pid()" 2>/dev/null || true
      sleep 1
    done | sort | uniq -c | sort -rn >"$OUT/pgwait-$tag.txt"
  fi
}

run_backend() {
  local backend=$1 sizes clients prev_rate= workers_label=
  if [[ $backend == postgres ]]; then
    psql "$PG_ADMIN_URL" -qc "drop database if exists $PG_DB with (force)" -c "create database $PG_DB"
    export DATABASE_URL=$PG_URL
    unset DATA_DIR
    if [[ -n $BENCH_WORKERS ]]; then
      export WORKERS=$BENCH_WORKERS
      workers_label=", $WORKERS workers"
    else
      unset WORKERS
    fi
    sizes=$SIZES
    clients=$CLIENTS_PG
  else
    unset DATABASE_URL WORKERS
    export DATA_DIR
    DATA_DIR=$(mktemp -d /tmp/cqs-bench-embedded-XXXXXX)
    sizes=$EMB_SIZES
    clients=$CLIENTS_EMB
  fi
  local stored=0
  for size in $sizes; do
    local tag="$backend-$size"
    if [[ $backend == embedded && -n $prev_rate && $size -gt $stored ]]; then
      local minutes=$(((size - stored) / prev_rate / 60))
      if ((minutes > EMB_MAX_GEN_MIN)); then
        echo "SKIP $tag: generating $((size - stored)) dossiers at the measured $prev_rate/s would take ~$minutes min (> $EMB_MAX_GEN_MIN)" |
          tee "$OUT/skip-$tag.txt"
        continue
      fi
    fi
    echo "== $tag: bulk generation"
    node --import tsx bench/dossier-bulk.ts --count "$size" | tee "$OUT/bulk-$tag.txt"
    local gen
    gen=$(grep '^GENERATOR ' "$OUT/bulk-$tag.txt" | sed 's/^GENERATOR //')
    stored=$(node -e "console.log(JSON.parse(process.argv[1]).stored)" "$gen")
    local rate
    rate=$(node -e "console.log(JSON.parse(process.argv[1]).dossiersPerSec)" "$gen")
    ((rate > 0)) && prev_rate=$rate
    echo "== $tag: server + load ($clients clients × ${SECONDS_RUN} s)"
    start_server "$OUT/server-$tag.log"
    observe "$tag" "$backend" &
    local obs=$!
    node --import tsx bench/dossier-lifecycle.ts --url "http://127.0.0.1:$PORT" \
      --clients "$clients" --seconds "$SECONDS_RUN" --warmup "$WARMUP" \
      --label "$backend, $stored stored$workers_label" --out "$OUT/result-$tag.json" ${LOAD_ARGS:-} |
      tee "$OUT/load-$tag.txt"
    wait "$obs" || true
    stop_server
  done
  if [[ $backend == embedded ]]; then
    du -sh "$DATA_DIR" | tee "$OUT/embedded-size.txt"
    [[ ${KEEP_DATA:-0} == 1 ]] || rm -rf "$DATA_DIR"
  fi
}

for b in $BACKENDS; do run_backend "$b"; done

# One summary table over every run.
node -e '
const fs = require("fs"); const dir = process.argv[1];
const rows = fs.readdirSync(dir).filter((f) => f.startsWith("result-")).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")));
const kinds = ["create", "assign", "finish", "approve", "return_result", "search"];
console.log("| run | clients | lifecycles/s | requests/s | errors | " + kinds.map((k) => `${k} p50 / p99 ms`).join(" | ") + " |");
console.log("|---|---|---|---|---|" + kinds.map(() => "---").join("|") + "|");
for (const r of rows) console.log(`| ${r.label} | ${r.clients} | **${r.lifecyclesPerSec}** | ${r.requestsPerSec} | ${r.errors} | ` + kinds.map((k) => `${r.perKind[k].p50} / ${r.perKind[k].p99}`).join(" | ") + " |");
' "$OUT" | tee "$OUT/summary.md"
