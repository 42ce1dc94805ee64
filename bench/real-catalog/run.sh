#!/usr/bin/env bash
# Whole-catalog reads from a real Backstage backend, side by side (issue #22): curl plain and gzip, backstage4j
# streamAll and query() in one JVM (-Xmx64m), and @backstage/catalog-client streamEntities with and without gzip.
# Usage: bench/real-catalog/run.sh [entities=20000] [cycles=3] [runs=9] [warmups=2] [bigPageSize=2000]
# Uses the conformance suite's own backend install (conformance/backend/install.sh). The catalog is stored in
# SQLite under ${B4J_BENCH_DATA:-$HOME/.cache/backstage4j-bench}/<entities>, so only the first run for a given
# count pays the ingestion (~7 min for 20,000, ~31 min for 100,000 on 2 cores). Not part of CI: numbers need a
# quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
N=${1:-20000}; CYCLES=${2:-3}; RUNS=${3:-9}; WARMUPS=${4:-2}; PAGE=${5:-2000}
DATA=${B4J_BENCH_DATA:-$HOME/.cache/backstage4j-bench}/$N
B=target-realbench
mkdir -p "$DATA/db" "$DATA/work"

echo "== building catalog-client test classes into $B ..."
mvn -B -ntp -q -Dstyle.color=never -Db4j.buildDir=$B -pl catalog-client -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=$B/cp.txt -Dmdep.includeScope=test
CP="catalog-client/$B/test-classes:catalog-client/$B/classes:$(cat catalog-client/$B/cp.txt)"

bash conformance/backend/install.sh
if [[ ! -f "$DATA/entities.yaml" ]]; then
  node bench/real-catalog/gen-entities.js "$N" "$DATA"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
TOKEN="b4j-bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
BASE="http://127.0.0.1:$PORT"
(
  cd conformance/backend
  # No Java plugin runs here: the routes the contracts use point at a closed port (listing them fails fast).
  BACKSTAGE_PORT=$PORT B4J_JAVA_PLUGIN_PORT=$(free_port) BACKSTAGE_TOKEN=$TOKEN \
  B4J_WORK_DIR="$DATA/work" B4J_PARENT_PID=$$ \
  B4J_SAMPLE_DIR="$ROOT/testkit/src/main/resources/dev/backstage4j/testkit/sample" B4J_BENCH_DB_DIR="$DATA/db" \
    exec node index.js --config app-config.yaml --config "$ROOT/bench/real-catalog/app-config.bench.yaml"
) > "$DATA/backend.log" 2>&1 &
BACKEND=$!
trap 'kill $BACKEND 2>/dev/null || true; wait $BACKEND 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/.backstage/health/v1/readiness" && break
  kill -0 $BACKEND 2>/dev/null || { echo "backend died; log: $DATA/backend.log" >&2; tail -20 "$DATA/backend.log" >&2; exit 1; }
  sleep 0.5
done
auth=(-H "Authorization: Bearer $TOKEN")
total() {
  curl -sf "${auth[@]}" "$BASE/api/catalog/entities/by-query?limit=1&filter=metadata.labels.bench=true" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).totalItems))'
}
if [[ "$(total)" -lt "$N" ]]; then
  # One file (20,000 entities) at a time: registered together they were processed ~5x slower.
  t0=$(date +%s)
  want=0
  for f in "$DATA"/entities*.yaml; do
    want=$(( want + $(grep -c '^kind: Component' "$f") ))
    curl -sf "${auth[@]}" -H 'Content-Type: application/json' -o /dev/null \
      -d "{\"type\":\"file\",\"target\":\"$f\"}" "$BASE/api/catalog/locations?onConflict=refresh" || true
    until [[ "$(total)" -ge "$want" ]]; do
      (( $(date +%s) - t0 > 7200 )) && { echo "ingestion did not finish in two hours" >&2; exit 1; }
      echo "   ingesting: $(total) of $N after $(( $(date +%s) - t0 )) s" >&2
      sleep 15
    done
  done
  echo "== ingested $N entities in $(( $(date +%s) - t0 )) s" >&2
fi
# Let relations and the search of the last batch settle: wait until the whole count stops moving.
prev=-1
while :; do
  all=$(curl -sf "${auth[@]}" "$BASE/api/catalog/entities/by-query?limit=1" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).totalItems))')
  [[ "$all" == "$prev" ]] && break
  prev=$all; sleep 3
done
echo "== $all entities in the catalog; bytes of GET /entities: $(curl -s "${auth[@]}" -o /dev/null -w '%{size_download}' "$BASE/api/catalog/entities")"
java -Xmx64m -cp "$CP" dev.backstage4j.catalog.RealCatalogReadBenchmark "$BASE" "$TOKEN" "$all" \
  "$ROOT/bench/real-catalog/stream-entities.js" "$CYCLES" "$RUNS" "$WARMUPS" "$PAGE"
