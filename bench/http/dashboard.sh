#!/usr/bin/env bash
# Time each dashboard page's HTML on the demo node: one client at a time (wrk -t1 -c1), signed in as the US.
# Usage: bench/http/dashboard.sh [SECONDS_PER_PAGE]   (default 5; needs wrk and curl)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/accord-dash.XXXXXX")"
cleanup() { if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
./accord demo --dir "$work/node" >/dev/null
port=$((20000 + RANDOM % 30000))
base="http://127.0.0.1:$port"
./accord serve --dir "$work/node" --urls "$base" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do grep -q serving "$work/serve.log" && break; sleep 0.5; done
password=$(python3 -c "import json; print([p for p in json.load(open('$work/node/demo-credentials.json')) if p['code']=='US'][0]['taxii_password'])")
token=$(curl -s -c "$work/jar" "$base/signin" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null -X POST "$base/signin" --data-urlencode "_handler=signin" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.User=us" --data-urlencode "Input.Password=$password"
cookie="accord_session=$(awk '$6 == "accord_session" { print $7 }' "$work/jar")"
incident=$(curl -s -H "Cookie: $cookie" "$base/" | grep -o 'href="/incidents/[^"]*"' | head -1 | sed 's/href="//;s/"$//')
printf '%-50s %10s %10s %10s\n' page median p99 requests/s
for path in / "$incident" /requests "/requests?sort=status&desc=true" /ci /scorecards /log; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  out=$(wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$path")
  printf '%-50s %10s %10s %10s\n' "$path" "$(echo "$out" | awk '$1 == "50%" { print $2 }')" "$(echo "$out" | awk '$1 == "99%" { print $2 }')" "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
done
