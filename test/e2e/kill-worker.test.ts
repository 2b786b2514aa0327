import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startNewsroom, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

// A real worker process is killed with SIGKILL in the middle of a translation job. Its lease
// expires, a new worker takes the job again, and the article is published exactly once.
let newsroom: Newsroom;
let dir: string;
let databaseUrl: string | null = null;
let dropDb = async () => {};
const children: ChildProcess[] = [];

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  newsroom = await startNewsroom({ initialCount: 1 });
  dir = mkdtempSync(join(tmpdir(), 'tw-kill-'));
  if (onPostgres) ({ url: databaseUrl, drop: dropDb } = await createTestDatabase());
  writeFileSync(
    join(dir, 'transwire.yaml'),
    stringify({
      database: { url: databaseUrl, dataDir: join(dir, 'db') },
      sources: [{ url: newsroom.rssUrl, name: 'Gazette', lang: 'en' }],
      fetch: { allowPrivate: [new URL(newsroom.url).host], poll: { minSeconds: 1, maxSeconds: 5 }, perHost: { concurrency: 2, minIntervalMs: 0 } },
      worker: { concurrency: 1, leaseSeconds: 3, pollMs: 100 },
      log: { level: 'debug' },
    }),
  );
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await newsroom?.close();
  await dropDb();
});

/** Starts `transwire worker` and resolves with the first log line that `match` accepts. */
function startWorker(match: (line: Record<string, unknown>) => boolean, config = join(dir, 'transwire.yaml')): { child: ChildProcess; seen: Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['bin/transwire.js', 'worker', '--config', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const seen = new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stderr! }).on('line', (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text);
      } catch {
        return;
      }
      if (match(line)) resolve(line);
    });
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before the expected log line`)));
  });
  return { child, seen };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function inspect<T>(fn: (db: Db) => Promise<T>, where = { databaseUrl, dataDir: join(dir, 'db') }): Promise<T> {
  const db = await openDb(where);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

it('publishes exactly once after a worker is killed with SIGKILL mid-translation', async () => {
  const first = startWorker((l) => l.msg === 'job started' && String(l.key).startsWith('translate:'));
  await first.seen;
  first.child.kill('SIGKILL');
  await exited(first.child);

  const before = await inspect(async (db) => ({
    job: (await db.query<{ state: string; attempts: number }>(`SELECT state, attempts FROM jobs WHERE kind = 'translate'`)).rows,
    publications: (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM publications')).rows[0]!.n,
  }));
  // The kill really landed mid-job: leased, not finished, nothing published.
  expect(before).toEqual({ job: [{ state: 'running', attempts: 1 }], publications: 0 });

  const second = startWorker((l) => l.msg === 'published');
  await second.seen;
  // Give a duplicate run the chance to happen before looking.
  await new Promise((r) => setTimeout(r, 1500));
  second.child.kill('SIGTERM');
  await exited(second.child);

  const after = await inspect(async (db) => ({
    job: (await db.query<{ state: string; attempts: number }>(`SELECT state, attempts FROM jobs WHERE kind = 'translate'`)).rows,
    publications: (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM publications')).rows[0]!.n,
    translations: (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM translations')).rows[0]!.n,
  }));
  expect(after).toEqual({ job: [{ state: 'done', attempts: 2 }], publications: 1, translations: 1 });
}, 300_000);

// Issue 15 item 10: SIGTERM while a poll reads from a server that trickles its body. Shutdown used
// to wait for the fetch's deadline (16 s seen, 30 s possible) and then record the source as
// failing. Now the fetch is aborted: the process exits within a few seconds and the poll job is
// back in the queue, its attempt not counted, the source untouched.
it('aborts an in-flight fetch on SIGTERM: exits within seconds, the job goes back to the queue', async () => {
  const open: ServerResponse[] = [];
  let feedRequests = 0;
  const trickle = createServer((req, res) => {
    if (req.url !== '/feed.xml') {
      res.writeHead(404).end();
      return;
    }
    feedRequests++;
    open.push(res);
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?>');
    const drip = setInterval(() => res.write(' '), 500);
    res.on('close', () => clearInterval(drip));
  });
  await new Promise<void>((r) => trickle.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}`;
  let url: string | null = null;
  let drop = async () => {};
  if (onPostgres) ({ url, drop } = await createTestDatabase());
  const where = { databaseUrl: url, dataDir: join(dir, 'db-trickle') };
  const config = join(dir, 'trickle.yaml');
  writeFileSync(
    config,
    stringify({
      database: { url, dataDir: where.dataDir },
      sources: [{ url: `${base}/feed.xml`, name: 'Trickle', lang: 'en' }],
      fetch: { allowPrivate: [new URL(base).host], timeoutMs: 60_000 },
      worker: { concurrency: 1, pollMs: 100 },
      log: { level: 'debug' },
    }),
  );
  try {
    const worker = startWorker((l) => l.msg === 'job started' && String(l.key).startsWith('poll:'), config);
    await worker.seen;
    const deadline = Date.now() + 30_000;
    while (feedRequests === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(feedRequests).toBe(1);
    await new Promise((r) => setTimeout(r, 1000)); // the body is trickling now
    const sent = Date.now();
    worker.child.kill('SIGTERM');
    await exited(worker.child);
    const tookMs = Date.now() - sent;
    expect(worker.child.exitCode).toBe(0);
    // Before: the fetch's whole deadline (60 s here). The rest is closing Apertium and the database,
    // which on a loaded 2-core machine alone can take seconds.
    expect(tookMs).toBeLessThan(10_000);

    const after = await inspect(
      async (db) => ({
        jobs: (await db.query<{ state: string; attempts: number }>(`SELECT state, attempts FROM jobs WHERE kind = 'poll'`)).rows,
        source: (await db.query<{ status: string; error_count: number; last_error: string | null }>('SELECT status, error_count, last_error FROM sources')).rows,
      }),
      where,
    );
    // Released, not failed and not lost: queued again with its attempt given back.
    expect(after).toEqual({ jobs: [{ state: 'queued', attempts: 0 }], source: [{ status: 'new', error_count: 0, last_error: null }] });
  } finally {
    for (const res of open) res.destroy();
    trickle.close();
    await drop();
  }
}, 300_000);
