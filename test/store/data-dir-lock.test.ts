import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, describeCommand, LOCK_FILE, readLockHolder } from '../../src/store/data-dir-lock.ts';
import { announceDbHolder, openDb } from '../../src/store/open-db.ts';
import { runCli } from '../helpers/run-cli.ts';

// Issue 11 §1: a PGlite data folder is opened by one process only. Before the lock, a second
// process opened the same folder and one of them crashed with `RuntimeError: Aborted()` or lost
// its writes. Every case here uses real processes.
const FIXTURE = new URL('./fixtures/hold-db.ts', import.meta.url).pathname;
const children: ChildProcess[] = [];
const dirs: string[] = [];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tw-lock-'));
  dirs.push(dir);
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Holder {
  child: ChildProcess;
  /** "opened", or the exit code and stderr of a process that could not open. */
  outcome: Promise<{ opened: true } | { opened: false; code: number | null; stderr: string }>;
}

function hold(dataDir: string, command: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, command], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const outcome = new Promise<{ opened: true } | { opened: false; code: number | null; stderr: string }>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (l) => l === 'opened' && resolve({ opened: true }));
    child.once('exit', (code) => resolve({ opened: false, code, stderr }));
  });
  return { child, outcome };
}

const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()));

async function marks(dataDir: string): Promise<number[]> {
  const db = await openDb({ databaseUrl: null, dataDir });
  try {
    return (await db.query<{ pid: number }>('SELECT pid FROM marks ORDER BY pid')).rows.map((r) => r.pid);
  } finally {
    await db.close();
  }
}

describe('one writer per PGlite data folder', () => {
  it('refuses a second process with an error naming the holder, and the holder loses nothing', async () => {
    const first = hold(dir, 'transwire run');
    expect(await first.outcome).toEqual({ opened: true });
    const holder = readLockHolder(dir);
    expect(holder).toMatchObject({ pid: first.child.pid, command: 'transwire run', url: null });

    const second = hold(dir, 'transwire review list');
    const refused = await second.outcome;
    expect(refused).toMatchObject({ opened: false, code: 3 });
    expect((refused as { stderr: string }).stderr).toContain(`the database in ${dir} is in use by transwire run, pid ${first.child.pid}`);

    first.child.stdin!.end();
    await exited(first.child);
    expect(first.child.exitCode).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // released on close
    expect(await marks(dir)).toEqual([first.child.pid]); // the holder's write is there, and only its
  }, 300_000);

  it('takes over the lock of a holder killed with SIGKILL', async () => {
    const first = hold(dir, 'transwire run');
    expect(await first.outcome).toEqual({ opened: true });
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(readLockHolder(dir)?.pid).toBe(first.child.pid); // left behind

    const second = hold(dir, 'transwire run');
    expect(await second.outcome).toEqual({ opened: true });
    expect(readLockHolder(dir)?.pid).toBe(second.child.pid);
    second.child.stdin!.end();
    await exited(second.child);
    expect((await marks(dir)).sort()).toEqual([first.child.pid!, second.child.pid!].sort());
  }, 300_000);

  it('lets exactly one of two processes starting at once open a stale-locked folder', async () => {
    // A lock from a process that no longer exists (pid far beyond pid_max on Linux).
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 30, command: 'transwire run', started_at: '2026-01-01T00:00:00Z', host: (await import('node:os')).hostname(), proc_start: null, url: null }));
    const a = hold(dir, 'transwire run');
    const b = hold(dir, 'transwire worker');
    const outcomes = await Promise.all([a.outcome, b.outcome]);
    const opened = outcomes.filter((o) => o.opened);
    expect(opened).toHaveLength(1);
    const refused = outcomes.find((o) => !o.opened) as { stderr: string };
    const winner = outcomes[0]!.opened ? a : b;
    expect(refused.stderr).toContain(`is in use by ${winner === a ? 'transwire run' : 'transwire worker'}, pid ${winner.child.pid}`);
    winner.child.stdin!.end();
    await exited(winner.child);
  }, 300_000);

  it('a transwire command beside a holder exits 1 with one line naming the holder', async () => {
    const first = hold(dir, 'transwire run');
    expect(await first.outcome).toEqual({ opened: true });
    const config = join(dir, '..', `${dir.split('/').pop()}.yaml`);
    writeFileSync(config, `database:\n  dataDir: ${dir}\n`);
    dirs.push(config);
    const res = await runCli(['migrate', '--config', config]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`the database in ${dir} is in use by transwire run, pid ${first.child.pid}`);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    first.child.stdin!.end();
    await exited(first.child);
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
  }, 300_000);

  it('carries the running server\'s URL for later commands, and refuses a second open in the same process', async () => {
    const db = await openDb({ databaseUrl: null, dataDir: dir, command: 'transwire run' });
    try {
      announceDbHolder(db, { url: 'http://127.0.0.1:8080' });
      expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, command: 'transwire run', url: 'http://127.0.0.1:8080' });
      await expect(openDb({ databaseUrl: null, dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
    } finally {
      await db.close();
    }
    expect(readLockHolder(dir)).toBeNull();
  }, 300_000);

  it.each([
    [['node', '/srv/transwire/bin/transwire.js', 'run'], 'transwire run'],
    [['node', 'bin/transwire.js', '--config', 'x.yaml', 'review', 'list', '--json'], 'transwire review list'],
    [['node', 'bin/transwire.js', '--log-format', 'json', 'worker'], 'transwire worker'],
    // An option's value is not a word of the command (it read "transwire run 8181").
    [['node', 'bin/transwire.js', 'run', '--port', '8181'], 'transwire run'],
    [['node', 'bin/transwire.js', '--debug', 'web', '--host', '127.0.0.1', '--port', '0'], 'transwire web'],
    [['node', 'bin/transwire.js', 'takedown', '--reason', 'legal', '/es/2026/11/x'], 'transwire takedown'],
    [['node', 'bin/transwire.js', '--config=x.yaml', 'source', 'add', 'https://a.example/feed'], 'transwire source add'],
  ])('names the command %j as %s', (argv, expected) => {
    expect(describeCommand(argv)).toBe(expected);
  });
});
