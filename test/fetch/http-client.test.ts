import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { startServer, type TestServer } from './test-server.ts';

const UA = 'transwire/0.1 (+https://news.example)';
// 10 MB of zeros compress to ~10 KB: the classic bomb.
const GZIP_BOMB = gzipSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 });
const BROTLI_BOMB = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const ETAG = 'W/"a b\t\u0021 \\"odd"';
const LAST_MODIFIED = 'Tue, 03 Nov 2026  07:00:00 GMT';

let srv: TestServer;
let http: HttpClient;

beforeAll(async () => {
  srv = await startServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) {
      const n = Number(hop[1]);
      if (n === 0) return res.end('landed');
      return res.writeHead(301, { location: `/hop/${n - 1}` }).end();
    }
    switch (path) {
      case '/feed':
        if (req.headers['if-none-match'] === ETAG && req.headers['if-modified-since'] === LAST_MODIFIED) {
          return res.writeHead(304).end();
        }
        return res.writeHead(200, { etag: ETAG, 'last-modified': LAST_MODIFIED, 'content-type': 'application/rss+xml' }).end('<rss/>');
      case '/gzip':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('hello gzip'));
      case '/br':
        return res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('hello brotli'));
      case '/deflate':
        return res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync('hello zlib deflate'));
      case '/raw-deflate':
        return res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync('hello raw deflate'));
      case '/deflate-bomb':
        return res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 }));
      case '/gzip-empty':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end();
      case '/gzip-bomb':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(GZIP_BOMB);
      case '/br-bomb':
        return res.writeHead(200, { 'content-encoding': 'br' }).end(BROTLI_BOMB);
      case '/big':
        return res.writeHead(200, { 'content-length': String(5_000_000) }).end(Buffer.alloc(5_000_000));
      case '/big-chunked':
        res.writeHead(200);
        for (let i = 0; i < 50; i++) res.write(Buffer.alloc(100_000));
        return res.end();
      case '/trickle': {
        // Headers at once, then one byte every 100 ms forever: only a total deadline stops it.
        res.writeHead(200);
        const timer = setInterval(() => res.write('x'), 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/silent':
        return; // never answers
      case '/429':
        return res.writeHead(429, { 'retry-after': '120' }).end();
      case '/503':
        return res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2037 07:28:00 GMT' }).end('down');
      case '/error-big':
        return res.writeHead(500).end(Buffer.alloc(3 * 1024 * 1024, 'e'));
      case '/garbage':
        return void req.socket.end('HTTP/1.1 ???? nonsense\r\n\x00\x01\r\n\r\n');
      case '/cut':
        res.writeHead(200, { 'content-length': '1000' });
        res.write('only ten b');
        return void setTimeout(() => req.socket.destroy(), 20);
      case '/corrupt-gzip':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('1f8b0800000000000003ffffffffffffff', 'hex'));
      case '/compress':
        return res.writeHead(200, { 'content-encoding': 'compress' }).end('x');
      case '/huge-header':
        return res.writeHead(200, { 'x-junk': 'j'.repeat(64 * 1024) }).end('x');
      case '/ua':
        return res.end(req.headers['user-agent']);
      default:
        return res.writeHead(404).end('nope');
    }
  });
  http = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${srv.port}`], maxBytes: 1024 * 1024 });
});
afterAll(async () => {
  await http.close();
  await srv.close();
});

describe('createHttpClient', () => {
  it('sends a User-Agent naming transwire, and names it when the caller forgot', async () => {
    expect((await http.get(`${srv.origin}/ua`)).body.toString()).toBe(UA);
    const bare = createHttpClient({ userAgent: 'NewsBot/2', allowPrivate: [`127.0.0.1:${srv.port}`] });
    expect((await bare.get(`${srv.origin}/ua`)).body.toString()).toMatch(/^transwire NewsBot\/2$/);
    await bare.close();
  });

  it('echoes ETag and Last-Modified byte-exact; a 304 is notModified with an empty body', async () => {
    const first = await http.get(`${srv.origin}/feed`);
    expect(first).toMatchObject({ status: 200, notModified: false, etag: ETAG, lastModified: LAST_MODIFIED });
    const second = await http.get(`${srv.origin}/feed`, { etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ status: 304, notModified: true, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(second.body.length).toBe(0);
    expect(srv.seen.at(-1)!.headers['if-none-match']).toBe(ETAG);
  });

  it('decodes gzip and brotli bodies', async () => {
    expect((await http.get(`${srv.origin}/gzip`)).body.toString()).toBe('hello gzip');
    expect((await http.get(`${srv.origin}/br`)).body.toString()).toBe('hello brotli');
    expect(srv.seen.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect((await http.get(`${srv.origin}/deflate`)).body.toString()).toBe('hello zlib deflate');
    expect((await http.get(`${srv.origin}/raw-deflate`)).body.toString()).toBe('hello raw deflate');
    expect((await http.get(`${srv.origin}/gzip-empty`)).body.length).toBe(0);
  });

  it.each(['/gzip-bomb', '/br-bomb', '/deflate-bomb'])('stops the %s at the decoded-bytes cap, fast and without the memory', async (path) => {
    expect(GZIP_BOMB.length).toBeLessThan(12 * 1024);
    expect(BROTLI_BOMB.length).toBeLessThan(12 * 1024);
    const heapBefore = process.memoryUsage().rss;
    const t0 = Date.now();
    await expect(http.get(`${srv.origin}${path}`)).rejects.toMatchObject({ code: 'fetch.too_large', retry: 'never' });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses bodies over the cap, declared or not', async () => {
    await expect(http.get(`${srv.origin}/big`)).rejects.toMatchObject({ code: 'fetch.too_large' });
    await expect(http.get(`${srv.origin}/big-chunked`)).rejects.toMatchObject({ code: 'fetch.too_large' });
  });

  it('can cap one request differently, and truncate instead of failing', async () => {
    await expect(http.get(`${srv.origin}/gzip`, { maxBytes: 5 })).rejects.toMatchObject({ code: 'fetch.too_large' });
    expect((await http.get(`${srv.origin}/gzip`, { maxBytes: 5, truncate: true })).body.toString()).toBe('hello');
    expect((await http.get(`${srv.origin}/big`, { truncate: true })).body.length).toBe(1024 * 1024);
    expect((await http.get(`${srv.origin}/gzip-bomb`, { truncate: true })).body.length).toBe(1024 * 1024);
  });

  it('enforces a total deadline, not only idle timeouts', async () => {
    const quick = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${srv.port}`], timeoutMs: 600 });
    const t0 = Date.now();
    await expect(quick.get(`${srv.origin}/trickle`)).rejects.toMatchObject({ code: 'fetch.timeout', retry: 'backoff' });
    expect(Date.now() - t0).toBeLessThan(2000);
    await quick.close();
  });

  it('enforces a header timeout', async () => {
    const quick = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${srv.port}`], headerTimeoutMs: 300, timeoutMs: 10_000 });
    const t0 = Date.now();
    await expect(quick.get(`${srv.origin}/silent`)).rejects.toMatchObject({ code: 'fetch.timeout' });
    expect(Date.now() - t0).toBeLessThan(2000);
    await quick.close();
  });

  it('reads Retry-After in seconds and as an HTTP date, and returns non-2xx to the caller', async () => {
    const before = Date.now();
    const r429 = await http.get(`${srv.origin}/429`);
    expect(r429.status).toBe(429);
    expect(r429.retryAfter!.getTime() - before).toBeGreaterThanOrEqual(119_000);
    expect(r429.retryAfter!.getTime() - before).toBeLessThan(122_000);
    const r503 = await http.get(`${srv.origin}/503`);
    expect(r503).toMatchObject({ status: 503, retryAfter: new Date('2037-10-21T07:28:00Z') });
    expect(r503.body.toString()).toBe('down');
    expect((await http.get(`${srv.origin}/nothing`)).status).toBe(404);
  });

  it('returns an oversized error page truncated, not as a too_large failure', async () => {
    const res = await http.get(`${srv.origin}/error-big`);
    expect(res.status).toBe(500);
    expect(res.body.length).toBe(64 * 1024);
  });

  it.each([
    ['/garbage', 'fetch.network'],
    ['/cut', 'fetch.network'],
    ['/corrupt-gzip', 'fetch.network'],
    ['/compress', 'fetch.bad_encoding'],
    ['/huge-header', 'fetch.network'],
  ])('a broken response (%s) is a typed error, never a crash', async (path, code) => {
    await expect(http.get(`${srv.origin}${path}`)).rejects.toMatchObject({ code });
    // …and the client keeps working.
    expect((await http.get(`${srv.origin}/gzip`)).status).toBe(200);
  });

  it('follows at most 5 redirects and reports them', async () => {
    const ok = await http.get(`${srv.origin}/hop/5`);
    expect(ok.url).toBe(`${srv.origin}/hop/0`);
    expect(ok.redirects).toHaveLength(5);
    expect(ok.body.toString()).toBe('landed');
    await expect(http.get(`${srv.origin}/hop/6`)).rejects.toMatchObject({ code: 'fetch.too_many_redirects' });
  });

  it('turns a refused connection into a transient network error', async () => {
    const closed = await startServer(() => undefined);
    const port = closed.port;
    await closed.close();
    const c = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${port}`] });
    await expect(c.get(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'fetch.network', retry: 'backoff' });
    await c.close();
  });

  it('lets the caller abort', async () => {
    const ctl = new AbortController();
    const p = http.get(`${srv.origin}/silent`, { signal: ctl.signal });
    setTimeout(() => ctl.abort(new Error('shutting down')), 50);
    await expect(p).rejects.toThrow('shutting down');
  });
});
