import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { createPollSourceHandler, newestFirst, sitemapLastmods } from '../../src/jobs/handlers/poll-source.ts';
import { createLogger } from '../../src/logger.ts';
import type { Db } from '../../src/store/db.ts';
import { getSource, upsertSource } from '../../src/store/sources.ts';
import { openTestDb } from '../helpers/test-db.ts';

type Reply = { status?: number; headers?: Record<string, string>; body?: string };

/** A fake publisher on 127.0.0.1: path → reply (a function for replies that change), every request logged. */
function publisher(routes: Record<string, Reply | (() => Reply)>): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url!);
    const route = routes[req.url!];
    const reply = typeof route === 'function' ? route() : (route ?? { status: 404, body: 'not found' });
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/xml; charset=utf-8', ...reply.headers });
    res.end(reply.body ?? '');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits })),
  );
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toUTCString();
let feedNo = 0;
/** An RSS feed whose items appeared `ageMinutes` ago; links unique per feed (URLs are deduplicated across sources). */
const rss = (ageMinutes: number[], extra = '') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${extra}${ageMinutes
    .map((m, i) => `<item><guid>g${i}-${m}</guid><title>Item ${i}</title><link>https://news.example/${++feedNo}/${i}</link><pubDate>${minutesAgo(m)}</pubDate></item>`)
    .join('')}</channel></rss>`;

const routes: Record<string, Reply | (() => Reply)> = {};
let db: Db;
let http: HttpClient;
let pub: Awaited<ReturnType<typeof publisher>>;
let poll: ReturnType<typeof createPollSourceHandler>;

beforeAll(async () => {
  db = await openTestDb();
  pub = await publisher(routes);
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(pub.base).host] });
  poll = createPollSourceHandler({
    db,
    http,
    robots: { isAllowed: async () => true },
    log: createLogger({ level: 'silent' }),
    poll: { minSeconds: 60, maxSeconds: 3600 },
    perHost: { concurrency: 4, minIntervalMs: 0 },
    maxSitemaps: 3,
  });
});
afterAll(async () => {
  pub?.server.close();
  await http?.close();
  await db?.close();
});

async function pollPath(path: string, kind: 'feed' | 'sitemap' = 'feed') {
  const source = await upsertSource(db, { url: `${pub.base}${path}`, kind });
  const before = Date.now();
  await poll({ sourceId: source.id });
  const row = (await getSource(db, source.id))!;
  return { row, delaySeconds: (row.next_fetch_at.getTime() - before) / 1000 };
}

describe('adaptive polling: the next fetch follows the source rhythm, within ttl, Cache-Control and config bounds', () => {
  const cases: Array<{ name: string; reply: () => Reply; expected: number; tolerance?: number }> = [
    { name: 'an item every 10 minutes → a quarter of the gap', reply: () => ({ body: rss([1, 11, 21, 31, 41]) }), expected: 150 },
    { name: 'an item every 2 minutes → the config minimum', reply: () => ({ body: rss([0, 2, 4, 6, 8]) }), expected: 60 },
    { name: 'ttl 30 minutes is a floor', reply: () => ({ body: rss([1, 11, 21, 31], '<ttl>30</ttl>') }), expected: 1800 },
    { name: 'Cache-Control max-age is a floor', reply: () => ({ body: rss([1, 11, 21, 31]), headers: { 'cache-control': 'public, max-age=900' } }), expected: 900 },
    { name: 'quiet for 3 hours although usually every 10 minutes → slows down', reply: () => ({ body: rss([180, 190, 200, 210]) }), expected: 2700 },
    { name: 'one item: nothing to learn yet → between the bounds', reply: () => ({ body: rss([5]) }), expected: Math.sqrt(60 * 3600) },
    { name: 'an item a day → the config maximum', reply: () => ({ body: rss([60, 1500, 2940]) }), expected: 3600 },
  ];
  cases.forEach((c, i) =>
    it(c.name, async () => {
      routes[`/rhythm-${i}.xml`] = c.reply;
      const { row, delaySeconds } = await pollPath(`/rhythm-${i}.xml`);
      expect(row.status).toBe('ok');
      expect(delaySeconds).toBeGreaterThan(c.expected - (c.tolerance ?? 5));
      expect(delaySeconds).toBeLessThan(c.expected + (c.tolerance ?? 5));
    }),
  );

  it('a 304 reschedules from the stored rhythm, without parsing', async () => {
    let calls = 0;
    routes['/conditional.xml'] = () => (calls++ === 0 ? { body: rss([1, 11, 21, 31]), headers: { etag: '"v1"' } } : { status: 304, headers: { etag: '"v1"' } });
    await pollPath('/conditional.xml');
    const { row, delaySeconds } = await pollPath('/conditional.xml');
    expect(calls).toBe(2);
    expect(row).toMatchObject({ status: 'ok', etag: '"v1"' });
    expect(delaySeconds).toBeGreaterThan(145);
    expect(delaySeconds).toBeLessThan(155);
  });
});

describe('a failing source is never dropped', () => {
  it('keeps its error and next attempt visible, backs off, honours Retry-After, and recovers', async () => {
    const replies: Reply[] = [
      { status: 500, body: 'boom' },
      { status: 500, body: 'boom' },
      { status: 503, headers: { 'retry-after': '1200' } },
      { body: rss([1, 11]) },
    ];
    routes['/flaky.xml'] = () => replies.shift()!;
    const first = await pollPath('/flaky.xml');
    expect(first.row).toMatchObject({ enabled: true, status: 'failing', error_count: 1, last_error: expect.stringContaining('HTTP 500') });
    expect(first.delaySeconds).toBeGreaterThanOrEqual(59);
    expect(first.delaySeconds).toBeLessThanOrEqual(3600);
    const second = await pollPath('/flaky.xml');
    expect(second.row).toMatchObject({ enabled: true, status: 'failing', error_count: 2 });
    const third = await pollPath('/flaky.xml');
    expect(third.row).toMatchObject({ status: 'failing', error_count: 3, last_error: expect.stringContaining('HTTP 503') });
    expect(third.delaySeconds).toBeGreaterThan(1190);
    const fourth = await pollPath('/flaky.xml');
    expect(fourth.row).toMatchObject({ status: 'ok', error_count: 0, last_error: null });
  });

  it('an unreachable host fails visibly and is tried again at most at the cap', async () => {
    const source = await upsertSource(db, { url: 'http://127.0.0.1:1/feed.xml' });
    await db.query('UPDATE sources SET error_count = 30 WHERE id = $1', [source.id]);
    const before = Date.now();
    await poll({ sourceId: source.id });
    const row = (await getSource(db, source.id))!;
    expect(row).toMatchObject({ enabled: true, status: 'failing', error_count: 31 });
    expect(row.last_error).toBeTruthy();
    expect(row.next_fetch_at.getTime() - before).toBeLessThanOrEqual(3600_000 + 1000);
  });
});

describe('sitemaps', () => {
  const urlset = (urls: string[]) =>
    `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${u}</loc></url>`).join('')}</urlset>`;

  it('a sitemap index: reads the newest children (bounded), skips failing ones with a warning, and unchanged ones next time', async () => {
    const child = (name: string, lastmod: string) => `<sitemap><loc>${pub.base}/sm/${name}.xml</loc><lastmod>${lastmod}</lastmod></sitemap>`;
    routes['/sitemap_index.xml'] = {
      headers: { etag: '"index-v1"' },
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
        child('jan', '2026-01-01'),
        child('mar', '2026-03-01T10:00:00Z'),
        child('feb', '2026-02-01'),
        child('apr-broken', '2026-04-01'),
      ].join('')}</sitemapindex>`,
    };
    for (const m of ['jan', 'feb', 'mar']) routes[`/sm/${m}.xml`] = { body: urlset([`https://news.example/${m}/1`, `https://news.example/${m}/2`]) };

    const { row } = await pollPath('/sitemap_index.xml', 'sitemap');
    expect(row.status).toBe('ok');
    expect(pub.hits.filter((h) => h.startsWith('/sm/'))).toEqual(['/sm/apr-broken.xml', '/sm/mar.xml', '/sm/feb.xml']);
    expect(row.warnings).toEqual([expect.stringContaining('apr-broken.xml: HTTP 404')]);
    const items = await db.query<{ url: string }>('SELECT url FROM items WHERE source_id = $1 ORDER BY url', [row.id]);
    expect(items.rows.map((r) => r.url)).toEqual(['https://news.example/feb/1', 'https://news.example/feb/2', 'https://news.example/mar/1', 'https://news.example/mar/2']);
    const jobs = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'extract' AND key = ANY($1::text[])`, [
      (await db.query<{ id: number }>('SELECT id FROM items WHERE source_id = $1', [row.id])).rows.map((r) => `extract:item:${r.id}`),
    ]);
    expect(jobs.rows[0]!.n).toBe(4);

    // Next poll: every child's lastmod is older than our last success, so none is fetched again;
    // the index itself is fetched without validators (it may stay the same while children change).
    expect(row.etag).toBeNull();
    const hitsBefore = pub.hits.length;
    await pollPath('/sitemap_index.xml', 'sitemap');
    expect(pub.hits.slice(hitsBefore)).toEqual(['/sitemap_index.xml']);
  });

  it('a plain sitemap source ingests its URLs and queues their extraction', async () => {
    routes['/news-sitemap.xml'] = { body: urlset(['https://news.example/s/1', 'https://news.example/s/2', 'https://news.example/s/3']) };
    const { row } = await pollPath('/news-sitemap.xml', 'sitemap');
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM items i JOIN jobs j ON j.key = 'extract:item:' || i.id WHERE i.source_id = $1`,
      [row.id],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('a sitemap keeps recent and undated URLs, not its dated archive', async () => {
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    routes['/dated-sitemap.xml'] = {
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://news.example/d/today</loc><lastmod>${day(0)}</lastmod></url>
        <url><loc>https://news.example/d/2019</loc><lastmod>2019-05-01</lastmod></url>
        <url><loc>https://news.example/d/last-month</loc><lastmod>${day(30)}</lastmod></url>
        <url><loc>https://news.example/d/undated</loc></url></urlset>`,
    };
    const { row } = await pollPath('/dated-sitemap.xml', 'sitemap');
    const items = await db.query<{ url: string }>('SELECT url FROM items WHERE source_id = $1 ORDER BY url', [row.id]);
    expect(items.rows.map((r) => r.url)).toEqual(['https://news.example/d/today', 'https://news.example/d/undated']);
  });

  it('orders sitemap index children by lastmod, undated last in document order', () => {
    const xml = `<sitemapindex><sitemap><loc>/a.xml</loc></sitemap><sitemap><loc><![CDATA[/b.xml]]></loc><lastmod>2026-01-02</lastmod></sitemap>
      <sm:sitemap><sm:loc>/c.xml?x=1&amp;y=2</sm:loc><sm:lastmod>2026-05-01</sm:lastmod></sm:sitemap><sitemap><loc>/d.xml</loc></sitemap></sitemapindex>`;
    const base = 'https://s.example/index.xml';
    const order = newestFirst(['a', 'b', 'c.xml?x=1&y=2', 'd'].map((n) => `https://s.example/${n.includes('.') ? n : `${n}.xml`}`), sitemapLastmods(xml, base));
    expect(order.map((o) => o.url.replace('https://s.example/', ''))).toEqual(['c.xml?x=1&y=2', 'b.xml', 'a.xml', 'd.xml']);
  });
});
