#!/usr/bin/env bash
# npm run demo: installs what the demo needs, then runs it (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh demo
bash scripts/ensure-node-modules.sh
exec node bin/transwire.js demo "$@"
