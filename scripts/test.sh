#!/usr/bin/env bash
# npm test: installs what the tests need (Debian packages, node modules), checks types and import
# rules, then runs the whole suite twice: on PGlite, and on a real PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh test
bash scripts/ensure-node-modules.sh

echo "== lint: types and import rules"
npm run --silent lint

echo "== tests on PGlite"
TZ=UTC npx vitest run "$@"

# Date parsing must not depend on the machine's zone: the date tests run again in another one.
echo "== date tests under TZ=America/New_York"
TZ=America/New_York npx vitest run test/shared/dates.test.ts test/feeds/parse-date.test.ts test/extract/parse-date.test.ts test/translate/retry-after.test.ts

# The server is started for this run and stopped after it, unless one was already running.
echo "== tests on PostgreSQL"
TRANSWIRE_TEST_DB=postgres bash scripts/with-postgres.sh npx vitest run "$@"

# The short fault drill (bench/drill/main.ts --short): workers and a web as real processes on a
# PostgreSQL server of its own (port 54339, not the one above), killed with SIGKILL, the server
# restarted, Apertium killed; it fails when an invariant does. A run of chosen tests skips it.
if [ $# -eq 0 ]; then
  echo "== drill (short): faults on PostgreSQL"
  npm run --silent drill:short
fi
