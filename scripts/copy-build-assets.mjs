// npm run build, second step: tsc emits only JavaScript, so the files the code reads next to itself
// (SQL migrations, the demo newsroom's articles and static files) are copied beside the output.
// Usage: node scripts/copy-build-assets.mjs [outDir]   (default dist, as in tsconfig.build.json)
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'dist';
const root = new URL('..', import.meta.url).pathname;
const ASSETS = ['src/store/migrations', 'demo/newsroom/articles', 'demo/newsroom/static'];
for (const dir of ASSETS) {
  const from = join(root, dir);
  if (!existsSync(from)) throw new Error(`copy-build-assets: ${dir} is missing`);
  // A migration deleted from src/ must not live on in the build.
  rmSync(join(outDir, dir), { recursive: true, force: true });
  cpSync(from, join(outDir, dir), { recursive: true, filter: (src) => !src.endsWith('.ts') });
}
