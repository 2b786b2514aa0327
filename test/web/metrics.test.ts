import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { createPollSourceHandler } from '../../src/jobs/handlers/poll-source.ts';
import { createLogger } from '../../src/logger.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { beat } from '../../src/store/worker-heartbeats.ts';
import { metricsRoute } from '../../src/web/metrics-route.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { openTestDb } from '../helpers/test-db.ts';

const SITE = { name: 'Metrics Test', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
const TOKEN = 'scrape-token-0123456789';
let db: Db;
let feed: Server;
let feedBase: string;
let http: HttpClient;

beforeAll(async () => {
  db = await openTestDb();
  feed = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><guid>m1</guid><title>One</title><link>https://metrics.example/1</link></item>
      <item><guid>m2</guid><title>Two</title><link>https://metrics.example/2</link></item></channel></rss>`);
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', () => r()));
  feedBase = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(feedBase).host] });
}, 180_000); // a fresh database's migrations take long on a loaded machine
afterAll(async () => {
  feed?.close();
  await http?.close();
  await db?.close();
});

const scrape = (route: ReturnType<typeof metricsRoute>, address: string, auth?: string) =>
  route.handle(new Request('http://127.0.0.1/metrics', { headers: auth ? { authorization: auth } : {} }), { address });

/** One sample's value: `name{labels} value`, labels matched as written (a subset, in order). */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(name) && (labels === '' ? /^[^{ ]+ /.test(l) && l.startsWith(`${name} `) : l.startsWith(`${name}{`) && l.includes(labels)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('/metrics', () => {
  it('answers in Prometheus text format: every line a comment (HELP/TYPE) or a sample', async () => {
    const res = await scrape(metricsRoute({ db, access: { token: null, allow: ['127.0.0.1'] } }), '127.0.0.1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const line of text.split('\n').filter(Boolean)) {
      expect(line, line).toMatch(/^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf))$/);
    }
    for (const name of ['transwire_fetches_total', 'transwire_extractions_total', 'transwire_translations_total', 'transwire_translation_characters_total',
      'transwire_translation_cost_total', 'transwire_job_duration_seconds', 'transwire_publish_latency_seconds', 'transwire_queue_depth', 'transwire_http_requests_total', 'transwire_items_total']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('counts a poll (fetch outcome, new items) and reads queue depth and live workers from the database', async () => {
    const route = metricsRoute({ db, access: { token: null, allow: ['127.0.0.1'] } });
    const before = await (await scrape(route, '127.0.0.1')).text();
    const source = await upsertSource(db, { url: `${feedBase}/feed.xml`, name: 'Metrics feed' });
    const poll = createPollSourceHandler({ db, http, robots: { isAllowed: async () => true }, log: createLogger({ level: 'silent' }),
      poll: { minSeconds: 60, maxSeconds: 3600 }, perHost: { concurrency: 4, minIntervalMs: 0 } });
    await poll({ sourceId: source.id });
    await beat(db, { workerId: 'metrics-test:1', host: 'h', pid: 1, roles: ['worker'], kinds: ['poll'], intervalMs: 5000 });
    const after = await (await scrape(route, '127.0.0.1')).text();
    expect(sample(after, 'transwire_fetches_total', 'outcome="ok"')).toBe(sample(before, 'transwire_fetches_total', 'outcome="ok"') + 1);
    expect(sample(after, 'transwire_items_total')).toBe(sample(before, 'transwire_items_total') + 2);
    // The poll queued one extract job per new item.
    expect(sample(after, 'transwire_queue_depth', 'kind="extract"')).toBe(2);
    expect(sample(after, 'transwire_workers_alive')).toBeGreaterThanOrEqual(1);
  });

  it('is refused from an address not allowed, with a 404 (nothing says it exists), unless the bearer token is right', async () => {
    const route = metricsRoute({ db, access: { token: TOKEN, allow: ['127.0.0.1', '10.9.0.0/16'] } });
    expect((await scrape(route, '203.0.113.7')).status).toBe(404);
    expect((await scrape(route, '203.0.113.7', 'Bearer wrong-token-0123456789')).status).toBe(404);
    expect((await scrape(route, '203.0.113.7', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await scrape(route, '10.9.4.2')).status).toBe(200);
    expect((await scrape(route, '::ffff:127.0.0.1')).status).toBe(200);
    expect((await scrape(metricsRoute({ db, access: { token: null, allow: [] } }), '127.0.0.1')).status).toBe(404);
    expect(() => metricsRoute({ db, access: { token: null, allow: ['localhost'] } })).toThrow(/metrics.allow/);
  });

  it('through the web server: loopback is allowed by default, HTTP answers are counted by route class and status', async () => {
    const server = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0, routes: [metricsRoute({ db, access: { token: null, allow: ['127.0.0.1', '::1'] } })] });
    try {
      await fetch(`${server.url}/es/no-such-page`);
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(sample(text, 'transwire_http_requests_total', 'route_class="page",status="404"')).toBeGreaterThanOrEqual(1);
      const denied = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0, routes: [metricsRoute({ db, access: { token: null, allow: ['10.0.0.1'] } })] });
      try {
        expect((await fetch(`${denied.url}/metrics`)).status).toBe(404);
      } finally {
        await denied.close();
      }
    } finally {
      await server.close();
    }
  });
});
