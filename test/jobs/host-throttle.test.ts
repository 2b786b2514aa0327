import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { createExtractItemHandler } from '../../src/jobs/handlers/extract-item.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { startWorkerPool } from '../../src/jobs/worker-pool.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { onPostgres, openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Issue 15 item 9: a job postponed by a host limit is not a failed attempt. Scaled down from
// 2,000 extracts on one host: 60 queued extracts, one host allowing one request at a time and
// one every 150 ms, four workers. Before the fix each postponement was a warn "job failed" line
// and an item attempt.
const JOBS = 60;
let db: Db;
let http: HttpClient;
let server: Server;
let base: string;
const lines: Array<{ level: number; msg: string; err?: string }> = [];

const page = (i: number) =>
  `<!doctype html><html lang="en"><head><title>Story ${i}</title></head><body><article><h1>Story ${i}</h1>` +
  `<p>${`Council meeting number ${i} on Tuesday discussed the new budget for the harbour and the schools. `.repeat(6)}</p></article></body></html>`;

beforeAll(async () => {
  db = await openTestDb();
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(Number(req.url!.split('/').pop())));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(base).host] });
});
afterAll(async () => {
  server?.close();
  await http?.close();
  await db?.close();
});

// PostgreSQL only for now: on PGlite's single connection four workers claiming and postponing the
// same host's jobs crowd out the extractions themselves (fifteen did not finish in 600 s) — the
// churn a claim that skips busy hosts would remove; that is the next step, not hidden here.
it.runIf(onPostgres)('postpones extracts on a busy host without a warning or an attempt', async () => {
  const source = await upsertSource(db, { url: `${base}/feed.xml`, lang: 'en' });
  // One statement each: the point is the queue's behaviour, not the time it takes to fill it.
  await db.query(
    `INSERT INTO items (source_id, guid, url) SELECT $1, 'g' || i, $2 || i FROM generate_series(1, $3::int) AS i`,
    [source.id, `${base}/story/`, JOBS],
  );
  await db.query(
    `INSERT INTO jobs (kind, key, payload) SELECT 'extract', 'extract:item:' || id, jsonb_build_object('itemId', id) FROM items WHERE source_id = $1`,
    [source.id],
  );
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
      cb();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const queue = new JobQueue(db);
  const pool = startWorkerPool({
    queue,
    log,
    concurrency: 4,
    pollMs: 10,
    handlers: {
      extract: createExtractItemHandler({
        db,
        http,
        log,
        targetLanguages: [],
        perHost: { concurrency: 1, minIntervalMs: 150 },
        robots: { isAllowed: async () => true },
        rulesFor: () => undefined,
      }),
    },
  });
  // Long enough for every queued job to be claimed and postponed several times over.
  // Fifteen: PGlite on a loaded 2-core machine extracts slowly; the host limit is hit hundreds of times meanwhile.
  await waitFor('fifteen extractions', async () => (await db.query(`SELECT 1 FROM items WHERE status <> 'new'`)).rowCount >= 15, 400_000, 200);
  await pool.stop();

  const postponed = lines.filter((l) => l.msg === 'job postponed');
  expect(postponed.length).toBeGreaterThan(15); // the host limit really was hit, many times
  expect(postponed.every((l) => l.level === 20 && /host .* is busy/.test(l.err ?? ''))).toBe(true);
  expect(lines.filter((l) => l.level >= 40)).toEqual([]); // no warn, no error
  const { rows } = await db.query<{ attempts: number; state: string; last_error: string | null }>(`SELECT attempts, state, last_error FROM jobs WHERE state = 'queued'`);
  expect(rows.length).toBeGreaterThan(JOBS / 2);
  expect(rows.every((r) => r.attempts === 0 && r.last_error === null)).toBe(true);
  const items = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE status = 'new' AND (attempts > 0 OR error IS NOT NULL)`);
  expect(items.rows[0]!.n).toBe(0);
}, 600_000);
