import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { LOCAL_TOKEN_FILE } from '../../src/admin/api/local-token-file.ts';
import { LOCK_FILE, readLockHolder } from '../../src/store/data-dir-lock.ts';
import { openDb } from '../../src/store/open-db.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { seedSite } from '../web/seed-site.ts';

/**
 * Issue 11 §1: a command that changes data works beside a running `transwire run`. Before, on
 * PGlite, `transwire takedown` opened the server's data folder a second time: it printed "is gone"
 * while the page kept answering 200, also after a restart, and `review list` crashed with
 * `RuntimeError: Aborted()`. Now the command goes through the server's API with the local token
 * (PGlite) or uses the database server directly (PostgreSQL). Real processes throughout.
 */
vi.setConfig({ testTimeout: 900_000, hookTimeout: 600_000 });

const BIN = new URL('../../bin/transwire.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tw-beside-'));
const dataDir = join(dir, 'db');
const config = join(dir, 'transwire.yaml');
const children: ChildProcess[] = [];
let databaseUrl: string | null = null;
let dropDb = async () => {};
let gonePath = '';
let heldTitle = '';
let server: { child: ChildProcess; url: string } | null = null;

/** `transwire run|worker` as a child; for run, resolves with its URL once it listens. */
function start(command: 'run' | 'worker'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, command, '--config', config, '--log-format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /site at (http:\/\/\S+?)\/?\n/.exec(stdout)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`transwire ${command} exited ${code}: ${stderr.slice(-2000)}`)));
    if (command === 'worker') {
      // A worker has no site: it is up once its pid is in the folder's lock (PGlite), or after a moment (PostgreSQL).
      const began = Date.now();
      const timer = setInterval(() => {
        if (readLockHolder(dataDir)?.pid === child.pid || (onPostgres && Date.now() - began > 3000)) {
          clearInterval(timer);
          resolve({ child, url: '' });
        }
      }, 100);
      child.once('exit', () => clearInterval(timer));
    }
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
  }
  return child.exitCode;
}

const cli = (...args: string[]): Promise<CliResult> => runCli([...args, '--config', config]);
const status = async (path: string): Promise<number> => (await fetch(`${server!.url}${path}`, { redirect: 'manual' })).status;

beforeAll(async () => {
  if (onPostgres) ({ url: databaseUrl, drop: dropDb } = await createTestDatabase());
  // One language Apertium translates (the start checks the engines); the seeded sources are never polled.
  writeFileSync(config, stringify({ database: { url: databaseUrl, dataDir }, site: { name: 'Wire', baseUrl: 'https://news.example', languages: ['es'] }, server: { port: 0 }, log: { level: 'warn' } }));
  const db = await openDb({ databaseUrl, dataDir });
  try {
    const seeded = await seedSite(db);
    await db.query('UPDATE sources SET enabled = false');
    gonePath = seeded.pubs.get('bridge:es')!.path;
    const held = await db.query<{ title: string }>(
      `UPDATE translations SET status = 'held', hold_reason = 'hold: numbers (error)' WHERE id = (SELECT translation_id FROM publications WHERE id = $1) RETURNING title`,
      [seeded.pubs.get('port:ar')!.id],
    );
    heldTitle = held.rows[0]!.title;
  } finally {
    await db.close();
  }
  server = await start('run');
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await dropDb();
  rmSync(dir, { recursive: true, force: true });
});

describe(`commands beside a running transwire run (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  const beside: Record<string, CliResult> = {};

  it('takedown from a second process: exit 0, and the URL answers 410 within 2 s', async () => {
    expect(await status(gonePath)).toBe(200);
    if (!onPostgres) expect(readLockHolder(dataDir)).toMatchObject({ pid: server!.child.pid, command: 'transwire run', url: server!.url });
    const res = await cli('takedown', gonePath, '--reason', 'legal request');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^takedown: \/es\/\d{4}\/\d\d\/peajes-del-puente \(publication \d+\) is gone: 410 at its URL/);
    beside.takedown = res;
    const t0 = Date.now();
    await vi.waitFor(async () => expect(await status(gonePath)).toBe(410), { timeout: 2000, interval: 50 });
    console.log(`410 after the command exited: ${Date.now() - t0} ms (loaded machine)`);
  });

  it('review list and user add work beside the server (no RuntimeError: Aborted()), as do their mistakes', async () => {
    const list = await cli('review', 'list');
    expect(list.stderr).not.toMatch(/Aborted|RuntimeError/);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(heldTitle);
    expect(list.stdout).toContain('reason: hold: numbers (error)');
    beside.json = await cli('review', 'list', '--json');
    expect(beside.json.code).toBe(0);
    beside.missing = await cli('takedown', '/es/2026/01/none');
    expect(beside.missing).toMatchObject({ code: 1, stdout: '', stderr: 'takedown: no publication /es/2026/01/none\n' });
    const user = await cli('user', 'add', 'ann@newsroom.example', '--role', 'editor');
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/^added ann@newsroom\.example \(editor\); one-time password, shown only now:\n\S+\n/);
    beside.users = await cli('user', 'list', '--json');
    beside.unknownId = await cli('review', 'approve', '999999');
    expect(beside.unknownId.code).toBe(1);
    expect(beside.unknownId.stderr).toBe('transwire: review approve: no translation 999999 (transwire review list shows the held ones)\n');
  });

  it.skipIf(onPostgres)('refuses a token file that others may read, naming it', async () => {
    const tokenFile = join(dataDir, LOCAL_TOKEN_FILE);
    chmodSync(tokenFile, 0o644);
    try {
      const res = await cli('takedown', gonePath);
      expect(res.code).toBe(1);
      expect(res.stderr).toBe(`transwire: refusing the local admin token: ${tokenFile} has mode 0644: others may read or change it (the server writes it with 0600; restart it)\n`);
    } finally {
      chmodSync(tokenFile, 0o600);
    }
  });

  it('still 410 after the server is restarted; the same commands print the same without a server', async () => {
    expect(await stop(server!.child)).toBe(0);
    if (!onPostgres) {
      expect(existsSync(join(dataDir, LOCAL_TOKEN_FILE))).toBe(false); // removed at a clean stop
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    }
    // Now straight on the database: the output is the one the server path gave.
    const again = await cli('takedown', gonePath, '--reason', 'legal request');
    expect(again).toEqual(beside.takedown);
    expect(await cli('review', 'list', '--json')).toEqual(beside.json);
    expect(await cli('takedown', '/es/2026/01/none')).toEqual(beside.missing);
    expect(await cli('review', 'approve', '999999')).toEqual(beside.unknownId);
    expect(await cli('user', 'list', '--json')).toEqual(beside.users);
    expect(JSON.parse(beside.users!.stdout)).toEqual([expect.objectContaining({ email: 'ann@newsroom.example', role: 'editor' })]);

    server = await start('run');
    expect(await status(gonePath)).toBe(410);
    expect(await stop(server.child)).toBe(0);
  });

  it('beside a worker-only process: on PGlite one line naming the holder and exit 1; on PostgreSQL it just works', async () => {
    const worker = await start('worker');
    try {
      const res = await cli('takedown', gonePath);
      if (onPostgres) {
        expect(res.code, res.stderr).toBe(0);
      } else {
        expect(res.code).toBe(1);
        expect(res.stderr).toBe(`transwire: database.dataDir: the database in ${dataDir} is in use by transwire worker, pid ${worker.child.pid} (since ${readLockHolder(dataDir)!.started_at}); stop it first, or, if that process is gone, delete ${join(dataDir, LOCK_FILE)}\n`);
      }
    } finally {
      await stop(worker.child);
    }
  });
});
