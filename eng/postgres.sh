#!/usr/bin/env bash
# A private PostgreSQL server for the tests: its own data directory and port, trust authentication on
# loopback only, removed again by `stop`. Sourced by eng/test.sh; usable alone:
#   eval "$(eng/postgres.sh start)"   # prints export ACCORD_TEST_POSTGRES=... and ACCORD_TEST_PGDATA=...
#   eng/postgres.sh stop "$ACCORD_TEST_PGDATA"
set -euo pipefail

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "postgres: no PostgreSQL server binaries under /usr/lib/postgresql (install Debian's postgresql)" >&2
    return 1
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root; as root the server runs as the postgres user the Debian package creates.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin data port
  bin="$(bin_dir)"
  data="$(mktemp -d "${TMPDIR:-/tmp}/accord-pg.XXXXXX")"
  chmod 0755 "$data"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data"; fi
  as_server_user "$bin/initdb" -D "$data/db" -U accord -A trust -E UTF8 --no-locale >"$data/initdb.log" 2>&1 ||
    { cat "$data/initdb.log" >&2; return 1; }
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    if as_server_user "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" start >/dev/null 2>&1; then
      as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U accord accord_test
      echo "export ACCORD_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=accord;Database=accord_test'"
      echo "export ACCORD_TEST_PGDATA='$data'"
      return 0
    fi
  done
  cat "$data/server.log" >&2
  return 1
}

stop() {
  local data="$1" bin
  bin="$(bin_dir)"
  if [ -d "$data/db" ]; then
    as_server_user "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: postgres.sh stop DATA_DIR}" ;;
  *) echo "usage: postgres.sh start | stop DATA_DIR" >&2; exit 2 ;;
esac
