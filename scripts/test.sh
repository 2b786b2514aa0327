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
TZ=America/New_York npx vitest run test/shared/dates.test.ts test/feeds/parse-date.test.ts test/extract/parse-date.test.ts

# The server is started for this run and stopped after it, unless one was already running.
echo "== tests on PostgreSQL"
TRANSWIRE_TEST_DB=postgres bash scripts/with-postgres.sh npx vitest run "$@"
