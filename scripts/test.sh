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
npx vitest run "$@"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  TEST_DATABASE_URL=$(bash scripts/start-postgres.sh)
  export TEST_DATABASE_URL
fi
echo "== tests on PostgreSQL ($TEST_DATABASE_URL)"
TRANSWIRE_TEST_DB=postgres npx vitest run "$@"
