import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { signBody } from '../../src/feeds/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

// The composition root's wiring: poll discovers the hub, the worker subscribes, the web role's
// /websub/ route answers the hub, and a signed push ends up as items with extract jobs.

function listen(handle: (path: string, method: string, body: string) => { status: number; type?: string; body?: string }): Promise<{ server: Server; base: string }> {
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const reply = handle(req.url!, req.method!, body);
    res.writeHead(reply.status, { 'content-type': reply.type ?? 'text/plain' });
    res.end(reply.body ?? '');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

async function freePort(): Promise<number> {
  const { server } = await listen(() => ({ status: 204 }));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

let app: App;
let dropDb = async () => {};
const servers: Server[] = [];
const forms: URLSearchParams[] = [];
const verifications: number[] = [];
let hubBase = '';
let pubBase = '';

const atom = (ids: string[]) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><link rel="hub" href="${hubBase}/"/><link rel="self" href="${pubBase}/feed.atom"/>${ids
    .map((id) => `<entry><id>urn:${id}</id><title>${id}</title><link href="${pubBase}/story/${id}"/></entry>`)
    .join('')}</feed>`;

beforeAll(async () => {
  const hub = await listen((_path, method, body) => {
    if (method !== 'POST') return { status: 405 };
    const form = new URLSearchParams(body);
    forms.push(form);
    setTimeout(async () => {
      const verify = new URL(form.get('hub.callback')!);
      verify.search = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': form.get('hub.topic')!, 'hub.challenge': 'c', 'hub.lease_seconds': '600' }).toString();
      verifications.push((await fetch(verify)).status);
      const pushed = atom(['pushed']);
      await fetch(form.get('hub.callback')!, { method: 'POST', headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': signBody(pushed, form.get('hub.secret')!) }, body: pushed });
    }, 10);
    return { status: 202 };
  });
  hubBase = hub.base;
  const pub = await listen((path) => (path === '/feed.atom' ? { status: 200, type: 'application/atom+xml', body: atom(['polled']) } : { status: 404 }));
  pubBase = pub.base;
  servers.push(hub.server, pub.server);

  let databaseUrl: string | null = null;
  if (onPostgres) {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const port = await freePort();
  app = await createApp(
    parseConfig({
      site: { name: 'T', baseUrl: `http://127.0.0.1:${port}`, languages: ['es'] },
      server: { host: '127.0.0.1', port },
      database: { url: databaseUrl, dataDir: 'memory://' },
      sources: [{ url: `${pubBase}/feed.atom`, name: 'W', lang: 'en' }],
      fetch: { allowPrivate: [new URL(pubBase).host, new URL(hubBase).host], respectRobots: false, poll: { minSeconds: 1, maxSeconds: 600 }, perHost: { concurrency: 4, minIntervalMs: 0 } },
      worker: { concurrency: 2, pollMs: 50, leaseSeconds: 60 },
    }),
    { log: createLogger({ level: 'silent' }), retryBaseMs: 200 },
  );
  await app.start(['scheduler', 'worker', 'web']);
}, 60_000);

afterAll(async () => {
  await app?.close();
  for (const s of servers) s.close();
  await dropDb();
});

it('poll → subscribe → verification at /websub/ → signed push stored with its extract job', async () => {
  const pushed = await waitFor(
    'the pushed item',
    async () => (await app.db.query<{ id: number }>(`SELECT id FROM items WHERE guid = 'urn:pushed'`)).rows[0],
    30_000,
    50,
  );
  expect(verifications).toEqual([200]);
  expect(forms[0]!.get('hub.callback')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/websub\/\d+\/[0-9a-f]{48}$/);
  const { rows } = await app.db.query(`SELECT 1 FROM jobs WHERE key = $1`, [`extract:item:${pushed.id}`]);
  expect(rows).toHaveLength(1);
  expect((await app.db.query(`SELECT state FROM websub_subscriptions`)).rows).toEqual([{ state: 'active' }]);
});
