// npm run build, second step: tsc emits only JavaScript, so every other file under src/ and demo/
// (SQL migrations, stylesheets, the demo newsroom's articles and static files) is copied to the
// same place under the output folder, where the code finds it next to itself (import.meta.url).
// Usage: node scripts/copy-build-assets.mjs [outDir]   (default dist, as in tsconfig.build.json)
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';

const outDir = process.argv[2] ?? 'dist';
const root = new URL('..', import.meta.url).pathname;
let copied = 0;
for (const top of ['src', 'demo']) {
  for (const rel of readdirSync(join(root, top), { recursive: true }).map(String)) {
    const from = join(root, top, rel);
    if (rel.endsWith('.ts') || !statSync(from).isFile()) continue;
    const to = join(outDir, top, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
}
// A migration deleted from src/ must not live on in the build.
const sql = new Set(readdirSync(join(root, 'src/store/migrations')));
for (const f of readdirSync(join(outDir, 'src/store/migrations'))) if (!sql.has(f)) rmSync(join(outDir, 'src/store/migrations', f));
// bin/transwire.js trusts the build while nothing under src/ or demo/ is newer than this stamp;
// tsc leaves it alone when no TypeScript changed, so a build after editing only a stylesheet or a
// migration would otherwise never count as current.
const stamp = join(outDir, '.tsbuildinfo');
if (existsSync(stamp)) utimesSync(stamp, new Date(), new Date());
console.log(`copy-build-assets: ${copied} files beside the compiled code in ${outDir}/`);
