import { closeSync, constants, fstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PermanentError } from '../../domain/errors.ts';
import { randomToken } from '../auth/secrets.ts';

/**
 * The local token: how a command on this machine (`transwire takedown` beside `transwire run`)
 * proves to the running server that it may act as the built-in admin `local-cli`. The server makes
 * a new one at every start and writes it into its PGlite data folder, readable by its own user
 * only; whoever can read it could also open the folder, so it grants nothing new.
 */
export const LOCAL_TOKEN_FILE = 'admin-token';

export interface LocalToken {
  token: string;
  path: string;
  /** Deletes the file if it still holds this token (a newer server may have replaced it). Idempotent. */
  remove(): void;
}

/** Writes a fresh token, mode 0600. A file left by a server that crashed is replaced, never followed. */
export function writeLocalToken(dataDir: string): LocalToken {
  const path = join(dataDir, LOCAL_TOKEN_FILE);
  const token = randomToken();
  unlinkQuietly(path);
  // O_EXCL after the unlink: a link planted in the folder meanwhile makes this fail instead of writing through it.
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
  return {
    token,
    path,
    remove() {
      try {
        if (readFileSync(path, 'utf8').trim() === token) unlinkSync(path);
      } catch {
        // gone already
      }
    },
  };
}

/**
 * Reads the running server's token. Refused (one line saying why) unless it is a plain file of this
 * user that nobody else can read: a token others could have written is not one to send.
 */
export function readLocalToken(dataDir: string): string {
  const path = join(dataDir, LOCAL_TOKEN_FILE);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refused(`${path} is missing: the running server writes it when it starts (restart it)`);
    if (code === 'ELOOP') throw refused(`${path} is a symbolic link, not the file the server writes`);
    if (code === 'EACCES') throw refused(`${path} is not readable by this user: run the command as the user that runs the server`);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw refused(`${path} is not a plain file`);
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) throw refused(`${path} belongs to uid ${st.uid}, not to this user (uid ${uid}): run the command as the user that runs the server`);
    if ((st.mode & 0o077) !== 0) throw refused(`${path} has mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}: others may read or change it (the server writes it with 0600; restart it)`);
    const token = readFileSync(fd, 'utf8').trim();
    if (!token) throw refused(`${path} is empty (restart the server)`);
    return token;
  } finally {
    closeSync(fd);
  }
}

function refused(why: string): PermanentError {
  return new PermanentError(`refusing the local admin token: ${why}`, 'api.local_token');
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // none there
  }
}
