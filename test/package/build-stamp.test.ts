import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/transwire.js runs dist/ only while no file under src/ or demo/ is newer than
// dist/.tsbuildinfo. tsc leaves that stamp alone when no TypeScript changed, so a build after an
// edit to a stylesheet or a migration alone must still mark the build as current.
describe('npm run build, second step (copy-build-assets)', { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'transwire-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('marks the build current: the stamp is newer than every asset it copied', () => {
    const stamp = join(out, '.tsbuildinfo');
    writeFileSync(stamp, '{}');
    utimesSync(stamp, new Date('2020-01-01'), new Date('2020-01-01'));
    execFileSync(process.execPath, ['scripts/copy-build-assets.mjs', out], { stdio: 'pipe' });
    expect(statSync(stamp).mtimeMs).toBeGreaterThanOrEqual(statSync('src/store/migrations').mtimeMs);
    expect(Date.now() - statSync(stamp).mtimeMs).toBeLessThan(60_000);
  });
});
