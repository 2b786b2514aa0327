import type { Db } from './db.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';

export interface OpenDbOptions {
  /** postgres://… for a server; otherwise PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  onError?: (err: Error) => void;
  /** Who opens a PGlite folder, for the lock file and the error another process gets (default: from argv). */
  command?: string;
}

const locks = new WeakMap<Db, DataDirLock>();

/**
 * Opens the configured database and brings its schema up to date. A PGlite folder is opened by
 * one process only: its lock is taken before PGlite touches a file, and released by close().
 */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    const { openPostgresDb } = await import('./postgres-db.ts');
    db = await openPostgresDb(opts.databaseUrl, { onError: opts.onError });
  } else if (opts.dataDir === 'memory://') {
    const { openPgliteDb } = await import('./pglite-db.ts');
    db = await openPgliteDb(opts.dataDir);
  } else {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(opts.dataDir, { recursive: true });
    const lock = lockDataDir(opts.dataDir, { command: opts.command });
    try {
      const { openPgliteDb } = await import('./pglite-db.ts');
      db = await openPgliteDb(opts.dataDir);
    } catch (err) {
      lock.release();
      throw err;
    }
    const close = db.close.bind(db);
    db = Object.assign(db, {
      async close() {
        try {
          await close();
        } finally {
          lock.release();
        }
      },
    });
    locks.set(db, lock);
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

/**
 * Writes the running server's URL into the lock file of its PGlite folder, so that a later
 * command can find it. Nothing to do on a PostgreSQL server (no lock file).
 */
export function announceDbHolder(db: Db, fields: { url: string | null }): void {
  locks.get(db)?.update(fields);
}
