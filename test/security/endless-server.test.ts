import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';

// Issue 15, the attack suite: a server that never stops sending — a body without end, as fast
// as it can, or headers that never end — is cut at the byte cap or the deadline, and the
// connection is dropped (not left streaming into a buffer nobody reads).

let server: Server;
let origin: string;
let http: HttpClient;
const streams: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless-body') {
      res.writeHead(200, { 'content-type': 'text/html' });
      streams.push(res);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      return pump();
    }
    if (req.url === '/endless-headers') {
      // A status line, then one header after another for ever.
      const socket = req.socket;
      socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(() => socket.write(`x-more: ${'h'.repeat(1000)}\r\n`), 5);
      socket.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(origin).host], maxBytes: 2 * 1024 * 1024, timeoutMs: 5_000 });
});
afterAll(async () => {
  await http.close();
  server.closeAllConnections();
  server.close();
});

it('an endless body is cut at the cap, quickly, and the connection dropped', async () => {
  const started = Date.now();
  await expect(http.get(`${origin}/endless-body`)).rejects.toMatchObject({ code: 'fetch.too_large' });
  expect(Date.now() - started).toBeLessThan(4_000);
  await expect.poll(() => streams[0]?.destroyed, { timeout: 3_000 }).toBe(true);
});

it('endless headers are refused, not buffered for ever', async () => {
  const started = Date.now();
  await expect(http.get(`${origin}/endless-headers`)).rejects.toMatchObject({ retry: expect.any(String) });
  expect(Date.now() - started).toBeLessThan(6_000);
});
