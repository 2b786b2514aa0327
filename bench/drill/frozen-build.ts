/**
 * The package the drill's processes run: the checkout's sources as they are when the drill starts,
 * compiled into the run folder. The supervisor starts workers again hundreds of times over 25
 * minutes; run from the checkout, each start would pick up whatever was being edited by then (a
 * half-saved file made every restarted worker exit, and the drill blamed transwire for it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COPIED = ['src', 'demo', 'bin', 'scripts/copy-build-assets.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Compiles a snapshot of the checkout into `<runDir>/app`; returns its bin/transwire.js. */
export function freezeBuild(runDir: string): string {
  const app = join(runDir, 'app');
  mkdirSync(join(app, 'scripts'), { recursive: true });
  for (const path of COPIED) cpSync(join(ROOT, path), join(app, path), { recursive: true, filter: (from) => !from.endsWith('.test.ts') });
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: app, stdio: 'pipe' });
  } catch (err) {
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`drill: the checkout does not compile (tsc -p tsconfig.build.json in ${app}):\n${out.slice(0, 4000)}`);
  }
  execFileSync(process.execPath, ['scripts/copy-build-assets.mjs'], { cwd: app, stdio: 'pipe' });
  return join(app, 'bin/transwire.js');
}
