import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Issue 15 item 10: a hub that takes our subscription request and never answers must not hold
// shutdown for the fetch timeout (60 s here): close() aborts it, and the job goes back.

const servers: Server[] = [];
const held: IncomingMessage[] = [];
let dropDb = async () => {};

function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await dropDb();
});

it('close() aborts a hub request that hangs and finishes within a few seconds', async () => {
  // The hub reads the request and never answers.
  const hub = await listen((req) => void held.push(req));
  const pub = await listen((req, res) => {
    if (req.url !== '/feed.atom') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><link rel="hub" href="${hub}/"/><link rel="self" href="${pub}/feed.atom"/></feed>`);
  });
  let databaseUrl: string | null = null;
  if (onPostgres) {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const app: App = await createApp(
    parseConfig({
      site: { name: 'T', baseUrl: 'https://news.example', languages: ['es'] },
      database: { url: databaseUrl, dataDir: 'memory://' },
      sources: [{ url: `${pub}/feed.atom`, name: 'W', lang: 'en' }],
      fetch: { allowPrivate: [new URL(pub).host, new URL(hub).host], respectRobots: false, timeoutMs: 60_000, perHost: { concurrency: 4, minIntervalMs: 0 } },
      worker: { concurrency: 2, pollMs: 50, leaseSeconds: 120 },
    }),
    { log: createLogger({ level: 'silent' }) },
  );
  await app.start(['scheduler', 'worker']);
  await waitFor('the hub to be asked', async () => held.length > 0, 60_000, 50);

  const started = Date.now();
  await app.close();
  const ms = Date.now() - started;
  expect(ms).toBeLessThan(5_000);

  // Aborted, not left open: the hub sees the connection go.
  await waitFor('the hub request to be closed', async () => held[0]!.socket.destroyed || held[0]!.closed, 5_000, 20);
}, 120_000);
