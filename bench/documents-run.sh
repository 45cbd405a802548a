#!/usr/bin/env bash
# Official documents benchmark (issue 13 "Benchmark"; results in docs/benchmarks.md, section
# "Official documents (issue 13)"): bench/documents.ts on a fresh database of one backend —
# the corpus load, registration, the outgoing flow, search, signing and verification.
#
# Usage (from the repository root):  bash bench/documents-run.sh [pg|embedded] [size]
#   size: documents in the corpus (default 1000000)
# Environment (all optional):
#   PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres  PG_DB=bench_docs
#   SECONDS_RUN=30  FLOWS=4  SEARCHES=200  SIGN_RUNS=50  BATCH=100000  PORT=3951
#   LOAD_DEADLINE=<ISO instant>  stop adding corpus batches after it (the size reached is printed)
#   KEEP=1  keep the database / DATA_DIR (by default dropped / deleted at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-pg}
size=${2:-1000000}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=${PG_DB:-bench_docs}
OUT=${OUT:-/tmp/cqs-documents-bench-$backend-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
echo "results and logs in $OUT"
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

# The server's files (signed PDFs, the demo CA) go to a temporary directory in both cases.
DATA_DIR=${DATA_DIR:-$(mktemp -d /tmp/cqs-bench-docs-XXXXXX)}
export DATA_DIR
cleanup() {
  if [[ ${KEEP:-0} != 1 ]]; then
    rm -rf "$DATA_DIR"
    if [[ $backend == pg ]]; then psql "$PG_ADMIN_URL" -qc "drop database if exists $PG_DB with (force)" || true; fi
  fi
}
trap cleanup EXIT
if [[ $backend == pg ]]; then
  psql "$PG_ADMIN_URL" -qc "drop database if exists $PG_DB with (force)" -c "create database $PG_DB"
  export DATABASE_URL=${PG_ADMIN_URL%/*}/$PG_DB
else
  unset DATABASE_URL
fi
node --import tsx bench/documents.ts --count "$size" --batch "${BATCH:-100000}" \
  --seconds "${SECONDS_RUN:-30}" --flows "${FLOWS:-4}" --searches "${SEARCHES:-200}" \
  --sign-runs "${SIGN_RUNS:-50}" --port "${PORT:-3951}" \
  ${LOAD_DEADLINE:+--load-deadline "$LOAD_DEADLINE"} \
  --out "$OUT/result-$backend.json" 2>&1 | tee "$OUT/documents-$backend.txt"
if [[ $backend == embedded ]]; then du -sh "$DATA_DIR" | tee "$OUT/embedded-size.txt"; fi
uptime | tee -a "$OUT/machine.txt"
