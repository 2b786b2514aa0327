import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { parseFeed } from '../../src/feeds/index.ts';
import { createExtractItemHandler } from '../../src/jobs/handlers/extract-item.ts';
import { ingestFeedItems } from '../../src/jobs/ingest-feed.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { openTestDb } from '../helpers/test-db.ts';

// Issue 13, sections: an article's section comes from the page's metadata, else the feed item's
// <category>, else the source's category. Before, every article took the source's category.
let db: Db;
let http: HttpClient;
let server: Server;
let base: string;

// Each story its own text: the same text twice would be skipped as a duplicate.
const body = (path: string) => `<p>${`The council met on Tuesday about ${path} and agreed the budget for the harbour, the schools and the new tram line after a long debate. `.repeat(4)}</p>`;
const PAGES: Record<string, string> = {
  // JSON-LD articleSection (and a different article:section, which JSON-LD outranks).
  '/ld': `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Telescope","articleSection":["Science","Space"]}</script><meta property="article:section" content="Sport">`,
  '/meta': `<meta property="article:section" content="Business">`,
  '/bare': '',
  '/bare-url-category': '',
  '/bare-no-category': '',
};

function page(path: string): string {
  return `<!doctype html><html lang="en"><head><title>Story ${path}</title>${PAGES[path] ?? ''}</head><body><article><h1>Story ${path}</h1>${body(path)}</article></body></html>`;
}

const item = (path: string, categories: string[]) =>
  `<item><title>Story ${path}</title><link>${base}${path}</link><guid>${path}</guid>${categories.map((c) => `<category>${c}</category>`).join('')}</item>`;

beforeAll(async () => {
  db = await openTestDb();
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(req.url!));
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

describe('an article takes its section: page metadata > feed item category > source category', () => {
  it('chooses by that precedence, end to end from the feed to the article row', async () => {
    const source = await upsertSource(db, { url: `${base}/feed.xml`, lang: 'en', category: 'Wire' });
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>${base}/</link>
      ${item('/ld', ['Health'])}${item('/meta', ['Markets'])}${item('/bare', ['  technology ', 'Gadgets'])}
      ${item('/bare-url-category', ['https://courier.example/tag/x'])}${item('/bare-no-category', [])}
      </channel></rss>`;
    const feed = parseFeed(rss, { url: `${base}/feed.xml` });
    await db.transaction((tx) => ingestFeedItems(tx, source.id, feed));
    const { rows: items } = await db.query<{ id: number; url: string; category: string | null }>('SELECT id, url, category FROM items ORDER BY id');
    // The item row keeps the feed's first category as written.
    expect(items.map((i) => i.category)).toEqual(['Health', 'Markets', 'technology', 'https://courier.example/tag/x', null]);

    const extract = createExtractItemHandler({
      db, http, log: pino({ level: 'silent' }), targetLanguages: [],
      perHost: { concurrency: 4, minIntervalMs: 0 }, robots: { isAllowed: async () => true }, rulesFor: () => undefined,
    });
    for (const i of items) await extract({ itemId: i.id });
    const { rows } = await db.query<{ url: string; category: string | null }>('SELECT url, category FROM articles ORDER BY id');
    expect(Object.fromEntries(rows.map((r) => [new URL(r.url).pathname, r.category]))).toEqual({
      '/ld': 'Science', // JSON-LD (first of its list) over article:section and over the item's "Health"
      '/meta': 'Business', // article:section over the item's "Markets"
      '/bare': 'Technology', // the item's category, normalized
      '/bare-url-category': 'Wire', // a URL is no section: the source's category
      '/bare-no-category': 'Wire',
    });
  });
});
