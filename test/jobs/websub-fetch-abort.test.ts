import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FetchAbortedError } from '../../src/fetch/index.ts';
import { createWebSubFetch } from '../../src/jobs/websub-fetch.ts';

// Issue 15 item 10: a hub that never answers must not hold shutdown for the whole timeout.
const hung = new Set<ServerResponse>();
const hub = createServer((req, res) => {
  req.resume();
  hung.add(res); // never answered
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hung) res.destroy();
  hub.closeAllConnections();
  await new Promise((r) => hub.close(r));
});

it('abort() fails a hub request in flight at once with FetchAbortedError, and every later one', async () => {
  const hubFetch = createWebSubFetch({ userAgent: 'transwire-test', allowPrivate: [new URL(base).host], timeoutMs: 30_000 });
  try {
    const pending = hubFetch.fetch(`${base}/hub`, { method: 'POST', body: 'hub.mode=subscribe' });
    const outcome = pending.then(() => 'answered', (err: unknown) => err);
    while (hung.size === 0) await new Promise((r) => setTimeout(r, 10));
    const t = performance.now();
    hubFetch.abort();
    expect(await outcome).toBeInstanceOf(FetchAbortedError);
    expect(performance.now() - t).toBeLessThan(2000);
    await expect(hubFetch.fetch(`${base}/hub`, { method: 'POST' })).rejects.toBeInstanceOf(FetchAbortedError);
  } finally {
    await hubFetch.close();
  }
});
