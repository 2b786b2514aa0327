import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readLocalToken } from '../admin/api/local-token-file.ts';
import type { Config } from '../config/schema.ts';
import { PermanentError } from '../domain/errors.ts';
import { DataDirInUseError, LOCK_FILE } from '../store/data-dir-lock.ts';
import { serverClient, type ServerClient } from './server-client.ts';

/** How a data-changing command reaches the data: itself, or through the server that holds it. */
export type DataAccess<T> = { direct: T; server?: undefined } | { direct?: undefined; server: ServerClient };

/**
 * On a PostgreSQL server, or on a PGlite folder nobody holds, the command opens the database
 * itself (`openDirect`). A PGlite folder held by a running `transwire run|web` (its lock file names
 * the server's URL) is changed through that server's API instead, with the local token it wrote
 * beside the lock: two processes in one PGlite folder crash or lose writes. A holder without a web
 * server (`transwire worker`) cannot be asked: the lock's error, naming it, stands.
 */
export async function reachData<T>(config: Config, openDirect: () => Promise<T>): Promise<DataAccess<T>> {
  try {
    return { direct: await openDirect() };
  } catch (err) {
    const inUse = inUseCause(err);
    if (config.database.url || !inUse || inUse.holder.host !== hostname()) throw err;
    const { holder } = inUse;
    if (!holder.url && /^transwire (run|web)$/.test(holder.command)) {
      // Its lock is taken at open, its URL written once it listens: "stop it first" would be wrong advice.
      throw new PermanentError(
        `the database in ${inUse.dataDir} is in use by ${holder.command}, pid ${holder.pid}, which has not opened its web server yet: try again once it listens`,
        'store.in_use_starting',
        { cause: err },
      );
    }
    if (!holder.url) throw err;
    refuseForeignLock(config.database.dataDir);
    return { server: serverClient(holder.url, readLocalToken(config.database.dataDir)) };
  }
}

/** The token goes where the lock file points: only if our own user wrote it, never another's. */
function refuseForeignLock(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  const uid = process.getuid?.();
  const owner = statSync(path, { throwIfNoEntry: false })?.uid;
  if (uid !== undefined && owner !== undefined && owner !== uid) {
    throw new PermanentError(`refusing to send the local admin token: ${path} belongs to uid ${owner}, not to this user (uid ${uid})`, 'api.local_token');
  }
}

/** The lock's error, also when a start-up error names the setting around it. */
function inUseCause(err: unknown): DataDirInUseError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DataDirInUseError) return e;
  }
  return null;
}
