#!/usr/bin/env bash
# Both storage backends side by side on the same machine and data: ingest N STIX objects through the accord
# pipeline (validate, sign, sequence durably, integrate, store), report the store's size, rebuild the store from the log
# (`accord rebuild`), reopen the node (`accord party list`: read the store, check it against the log, replay it), then
# serve it and GET 100-object TAXII pages over HTTP with wrk. Each step reports its wall time and the node process's CPU
# time (user + system), which a machine shared with other work inflates less than wall time.
# Usage: bench/storage/compare.sh [OBJECTS]   (default 1000000; needs wrk and psql; PostgreSQL from $ACCORD_TEST_POSTGRES
# or a private server started here)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
objects="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/accord-bench.XXXXXX")"
pgdata=""
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$pgdata" ]; then ./eng/postgres.sh stop "$pgdata"; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${ACCORD_TEST_POSTGRES:-}" ]; then
  eval "$(./eng/postgres.sh start)"
  pgdata="$ACCORD_TEST_PGDATA"
fi

# psql's form of the keyword connection string (Host=...;Port=...;Username=...;Database=...).
pg_url() {
  python3 -c "import sys; k=dict(p.split('=', 1) for p in sys.argv[1].split(';') if p); \
print(f\"postgresql://{k['Username']}@{k['Host']}:{k.get('Port', 5432)}/{k['Database']}\")" "$ACCORD_TEST_POSTGRES"
}

# The store's bytes on disk: the SQLite file with its WAL, or the schema's tables with their indexes and TOAST, without
# the log's sequencing table (which belongs to the log, not the store).
store_bytes() {
  if [ "$1" = postgres ]; then
    psql "$(pg_url)" -Atc "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$schema' AND c.relkind = 'r'
      AND c.relname <> 'log_sequence'"
  else
    du -cb "$node"/accord.db* | tail -n 1 | cut -f1
  fi
}

taxii() {
  curl -s -H "$auth" -H 'Accept: application/taxii+json;version=2.1' "$@"
}

# The ingest runs in bench/CyberAccord.Benchmarks (its taxii-ingest mode), built once before anything is timed.
dotnet build bench/CyberAccord.Benchmarks -c Release --nologo -v q >/dev/null
ingest=bench/CyberAccord.Benchmarks/bin/Release/net10.0/CyberAccord.Benchmarks

timed() {
  /usr/bin/time -f "   wall %e s, CPU %U s user + %S s system, peak RSS %M KB" "$@"
}

for backend in sqlite postgres; do
  node="$work/$backend"
  if [ "$backend" = postgres ]; then
    schema="bench_$(date +%s)"
    ./accord demo --dir "$node" --store "$ACCORD_TEST_POSTGRES;Search Path=$schema" >/dev/null
  else
    ./accord demo --dir "$node" >/dev/null
  fi
  echo "== $backend: ingest of $objects objects"
  timed "$ingest" taxii-ingest --dir "$node" --collection cn-us --as US --objects "$objects" --defer-checkpoints
  echo "== $backend: store size $(($(store_bytes "$backend") / 1048576)) MB"
  echo "== $backend: rebuild of the store from the log (accord rebuild: open, then clear and replay)"
  timed ./accord rebuild --dir "$node"
  echo "== $backend: reopen of the node (accord party list)"
  timed ./accord party list --dir "$node" >/dev/null
  port=$((20000 + RANDOM % 30000))
  ./accord serve --dir "$node" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do grep -q serving "$work/serve.log" && break; sleep 0.5; done
  user=$(python3 -c "import json; c=[p for p in json.load(open('$node/demo-credentials.json')) if p['code']=='US'][0]; \
print(c['taxii_user']+':'+c['taxii_password'])")
  auth="Authorization: Basic $(printf '%s' "$user" | base64 -w0)"
  base="http://127.0.0.1:$port/api/collections"
  collection=$(taxii "$base/" | python3 -c "import json,sys; \
print([c['id'] for c in json.load(sys.stdin)['collections'] if c['alias']=='cn-us'][0])")
  # A page in the middle of the collection: added_after the date of object N/2.
  taxii "$base/$collection/manifest/?limit=$((objects / 2))" -D "$work/headers" -o /dev/null
  middle=$(grep -i '^X-TAXII-Date-Added-Last' "$work/headers" | cut -d' ' -f2 | tr -d '\r')
  page="$base/$collection/objects/?limit=100&added_after=$middle"
  count=$(taxii "$page" | python3 -c "import json,sys; print(len(json.load(sys.stdin).get('objects', [])))")
  echo "== $backend: GET of a 100-object page after $middle, which holds $count objects (wrk -t2 -c32 -d20s)"
  wrk -t2 -c32 -d20s --latency -H "$auth" -H 'Accept: application/taxii+json;version=2.1' "$page" |
    grep -E 'Requests/sec|99%|Non-2xx'
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
