import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgDump } from '../store/pg-dump.ts';
import { dumpPgliteDir } from '../store/pglite-dump.ts';
import { configFrom, parseCommandArgs } from './args.ts';
import { DATABASE_FILE, pack, stagingFolder } from './backup-archive.ts';
import { packageVersion } from './package-version.ts';

export default async function backup(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'backup',
    args: '<file>',
    summary:
      'Writes the database and the media folder to one file (a .tar.gz). PGlite: stop `transwire run` first (the folder is locked while it runs). ' +
      'PostgreSQL: pg_dump, as the site runs; pg_dump must be of the server\'s major version or newer.',
    options: {},
    positionals: { min: 1, max: 1 },
  });
  const config = configFrom(values);
  const file = positionals[0]!;
  const kind = config.database.url ? 'postgres' : 'pglite';
  const staging = stagingFolder();
  try {
    const dbFile = join(staging.dir, DATABASE_FILE[kind]);
    if (config.database.url) await pgDump(config.database.url, dbFile);
    else writeFileSync(dbFile, await dumpPgliteDir(config.database.dataDir));
    await pack(staging.dir, { format: 1, transwire: packageVersion(), database: kind, createdAt: new Date().toISOString() }, config.media.dir, file);
  } finally {
    staging.done();
  }
  process.stdout.write(`backup: ${file} (${kind} database and ${config.media.dir}, ${(statSync(file).size / 1e6).toFixed(1)} MB)\n`);
  return 0;
}
