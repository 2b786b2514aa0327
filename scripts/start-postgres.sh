#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests.
#   start-postgres.sh          starts it (if it is not running) and prints its URL
#   start-postgres.sh status   exits 0 when it is running
#   start-postgres.sh stop     stops it and removes its data folder
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
set -euo pipefail
action=${1:-start}
port=${PGPORT_TEST:-54329}
dir=${PGDATA_TEST:-/tmp/transwire-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "start-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
running() { as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; }
case "$action" in
  status) running; exit ;;
  stop)
    if running; then as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    exit 0 ;;
  start) ;;
  *) echo "usage: start-postgres.sh [start|status|stop]" >&2; exit 2 ;;
esac
if ! running; then
  rm -rf "$dir"
  mkdir -p "$dir" && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
