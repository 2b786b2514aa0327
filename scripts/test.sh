#!/usr/bin/env bash
# npm test: installs what the tests need (Debian packages, node modules), checks types and import
# rules, then runs the whole suite twice: on PGlite in one time zone, and on a real PostgreSQL
# server in another.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh test
bash scripts/ensure-node-modules.sh

echo "== lint: types and import rules"
npm run --silent lint

# Nothing may depend on the machine's time zone (a zone-less date read as local time, a day cut
# at local midnight): the two runs are in two zones, so every test file runs in both, and no list
# of "date tests" can leave one out. New York: 4–5 hours from UTC, and summer time.
echo "== tests on PGlite, TZ=America/New_York"
TZ=America/New_York npx vitest run "$@"

# The server is started for this run and stopped after it, unless one was already running.
echo "== tests on PostgreSQL, TZ=UTC"
TZ=UTC TRANSWIRE_TEST_DB=postgres bash scripts/with-postgres.sh npx vitest run "$@"

# The short fault drill (bench/drill/main.ts --short): workers and a web as real processes on a
# PostgreSQL server of its own (port 54339, not the one above), killed with SIGKILL, the server
# restarted, Apertium killed; it fails when an invariant does. A run of chosen tests skips it.
if [ $# -eq 0 ]; then
  echo "== drill (short): faults on PostgreSQL"
  npm run --silent drill:short
fi
