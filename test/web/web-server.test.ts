import { request } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { rawHeader, startWebServer } from '../../src/web/start-web-server.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

let db: Db;
let server: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  server = await startWebServer({
    db,
    site: SITE,
    host: '127.0.0.1',
    port: 0,
    routes: [
      { method: 'GET', prefix: '/healthz', handle: async () => Response.json({ ok: true }) },
      { method: 'POST', prefix: '/websub/', handle: async (req) => new Response(`got ${await req.text()}`, { status: 202 }) },
    ],
  });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

/** Raw node:http, so the compressed bytes arrive as sent (fetch would decode them). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('startWebServer', () => {
  it('listens on 127.0.0.1 and serves the site', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await raw('/es/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<html lang="es" dir="ltr">');
  });

  it('mounts the routes it is given, before the site, with request bodies', async () => {
    const health = await raw('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toEqual({ ok: true });
    const post = await raw('/websub/7', { method: 'POST', body: 'ping' });
    expect(post.status).toBe(202);
    expect(post.body.toString()).toBe('got ping');
  });

  it('sends the brotli bytes to a client that accepts them, and 304 on revalidation', async () => {
    const plain = await raw('/es/feed.xml');
    const br = await raw('/es/feed.xml', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
    const again = await raw('/es/feed.xml', { headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers HEAD with headers only', async () => {
    const head = await raw('/es/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it.each([
    [['Accept-Encoding', 'br', 'Host', 'x'], 'accept-encoding', 'br'],
    [['X-A', '1', 'x-a', '2'], 'x-a', '1, 2'],
    [['Host', 'x'], 'if-none-match', undefined],
  ])('reads raw headers case-insensitively: %j %s', (list, name, value) => {
    expect(rawHeader(list, name)).toBe(value);
  });
});
