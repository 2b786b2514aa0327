#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests and prints its URL.
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
set -euo pipefail
port=${PGPORT_TEST:-54329}
dir=${PGDATA_TEST:-/tmp/transwire-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "start-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir" && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
