import type { Db } from './db.ts';
import { migrate } from './migrate.ts';

export interface OpenDbOptions {
  /** postgres://… for a server; otherwise PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  onError?: (err: Error) => void;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    const { openPostgresDb } = await import('./postgres-db.ts');
    db = await openPostgresDb(opts.databaseUrl, { onError: opts.onError });
  } else {
    const { mkdir } = await import('node:fs/promises');
    if (opts.dataDir !== 'memory://') await mkdir(opts.dataDir, { recursive: true });
    const { openPgliteDb } = await import('./pglite-db.ts');
    db = await openPgliteDb(opts.dataDir);
  }
  await migrate(db);
  return db;
}
