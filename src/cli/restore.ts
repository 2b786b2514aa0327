import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PermanentError } from '../domain/errors.ts';
import { pgRestore } from '../store/pg-dump.ts';
import { loadPgliteDir } from '../store/pglite-dump.ts';
import { configFrom, parseCommandArgs } from './args.ts';
import { DATABASE_FILE, restoreMedia, stagingFolder, unpack } from './backup-archive.ts';

export default async function restore(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'restore',
    args: '<file>',
    summary:
      'Restores a `transwire backup` file into the configured, empty database (a new PGlite folder, or a new PostgreSQL database) ' +
      'and its media files into media.dir. The next start applies any newer migrations.',
    options: {},
    positionals: { min: 1, max: 1 },
  });
  const config = configFrom(values);
  const file = positionals[0]!;
  const kind = config.database.url ? 'postgres' : 'pglite';
  const staging = stagingFolder();
  try {
    const manifest = await unpack(file, staging.dir);
    if (manifest.database !== kind) {
      throw new PermanentError(`restore: ${file} holds a ${manifest.database} database and this configuration uses ${kind}: restore it with the same kind`, 'restore_kind');
    }
    const dbFile = join(staging.dir, DATABASE_FILE[kind]);
    if (config.database.url) await pgRestore(config.database.url, dbFile);
    else await loadPgliteDir(config.database.dataDir, readFileSync(dbFile));
    const media = restoreMedia(staging.dir, config.media.dir);
    process.stdout.write(`restore: ${file} (transwire ${manifest.transwire}, ${manifest.createdAt}) → ${kind} database, ${media} media entries into ${config.media.dir}\n`);
  } finally {
    staging.done();
  }
  return 0;
}
