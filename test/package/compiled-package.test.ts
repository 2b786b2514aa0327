import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * The package as an operator installs it: bin/, package.json and a dist/ built by the same commands
 * as `npm run build`, with no src/ beside it, so bin/transwire.js can only run the compiled code.
 * Built into a temporary folder once for the file (the checkout's own dist/ is left alone).
 */
let pkg: string;
beforeAll(async () => {
  pkg = mkdtempSync(join(tmpdir(), 'transwire-package-'));
  const dist = join(pkg, 'dist');
  const tsc = [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dist, '--tsBuildInfoFile', join(dist, '.tsbuildinfo')];
  await run(process.execPath, tsc, { cwd: ROOT }).catch((err: { stdout?: string }) => {
    throw new Error(`npm run build's tsc step failed:\n${err.stdout ?? String(err)}`);
  });
  await run(process.execPath, [join(ROOT, 'scripts/copy-build-assets.mjs'), dist], { cwd: ROOT });
  mkdirSync(join(pkg, 'bin'));
  cpSync(join(ROOT, 'bin/transwire.js'), join(pkg, 'bin/transwire.js'));
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
}, 300_000);

const transwire = (args: string[], cwd = pkg) =>
  run(process.execPath, [join(pkg, 'bin/transwire.js'), ...args], { cwd, timeout: 300_000 });

describe('the compiled package', { timeout: 360_000 }, () => {
  it('runs dist/ and says so in --version', async () => {
    const { stdout } = await transwire(['--version']);
    expect(stdout).toMatch(/^transwire \d+\.\d+\.\d+ \(compiled, dist\/; node \d+/);
  });

  it('ships every file the code reads beside itself: migrations, stylesheets, the demo newsroom', () => {
    for (const top of ['src', 'demo']) {
      const assets = readdirSync(join(ROOT, top), { recursive: true }).map(String).filter((f) => /\.(sql|css|md|svg|json|html)$/.test(f));
      expect(assets.length, top).toBeGreaterThan(0);
      for (const f of assets) expect(existsSync(join(pkg, 'dist', top, f)), `dist/${top}/${f}`).toBe(true);
    }
  });

  it('applies the migrations from dist/ to an empty PGlite database', async () => {
    const work = mkdtempSync(join(tmpdir(), 'transwire-package-run-'));
    const { stdout } = await transwire(['--log-format', 'json', 'migrate'], work);
    const last = readdirSync(join(ROOT, 'src/store/migrations')).filter((f) => f.endsWith('.sql')).sort().at(-1)!;
    expect(stdout).toContain(last.replace(/\.sql$/, ''));
  });

  it('parses a feed with the compiled code', async () => {
    const feed = join(ROOT, 'test/fixtures/feeds', readdirSync(join(ROOT, 'test/fixtures/feeds')).find((f) => /\.(xml|rss|atom)$/.test(f))!);
    const { stdout } = await transwire(['parse-feed', feed, '--json']);
    expect(JSON.parse(stdout)).toBeTruthy();
  });
});
