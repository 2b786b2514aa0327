import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetch/index.ts';

// A self-signed certificate for "feed.test" (test/fixtures/fetch/tls, valid until 2125).
const dir = new URL('../fixtures/fetch/tls/', import.meta.url);
const cert = readFileSync(new URL('feed-test.crt', dir));
const key = readFileSync(new URL('feed-test.key', dir));
let server: Server;
let port: number;
const sni: Array<string | false | null> = [];

beforeAll(async () => {
  server = createServer({ cert, key }, (req, res) => {
    sni.push((req.socket as import('node:tls').TLSSocket).servername);
    res.end('tls ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('https through the checked connector', () => {
  const lookup = async (): Promise<string[]> => ['127.0.0.1'];

  it('dials the checked IP but sends SNI and verifies the certificate for the name', async () => {
    const http = createHttpClient({ userAgent: 'transwire/test', allowPrivate: [`feed.test:${port}`], lookup, ca: cert });
    const res = await http.get(`https://feed.test:${port}/feed`);
    expect(res.body.toString()).toBe('tls ok');
    expect(sni.at(-1)).toBe('feed.test');
    await http.close();
  });

  it('rejects a certificate that does not name the host', async () => {
    const http = createHttpClient({ userAgent: 'transwire/test', allowPrivate: [`other.test:${port}`], lookup, ca: cert });
    await expect(http.get(`https://other.test:${port}/feed`)).rejects.toMatchObject({ code: 'fetch.network' });
    await http.close();
  });

  it('rejects an untrusted certificate', async () => {
    const http = createHttpClient({ userAgent: 'transwire/test', allowPrivate: [`feed.test:${port}`], lookup });
    await expect(http.get(`https://feed.test:${port}/feed`)).rejects.toThrow(/self-signed|SELF_SIGNED/i);
    await http.close();
  });
});
