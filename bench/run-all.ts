import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Each benchmark is its own process (its own memory peak), run one after the other.
const BENCHES = ['feed-parse', 'extract', 'translate', 'web', 'demo-publish', 'freshness'];
let failed = 0;
for (const name of BENCHES) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) continue;
  process.stdout.write(`\n=== ${name} ===\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
