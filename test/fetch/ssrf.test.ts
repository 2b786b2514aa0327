import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetch/index.ts';
import { addressGuard } from '../../src/fetch/address-guard.ts';
import { startServer, type TestServer } from './test-server.ts';

const UA = 'transwire/0.1 (+https://news.example)';
let target: TestServer;
let relay: TestServer;

beforeAll(async () => {
  target = await startServer((_req, res) => res.end('secret'));
  // The relay is allowed; it redirects wherever ?to= says.
  relay = await startServer((req, res) => {
    const to = new URL(req.url!, 'http://x').searchParams.get('to');
    res.writeHead(302, { location: to ?? '/' }).end();
  });
});
afterAll(async () => {
  await target.close();
  await relay.close();
});

describe('addressGuard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local (cloud metadata)'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::ffff:0:10.0.0.1', 'IPv4-translated private'],
    ['64:ff9b::10.0.0.1', 'NAT64 private'],
    ['fc00::1', 'unique local (private)'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
  ])('refuses %s (%s)', (ip, reason) => {
    expect(addressGuard(ip)).toBe(reason);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])(
    'allows public %s',
    (ip) => expect(addressGuard(ip)).toBeNull(),
  );
});

describe('SSRF guard on the connection', () => {
  it.each([
    ['http://127.0.0.1:PORT/', '127.0.0.1 (loopback)'],
    ['http://[::ffff:127.0.0.1]:PORT/', '::ffff:7f00:1 (IPv4-mapped loopback)'],
    ['http://2130706433:PORT/', '127.0.0.1 (loopback)'],
    ['http://0x7f000001:PORT/', '127.0.0.1 (loopback)'],
    ['http://0177.0.0.01:PORT/', '127.0.0.1 (loopback)'],
    ['http://127.1:PORT/', '127.0.0.1 (loopback)'],
    ['http://localhost:PORT/', 'loopback'],
    ['http://0.0.0.0:PORT/', '0.0.0.0 (unspecified)'], // Linux would deliver this to localhost
    ['http://0:PORT/', '0.0.0.0 (unspecified)'],
    ['http://[::1]:PORT/', '::1 (loopback)'],
    ['http://[::]:PORT/', ':: (unspecified)'],
    ['http://[::ffff:0:0]:PORT/', 'IPv4-mapped unspecified'],
  ])('with the default config refuses %s and the server sees no request', async (pattern, reason) => {
    const http = createHttpClient({ userAgent: UA });
    const before = target.seen.length;
    const connectionsBefore = target.connections();
    const err = await http.get(pattern.replace('PORT', String(target.port))).catch((e: unknown) => e);
    await http.close();
    expect(err).toMatchObject({ code: 'fetch.blocked_address', retry: 'never' });
    expect((err as Error).message).toContain('fetch: refusing to connect to');
    expect((err as Error).message).toContain(reason);
    expect(target.seen.length).toBe(before);
    expect(target.connections()).toBe(connectionsBefore); // not even a TCP connection
  });

  it('reaches an explicitly allowed host:port, and only that one', async () => {
    const http = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${target.port}`] });
    const res = await http.get(`${target.origin}/`);
    expect(res.body.toString()).toBe('secret');
    await expect(http.get(`http://127.0.0.1:${relay.port}/`)).rejects.toMatchObject({ code: 'fetch.blocked_address' });
    await http.close();
  });

  it('checks every redirect hop: an allowed relay cannot bounce us to a private address', async () => {
    const http = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${relay.port}`] });
    const before = target.seen.length;
    const connectionsBefore = target.connections();
    for (const to of [`http://127.0.0.1:${target.port}/`, `http://[::ffff:7f00:1]:${target.port}/`, `http://0x7f.1:${target.port}/`]) {
      const err = await http.get(`${relay.origin}/?to=${encodeURIComponent(to)}`).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'fetch.blocked_address' });
    }
    expect(target.seen.length).toBe(before);
    expect(target.connections()).toBe(connectionsBefore);
    await http.close();
  });

  it('refuses schemes other than http and https, also as a redirect target', async () => {
    const http = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${relay.port}`] });
    await expect(http.get('not a url')).rejects.toMatchObject({ code: 'fetch.bad_url' });
    for (const url of ['file:///etc/passwd', 'ftp://example.org/feed', 'gopher://example.org/', 'data:text/plain,x']) {
      await expect(http.get(url)).rejects.toMatchObject({ code: 'fetch.bad_scheme' });
    }
    await expect(http.get(`${relay.origin}/?to=${encodeURIComponent('file:///etc/passwd')}`)).rejects.toMatchObject({
      code: 'fetch.bad_scheme',
    });
    await http.close();
  });

  it('resolves a name once and dials the checked address (no second lookup to rebind)', async () => {
    const answers = [['127.0.0.1'], ['93.184.216.34']];
    const lookups: string[] = [];
    const http = createHttpClient({
      userAgent: UA,
      allowPrivate: [`feed.test:${target.port}`],
      lookup: async (name) => {
        lookups.push(name);
        return answers[lookups.length - 1] ?? ['10.0.0.1'];
      },
    });
    const res = await http.get(`http://feed.test:${target.port}/x`);
    expect(res.body.toString()).toBe('secret');
    expect(lookups).toEqual(['feed.test']);
    expect(target.seen.at(-1)!.headers.host).toBe(`feed.test:${target.port}`);
    await http.close();

    // A name whose answer is private is refused like the literal, whatever the URL says.
    const rebinder = createHttpClient({ userAgent: UA, lookup: async () => ['169.254.169.254'] });
    await expect(rebinder.get('http://metadata.test/latest/')).rejects.toThrow(/169\.254\.169\.254 \(link-local/);
    await rebinder.close();
  });
});
