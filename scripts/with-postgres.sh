#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL set to the test PostgreSQL server (scripts/start-postgres.sh),
# and stops that server afterwards only if this script started it: one already running (a
# developer's, another run's) is left as it was. The command's exit status is this script's.
#   usage: scripts/with-postgres.sh COMMAND [ARG…]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi
if ! bash scripts/start-postgres.sh status; then
  trap 'bash scripts/start-postgres.sh stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
fi
TEST_DATABASE_URL=$(bash scripts/start-postgres.sh)
export TEST_DATABASE_URL
"$@"
