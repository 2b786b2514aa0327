import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { PermanentError } from '../domain/errors.ts';

/**
 * What the lock file says about the process holding a PGlite data folder. Besides naming the
 * holder in errors, it is how another command finds the running server: its pid and, once its
 * web server listens, its URL.
 */
export interface LockHolder {
  pid: number;
  /** `transwire run`, `transwire review list`… */
  command: string;
  started_at: string;
  host: string;
  /** Linux: the process start time in clock ticks since boot (/proc/PID/stat field 22): tells a reused pid from the holder. */
  proc_start: string | null;
  /** The holder's web server, when it has one (null until it listens). */
  url: string | null;
}

export const LOCK_FILE = 'transwire.lock';

/** Another live process holds the folder. */
export class DataDirInUseError extends PermanentError {
  constructor(readonly dataDir: string, readonly holder: LockHolder, lockPath: string) {
    const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
    super(
      `the database in ${dataDir} is in use by ${holder.command}, pid ${holder.pid}${where} (since ${holder.started_at}); ` +
        `stop it first, or, if that process is gone, delete ${lockPath}`,
      'store.in_use',
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Adds what the holder learned after opening (its URL). */
  update(fields: Partial<Pick<LockHolder, 'url'>>): void;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Folders this process holds: opening one twice in one process is refused as well. */
const held = new Map<string, DataDirLock>();

function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true; // cannot tell: a shared folder is trusted to its holder
  if (h.pid === process.pid) return false; // our own pid in a lock we do not hold: a restarted container
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is taken: by the holder, or by another process that got the dead holder's pid.
  const now = procStart(h.pid);
  return !(h.proc_start && now && now !== h.proc_start);
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

/** Global options that take a value: their value is not the command. */
const VALUED_GLOBALS = new Set(['--config', '--log-format']);

/**
 * `transwire run` from `node bin/transwire.js --config x.yaml run --port 8181`: the global options
 * before the command are skipped with their values, and the words stop at the command's first
 * option (an option's value, `8181`, is not a word of the command).
 */
export function describeCommand(argv = process.argv): string {
  const script = basename(argv[1] ?? 'node').replace(/\.[cm]?[jt]s$/, '');
  let i = 2;
  while (i < argv.length && argv[i]!.startsWith('-')) i += VALUED_GLOBALS.has(argv[i]!) ? 2 : 1;
  const words: string[] = [];
  for (; i < argv.length && words.length < 2 && !argv[i]!.startsWith('-'); i++) words.push(argv[i]!);
  return [script, ...words].join(' ');
}

/**
 * Takes the folder's lock, or throws DataDirInUseError naming the live holder. The file is created
 * with O_EXCL, so of two processes starting at once exactly one gets it. A lock left by a dead
 * process (kill -9, power loss) is taken over: under a second O_EXCL file, so that two processes
 * finding the same stale lock cannot both remove it and each believe it holds the folder.
 */
export function lockDataDir(dataDir: string, opts: { command?: string } = {}): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  if (held.has(path)) throw new DataDirInUseError(dataDir, held.get(path)!.holder, path);
  const holder: LockHolder = {
    pid: process.pid,
    command: opts.command ?? describeCommand(),
    started_at: new Date().toISOString(),
    host: hostname(),
    proc_start: procStart(process.pid),
    url: null,
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path, holder)) break;
    const current = readHolder(path);
    if (current && isAlive(current)) throw new DataDirInUseError(dataDir, current, path);
    if (!current && attempt < 20 && ageMs(path) < 2_000) {
      // Being written by a process that just created it: look again in a moment.
      sleepSync(25);
      continue;
    }
    if (attempt >= 20) throw new PermanentError(`could not take the lock ${path}: it keeps changing`, 'store.lock_contended');
    takeOver(path, current);
  }
  const lock: DataDirLock = {
    path,
    holder,
    update(fields) {
      Object.assign(holder, fields);
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(holder, null, 2) + '\n', { mode: 0o644 });
      renameSync(tmp, path); // atomic: a reader sees the old content or the new, never half
    },
    release() {
      if (held.get(path) !== lock) return;
      held.delete(path);
      process.off('exit', onExit);
      const current = readHolder(path);
      if (current?.pid === holder.pid && current.started_at === holder.started_at) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    },
  };
  // process.exit() skips close(): the lock goes with the process all the same. (A kill -9 leaves
  // it behind; the next start sees the pid is dead and takes over.)
  const onExit = () => lock.release();
  process.on('exit', onExit);
  held.set(path, lock);
  return lock;
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes a dead holder's lock, if it is still the one we judged dead. */
function takeOver(path: string, stale: LockHolder | null): void {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another process is taking over; a guard older than 10 s was left by one that died doing it.
    if (ageMs(guard) > 10_000) unlinkQuietly(guard);
    sleepSync(25);
    return;
  }
  try {
    const now = readHolder(path);
    const same = stale === null ? now === null : now !== null && now.pid === stale.pid && now.started_at === stale.started_at;
    if (same) unlinkQuietly(path);
  } finally {
    closeSync(fd);
    unlinkQuietly(guard);
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The holder named in a folder's lock file, if any (for commands that look for the running server). */
export function readLockHolder(dataDir: string): LockHolder | null {
  return readHolder(join(dataDir, LOCK_FILE));
}
