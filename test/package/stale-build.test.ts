import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// bin/transwire.js in a checkout runs dist/ only while nothing under src/ or demo/ changed after
// the build, and the sources through tsx otherwise. Checked on a small checkout of its own: a
// main.ts and a main.js that each say which one ran.
const BUILT = new Date('2026-01-01T12:00:00Z');
const BEFORE = new Date('2026-01-01T11:00:00Z');
const AFTER = new Date('2026-01-01T13:00:00Z');

let root: string;
const file = (rel: string, text: string, at = BEFORE) => {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, at, at);
};
/** Every folder's time back to before the build, as after a checkout and a build. */
const settle = (...dirs: string[]) => dirs.forEach((d) => utimesSync(join(root, d), BEFORE, BEFORE));
const FOLDERS = ['src', 'src/cli', 'src/store', 'src/store/migrations', 'demo', 'demo/newsroom'];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'transwire-stale-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(resolve('bin/transwire.js'), join(root, 'bin/transwire.js'));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  file('src/cli/main.ts', "const ran: string = 'source';\nconsole.log(ran);\n");
  file('src/store/migrations/001_init.sql', 'SELECT 1;\n');
  file('demo/newsroom/story.html', '<p>x</p>\n');
  file('dist/src/cli/main.js', "console.log('compiled');\n");
  file('dist/.tsbuildinfo', '{}', BUILT);
  settle(...FOLDERS);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const ran = (env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, [join(root, 'bin/transwire.js')], { env: { ...process.env, TRANSWIRE_RUNTIME: '', ...env }, encoding: 'utf8' }).trim();

describe('bin/transwire.js in a checkout: dist/ or the sources', { timeout: 60_000 }, () => {
  it('runs dist/ when nothing changed after the build', () => {
    expect(ran()).toBe('compiled');
  });

  it.each<[string, () => void]>([
    ['a source edited in place (no folder’s time changes)', () => file('src/cli/main.ts', "const ran: string = 'source';\nconsole.log(ran);\n", AFTER)],
    ['a migration edited in place, three folders down', () => file('src/store/migrations/001_init.sql', 'SELECT 2;\n', AFTER)],
    ['a demo file edited in place', () => file('demo/newsroom/story.html', '<p>y</p>\n', AFTER)],
    ['a file added (older than the build, as a copy keeps its time)', () => {
      file('src/store/migrations/002_more.sql', 'SELECT 3;\n');
      utimesSync(join(root, 'src/store/migrations'), AFTER, AFTER);
    }],
    ['a file removed', () => {
      rmSync(join(root, 'src/store/migrations/001_init.sql'));
      utimesSync(join(root, 'src/store/migrations'), AFTER, AFTER);
    }],
  ])('runs the sources after %s', (_what, change) => {
    change();
    expect(ran()).toBe('source');
  });

  it('TRANSWIRE_RUNTIME forces either', () => {
    file('src/cli/main.ts', "const ran: string = 'source';\nconsole.log(ran);\n", AFTER);
    expect(ran({ TRANSWIRE_RUNTIME: 'compiled' })).toBe('compiled');
    settle(...FOLDERS);
    file('src/cli/main.ts', "const ran: string = 'source';\nconsole.log(ran);\n", BEFORE);
    expect(ran({ TRANSWIRE_RUNTIME: 'source' })).toBe('source');
  });
});
