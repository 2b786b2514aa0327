import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { requireApertiumPair } from '../helpers/require-tool.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tw-demo-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The demo as a newcomer runs it: the counter follows stories added while it runs (it printed
 * 15/14), it says when such a story shows up, it shows stories told by two outlets (the Gazette and
 * Diario del Norte, in Spanish), and Ctrl-C/SIGTERM leaves no temporary folder.
 */
it('counts a story added with publish-next, and removes its folder on SIGTERM', { timeout: 1_200_000 }, async () => {
  requireApertiumPair('eng-spa');
  requireApertiumPair('spa-eng');
  const child = spawn(process.execPath, [new URL('../../bin/transwire.js', import.meta.url).pathname, 'demo', '--port', '0', '--log-format', 'json'], {
    env: { ...process.env, TMPDIR: tmp },
    cwd: tmp,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err = (err + d).slice(-4000)));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitFor = async (re: RegExp) => {
    for (let i = 0; i < 4_000 && !re.test(out) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 200));
    return re.exec(out);
  };
  try {
    const first = await waitFor(/ (\d+)\/(\d+) articles published/);
    expect(first, `stdout:\n${out}\nstderr:\n${err}`).not.toBeNull();
    expect(out).toContain('within a minute');
    expect(readdirSync(tmp).some((f) => f.startsWith('transwire-demo-'))).toBe(true);
    const expected = Number(first![2]);
    const newsroom = /newsroom \(English\): +(\S+?)\/?\n/.exec(out)![1]!;
    const res = await fetch(`${newsroom}/_newsroom/publish-next`, { method: 'POST' });
    expect(res.status).toBe(200);
    // The denominator follows the newsroom: never "15/14".
    expect(await waitFor(new RegExp(` \\d+/${expected + 1} articles published`)), out).not.toBeNull();
    // Diario del Norte's Spanish reports join the Gazette's stories (issue 12).
    expect(await waitFor(/; \d+ stor(y|ies) told by 2\+ outlets/), out).not.toBeNull();
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  // (tsx keeps its cache there too: only the demo's folder matters.)
  expect(readdirSync(tmp).filter((f) => f.startsWith('transwire-demo-'))).toEqual([]);
  // Its mirrored images went beside its database, not into ./data/media of the folder it ran in.
  expect(readdirSync(tmp)).not.toContain('data');
});
