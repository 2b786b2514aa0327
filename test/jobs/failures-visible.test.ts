import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PermanentError } from '../../src/domain/errors.ts';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { createExtractItemHandler } from '../../src/jobs/handlers/extract-item.ts';
import { createPollSourceHandler } from '../../src/jobs/handlers/poll-source.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { startWorkerPool, type JobHandler } from '../../src/jobs/worker-pool.ts';
import { createLogger } from '../../src/logger.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertArticle } from '../../src/store/articles.ts';
import { getSource, upsertSource } from '../../src/store/sources.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Issue 15 item 1: a feed or page with U+0000 made every write fail with PostgreSQL's
// `invalid byte sequence for encoding "UTF8": 0x00`, eight times, while the source still said
// status "new", 0 errors. Now NUL never reaches the database, a failure that will recur is not
// retried, and a job that fails for good says so on the source, item or article.
const log = createLogger({ level: 'silent' });
const routes: Record<string, { status?: number; type?: string; body: string }> = {};
let db: Db;
let http: HttpClient;
let server: Server;
let base: string;
let pool: { stop(): Promise<void> } | null = null;

const rss = (items: Array<{ guid: string; title: string; link: string; description?: string }>) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire\u0000 test</title><link>${base}/</link>` +
  items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>${i.link}</link><description>${i.description ?? ''}</description></item>`).join('') +
  `</channel></rss>`;

beforeAll(async () => {
  db = await openTestDb();
  server = createServer((req, res) => {
    const r = routes[req.url!];
    res.writeHead(r?.status ?? (r ? 200 : 404), { 'content-type': r?.type ?? 'text/plain; charset=utf-8' });
    res.end(r?.body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(base).host] });
});
afterAll(async () => {
  await pool?.stop();
  server?.close();
  await http?.close();
  await db?.close();
});

function startPool(extra: Record<string, JobHandler> = {}) {
  const robots = { isAllowed: async () => true };
  const perHost = { concurrency: 4, minIntervalMs: 0 };
  pool = startWorkerPool({
    queue: new JobQueue(db),
    log,
    concurrency: 2,
    pollMs: 20,
    retryBaseMs: 10,
    handlers: {
      poll: createPollSourceHandler({ db, http, robots, log, poll: { minSeconds: 60, maxSeconds: 3600 }, perHost }),
      extract: createExtractItemHandler({ db, http, log, targetLanguages: [], perHost, robots, rulesFor: () => undefined }),
      ...extra,
    },
  });
}

const poll = (sourceId: number) => JobQueue.enqueue(db, { kind: 'poll', key: `poll:source:${sourceId}`, payload: { sourceId } });
const job = async (key: string) =>
  (await db.query<{ state: string; attempts: number; last_error: string | null }>('SELECT state, attempts, last_error FROM jobs WHERE key = $1 ORDER BY id DESC', [key])).rows[0];

