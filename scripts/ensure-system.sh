#!/usr/bin/env bash
# Installs the Debian packages transwire needs when they are missing: with apt-get when running as
# root on Debian/Ubuntu, otherwise it stops and prints the exact command to run.
# usage: scripts/ensure-system.sh [demo|test|bench|bench-web]   (bench-web: only nginx, bench:web's baseline)
set -euo pipefail
purpose=${1:-demo}

need=()
have() { command -v "$1" >/dev/null 2>&1; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

if [ "$purpose" != bench-web ]; then
  pkg_installed apertium || need+=(apertium)
  pkg_installed apertium-eng-spa || need+=(apertium-eng-spa)
fi
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  # The fidelity gate's tests judge Catalan too (test/translate/fidelity-editor.test.ts).
  pkg_installed apertium-eng-cat || need+=(apertium-eng-cat)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  have sudo || have runuser || need+=(util-linux)
fi
if [ "$purpose" = bench ] || [ "$purpose" = bench-web ]; then
  have nginx || [ -x /usr/sbin/nginx ] || need+=(nginx)
fi

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && have apt-get; then
  echo "transwire: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "transwire: missing system packages: ${need[*]}" >&2
  echo "install them with:  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
