import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PermanentError } from '../domain/errors.ts';
import { lockDataDir } from './data-dir-lock.ts';

/**
 * The whole PGlite folder as a gzipped tarball (PGlite's dumpDataDir). The folder's lock is taken
 * first: a running `transwire run` holds it, and a copy of a database being written is not a backup.
 */
export async function dumpPgliteDir(dataDir: string): Promise<Buffer> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new PermanentError(`backup: no PGlite database in ${dataDir} (database.dataDir)`, 'backup_no_database');
  const lock = lockDataDir(dataDir, { command: 'backup' });
  try {
    const pg = await PGlite.create(dataDir);
    try {
      const tarball = await pg.dumpDataDir('gzip');
      return Buffer.from(await tarball.arrayBuffer());
    } finally {
      await pg.close();
    }
  } finally {
    lock.release();
  }
}

/** Makes `dataDir` (missing or empty) the database of a dumpPgliteDir tarball. */
export async function loadPgliteDir(dataDir: string, tarball: Buffer): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length) {
    throw new PermanentError(`restore: ${dataDir} (database.dataDir) is not empty: restore into a new folder, or move this one away`, 'restore_not_empty');
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir, { command: 'restore' });
  try {
    const pg = await PGlite.create(dataDir, { loadDataDir: new Blob([new Uint8Array(tarball)]) });
    await pg.query('SELECT 1');
    await pg.close();
  } finally {
    lock.release();
  }
}