it('stores a feed and a page containing U+0000 without the NUL', async () => {
  startPool();
  const paragraph = 'The harbour authority said on Tuesday that the new quay would open in the spring, two years late.';
  routes['/nul/feed.xml'] = {
    type: 'application/rss+xml; charset=utf-8',
    body: rss([{ guid: 'nul-1', title: 'Harbour\u0000 opens', link: `${base}/nul/story`, description: 'Two\u0000 years late' }]),
  };
  routes['/nul/story'] = {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><title>Harbour opens</title></head><body><article><h1>Harbour\u0000 opens</h1>` +
      `<p>${paragraph.replace('quay', 'qu\u0000ay')}</p><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`,
  };
  const source = await upsertSource(db, { url: `${base}/nul/feed.xml`, lang: 'en' });
  await poll(source.id);
  const article = await waitFor('the article', async () => (await db.query<{ title: string; html: string; text: string }>('SELECT a.title, a.html, a.text FROM articles a JOIN items i ON i.id = a.item_id WHERE i.source_id = $1', [source.id])).rows[0], 60_000, 50);
  const item = (await db.query<{ title: string; summary: string; status: string }>('SELECT title, summary, status FROM items WHERE source_id = $1', [source.id])).rows[0]!;
  expect(item).toMatchObject({ title: 'Harbour opens', status: 'extracted' });
  expect(item.summary).not.toContain('\u0000');
  expect(article.title).toBe('Harbour opens');
  expect(article.text).toContain('the new quay would open');
  expect(`${article.title}${article.html}${article.text}`).not.toContain('\u0000');
  expect(await getSource(db, source.id)).toMatchObject({ status: 'ok', error_count: 0, last_error: null });
  await pool!.stop();
});

it('a poll that fails for good is not retried and shows its error on the source', async () => {
  startPool();
  // A real database refusal that the same data will meet every time (as the NUL byte was).
  await db.query(`ALTER TABLE items ADD CONSTRAINT test_no_poison CHECK (title IS NULL OR title NOT LIKE '%poison%')`);
  try {
    routes['/poison/feed.xml'] = { type: 'application/rss+xml', body: rss([{ guid: 'p-1', title: 'A poison pill', link: `${base}/poison/1` }]) };
    const source = await upsertSource(db, { url: `${base}/poison/feed.xml` });
    expect(source.status).toBe('new');
    await poll(source.id);
    await waitFor('the poll to fail', async () => (await job(`poll:source:${source.id}`))?.state === 'failed', 30_000, 50);
    expect(await job(`poll:source:${source.id}`)).toMatchObject({ state: 'failed', attempts: 1 }); // once, not eight times
    const row = (await getSource(db, source.id))!;
    expect(row).toMatchObject({ status: 'failing', error_count: 1 });
    expect(row.last_error).toMatch(/^poll: .*test_no_poison.*\(SQLSTATE 23514\)$/);
  } finally {
    await db.query('ALTER TABLE items DROP CONSTRAINT test_no_poison');
    await pool!.stop();
  }
});

it('an extraction that exhausts its attempts leaves the item failed with its error; a translation leaves it on the article', async () => {
  startPool({
    // Stands in for the translator (the recording is the point here, not Apertium).
    translate: async () => {
      throw new PermanentError('translate: no engine translates en→fr', 'translate.no_engine');
    },
  });
  routes['/down/feed.xml'] = { type: 'application/rss+xml', body: rss([{ guid: 'd-1', title: 'Down', link: `${base}/down/1` }]) };
  routes['/down/1'] = { status: 500, body: 'oops' };
  const source = await upsertSource(db, { url: `${base}/down/feed.xml` });
  await poll(source.id);
  // Retried (a 500 may pass), each attempt's error on the item; after the last one, failed.
  const item = await waitFor('the item to fail', async () => (await db.query<{ id: number; status: string; error: string | null }>(`SELECT id, status, error FROM items WHERE source_id = $1 AND status = 'failed'`, [source.id])).rows[0], 120_000, 50);
  expect(item.error).toBe(`extract: HTTP 500 from ${base}/down/1`);
  expect(await job(`extract:item:${item.id}`)).toMatchObject({ state: 'failed', attempts: 8 });

  const itemId = (await db.query<{ id: number }>(`INSERT INTO items (source_id, guid) VALUES ($1, 'for-article') RETURNING id`, [source.id])).rows[0]!.id;
  const article = await upsertArticle(db, {
    item_id: itemId, source_id: source.id, url: `${base}/a`, canonical_url: null, title: 'T', byline: null, published_at: null, modified_at: null,
    lang: 'en', dir: 'ltr', site_name: null, category: null, image_url: null, image_caption: null, excerpt: null, html: '<p>x</p>', text: 'x', content_hash: 'h',
  });
  await JobQueue.enqueue(db, { kind: 'translate', key: `translate:article:${article.id}:fr`, payload: { articleId: article.id, lang: 'fr' } });
  const errors = await waitFor('the translation error on the article', async () => {
    const e = (await db.query<{ translation_errors: Record<string, string> }>('SELECT translation_errors FROM articles WHERE id = $1', [article.id])).rows[0]!.translation_errors;
    return Object.keys(e).length ? e : null;
  }, 30_000, 50);
  expect(errors).toEqual({ fr: 'translate: no engine translates en→fr' });
  await pool!.stop();
});
