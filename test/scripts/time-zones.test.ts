import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Nothing may depend on the machine's time zone. npm test (scripts/test.sh) proves it by running
// the whole suite in two zones, one per database, rather than a list of "date tests" that drifts:
// test/fetch/timing.test.ts was once left out of such a list.
describe('scripts/test.sh', () => {
  const runs = readFileSync('scripts/test.sh', 'utf8')
    .split('\n')
    .filter((line) => /^[^#]*\bnpx vitest run\b/.test(line));

  it('runs every test file in each of its vitest runs, never a chosen list', () => {
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const line of runs) expect(line).toMatch(/npx vitest run "\$@"$/);
  });

  it('gives each run a time zone, and not all the same one (one of them UTC, one far from it)', () => {
    const zones = runs.map((line) => /\bTZ=(\S+)/.exec(line)?.[1] ?? null);
    expect(zones).not.toContain(null);
    expect(new Set(zones)).toEqual(new Set(['UTC', 'America/New_York']));
  });
});
