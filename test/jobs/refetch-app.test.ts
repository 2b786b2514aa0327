import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logger.ts';
import { countLive } from '../../src/store/publications.ts';
import { startServer, type TestServer } from '../fetch/test-server.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Issue 12 §4 through the running app: the refetch job is registered with the workers, and an
// update it finds reaches the served page (render job, page cache) with its note; a source that
// answers 410 later marks the page.

let news: TestServer;
let app: App;
let site: string;
let dropDb = async () => {};
let text = ['The city council met on Tuesday evening to discuss the new budget for the schools and the hospital.',
  'The army said that 50 soldiers were killed in the attack on the northern border this week.'];
let status = 200;

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  news = await startServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return void res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>${news.origin}/</link>
        <item><title>Soldiers killed at the border</title><link>${news.origin}/story</link><guid>story</guid></item></channel></rss>`);
    }
    if (req.url !== '/story' || status !== 200) return void res.writeHead(req.url === '/story' ? status : 404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Soldiers killed at the border</title></head><body><article><h1>Soldiers killed at the border</h1>${text.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
  });
  let databaseUrl: string | null = null;
  if (onPostgres) {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const config = parseConfig({
    site: { name: 'Prueba', baseUrl: 'http://127.0.0.1:1', languages: ['es'] },
    server: { host: '127.0.0.1', port: 0 },
    database: { url: databaseUrl, dataDir: 'memory://' },
    sources: [{ url: `${news.origin}/feed.xml`, name: 'Courier', lang: 'en' }],
    fetch: { allowPrivate: [new URL(news.origin).host], poll: { minSeconds: 60, maxSeconds: 120 }, perHost: { concurrency: 4, minIntervalMs: 0 } },
    worker: { concurrency: 2, pollMs: 100, leaseSeconds: 60 },
    publish: { policy: { error: 'publish', warning: 'publish' } },
  });
  app = await createApp(config, { log: createLogger({ level: 'warn' }), retryBaseMs: 200 });
  site = (await app.start(['scheduler', 'worker', 'web'])).url!;
  await waitFor('the story to be published', async () => (await countLive(app.db, 'es')) >= 1, 90_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await news?.close();
  await dropDb();
});

async function refetchNow(): Promise<string> {
  const { rows } = await app.db.query<{ id: number; path: string }>('SELECT a.id, p.path FROM articles a JOIN publications p ON p.article_id = a.id');
  await app.queue.enqueue({ kind: 'refetch', key: `refetch:article:${rows[0]!.id}`, payload: { articleId: rows[0]!.id } });
  return rows[0]!.path;
}

describe('the running app follows a published story', () => {
  it('serves the update with its note once the source changed the story', async () => {
    text = [text[0]!, text[1]!.replace('50 soldiers', '105 soldiers')];
    const path = await refetchNow();
    const body = await waitFor('the page to show the update', async () => {
      const page = await (await fetch(site + path)).text();
      return page.includes('source-update') ? page : null;
    }, 30_000);
    expect(body).toContain('<bdi dir="ltr">50 → 105</bdi>');
    expect(body).toMatch(/<div class="body">[\s\S]*105[\s\S]*<\/div>/);
  });

  it('marks the page once the source answers 410', async () => {
    status = 410;
    const path = await refetchNow();
    const body = await waitFor('the page to say the original is gone', async () => {
      const page = await (await fetch(site + path)).text();
      return page.includes('source-gone') ? page : null;
    }, 30_000);
    expect(body).toContain('El artículo original ya no está disponible en la fuente');
  });
});
