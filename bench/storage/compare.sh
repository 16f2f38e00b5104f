#!/usr/bin/env bash
# Both storage backends side by side on the same machine and data: ingest N STIX objects through the accord
# pipeline (validate, sign, sequence durably, integrate, project), then GET 100-object TAXII pages over HTTP with wrk.
# Usage: bench/storage/compare.sh [OBJECTS]   (default 1000000; needs wrk; PostgreSQL from $ACCORD_TEST_POSTGRES
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

for backend in sqlite postgres; do
  node="$work/$backend"
  if [ "$backend" = postgres ]; then
    ./accord demo --dir "$node" --store "$ACCORD_TEST_POSTGRES;Search Path=bench_$(date +%s)" >/dev/null
  else
    ./accord demo --dir "$node" >/dev/null
  fi
  echo "== $backend: ingest of $objects objects"
  dotnet build bench/CyberAccord.Benchmarks -c Release --nologo -v q >/dev/null && /usr/bin/time -f "   wall %e s, peak RSS %M KB" bench/CyberAccord.Benchmarks/bin/Release/net10.0/CyberAccord.Benchmarks taxii-ingest --dir "$node" --collection cn-us --as US --objects "$objects" --defer-checkpoints
  port=$((20000 + RANDOM % 30000))
  ./accord serve --dir "$node" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do grep -q serving "$work/serve.log" && break; sleep 0.5; done
  user=$(python3 -c "import json,sys; c=[p for p in json.load(open('$node/demo-credentials.json')) if p['code']=='US'][0]; print(c['taxii_user']+':'+c['taxii_password'])")
  auth="Authorization: Basic $(printf '%s' "$user" | base64 -w0)"
  collection=$(curl -s -H "$auth" -H 'Accept: application/taxii+json;version=2.1' "http://127.0.0.1:$port/api/collections/" | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin)['collections'] if c['alias']=='cn-us'][0])")
  # A page in the middle of the collection: added_after the date of object N/2.
  middle=$(curl -s -H "$auth" -H 'Accept: application/taxii+json;version=2.1' "http://127.0.0.1:$port/api/collections/$collection/manifest/?limit=$((objects / 2))" -D "$work/headers" -o /dev/null; grep -i '^X-TAXII-Date-Added-Last' "$work/headers" | cut -d' ' -f2 | tr -d '\r')
  page="http://127.0.0.1:$port/api/collections/$collection/objects/?limit=100&added_after=$middle"
  count=$(curl -s -H "$auth" -H 'Accept: application/taxii+json;version=2.1' "$page" | python3 -c "import json,sys; print(len(json.load(sys.stdin).get('objects', [])))")
  echo "== $backend: GET of a 100-object page after $middle, which holds $count objects (wrk -t2 -c32 -d20s)"
  wrk -t2 -c32 -d20s --latency -H "$auth" -H 'Accept: application/taxii+json;version=2.1' "$page" | grep -E 'Requests/sec|99%|Non-2xx'
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
