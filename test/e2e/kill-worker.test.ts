import { spawn, type ChildProcess } from 'node:child_process';
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
function startWorker(match: (line: Record<string, unknown>) => boolean): { child: ChildProcess; seen: Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['bin/transwire.js', 'worker', '--config', join(dir, 'transwire.yaml')], {
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

async function inspect<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl, dataDir: join(dir, 'db') });
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
