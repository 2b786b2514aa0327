#!/usr/bin/env bash
# CI: fails when a production dependency has a known vulnerability of high or critical severity
# (npm audit --omit=dev --audit-level=high). Where the advisory database cannot be reached (no
# network, a registry mirror without the audit endpoint) it says so and does not fail: the
# check was not made, which is not the same as a finding.
set -uo pipefail
cd "$(dirname "$0")/.."
json=$(timeout 120 npm audit --omit=dev --json 2>/dev/null)
verdict=$(printf '%s' "$json" | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    let r; try { r = JSON.parse(s); } catch { return console.log("unreachable no answer"); }
    const v = r?.metadata?.vulnerabilities;
    if (!v) return console.log("unreachable " + String(r?.message ?? r?.error?.summary ?? r?.error?.code ?? "no advisory data").slice(0, 200));
    console.log(((v.high ?? 0) + (v.critical ?? 0)) + " " + JSON.stringify(v));
  });')
case "$verdict" in
  unreachable*)
    echo "audit: the advisory database was not reachable (${verdict#unreachable }): dependencies NOT checked for known vulnerabilities"
    exit 0 ;;
  0\ *)
    echo "audit: no known high or critical vulnerability in production dependencies (${verdict#0 })"
    exit 0 ;;
  *)
    echo "audit: known high or critical vulnerabilities in production dependencies (${verdict#* }):"
    npm audit --omit=dev --audit-level=high
    exit 1 ;;
esac
