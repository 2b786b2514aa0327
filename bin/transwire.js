#!/usr/bin/env node
// The installed package runs the compiled JavaScript in dist/ (npm run build; `prepack` and the
// Docker image run it). A development checkout runs the TypeScript sources through tsx's loader (a
// dev dependency) when there is no build, or when a source file is newer than the build, so an
// edit is never hidden behind a stale dist/. TRANSWIRE_RUNTIME=compiled|source forces one.
// `transwire --version` says which one ran.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const compiled = new URL('dist/src/cli/main.js', root);
const stamp = new URL('dist/.tsbuildinfo', root);

/**
 * True when a file under src/ or demo/ changed after the build (a checkout being edited), or a
 * folder did (a file added, removed or renamed shows only in its folder's time). Every file is
 * looked at: an editor that saves in place changes no folder's time, so folders alone would let a
 * stale dist/ run. One stat per entry, from the file types readdir already gives, and none once
 * the answer is known: about 500 stats, a few milliseconds.
 */
function sourcesNewerThanBuild() {
  if (!existsSync(new URL('src/cli/main.ts', root)) || !existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const newer = (dir) => {
    if (statSync(dir).mtimeMs > built) return true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() ? newer(path) : statSync(path).mtimeMs > built) return true;
    }
    return false;
  };
  return ['src', 'demo'].some((dir) => {
    const base = fileURLToPath(new URL(dir, root));
    return existsSync(base) && newer(base);
  });
}

const forced = process.env.TRANSWIRE_RUNTIME;
const useCompiled = forced === 'compiled' || (forced !== 'source' && existsSync(compiled) && !sourcesNewerThanBuild());
if (useCompiled) {
  await import(compiled.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('transwire: no up-to-date build in dist/ and no tsx to run the sources: run `npm run build` (or `npm install` with dev dependencies)\n');
    process.exit(1);
  }
  register();
  await import('../src/cli/main.ts');
}
