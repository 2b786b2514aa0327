import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscribeForm, discoverWebSub, generateSecret, parseFeed, sendSubscription, signBody } from '../../src/feeds/index.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { getWebSub, requestWebSub, webSubsDueForRenewal } from '../../src/store/websub-subscriptions.ts';
import { websubCallback, websubDepsFromDb } from '../../src/web/websub-callback.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Serves a `(Request) => Response` handler on 127.0.0.1, the way the web layer will mount it. */
function serve(handler: (req: Request) => Promise<Response>): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = `http://127.0.0.1${req.url}`;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

interface HubLog {
  verifications: Array<{ status: number; body: string }>;
  pushes: number[];
}

/** A fake WebSub hub: accepts a subscription, verifies intent, then pushes (one forged push too). */
function fakeHub(content: string, log: HubLog, opts: { topicOverride?: string } = {}) {
  return async (req: Request): Promise<Response> => {
    const form = new URLSearchParams(await req.text());
    const callback = form.get('hub.callback')!;
    const secret = form.get('hub.secret')!;
    const topic = opts.topicOverride ?? form.get('hub.topic')!;
    setTimeout(async () => {
      const verify = new URL(callback);
      verify.search = new URLSearchParams({ 'hub.mode': form.get('hub.mode')!, 'hub.topic': topic, 'hub.challenge': 'ch-4242', 'hub.lease_seconds': '3600' }).toString();
      const v = await fetch(verify);
      log.verifications.push({ status: v.status, body: await v.text() });
      if (!v.ok) return;
      const good = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': signBody(content, secret, 'sha256') }, body: content });
      log.pushes.push(good.status);
      const forged = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': signBody(content, 'wrong-secret', 'sha256') }, body: content });
      log.pushes.push(forged.status);
    }, 10);
    return new Response(null, { status: 202 });
  };
}

describe('WebSub against a fake hub on 127.0.0.1', () => {
  let db: Db;
  const pushed: Array<{ sourceId: number; body: string; contentType: string | null }> = [];
  let callbackBase: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    db = await openTestDb();
    const cb = await serve((req) => websubCallback(req, websubDepsFromDb(db, async (sourceId, body, contentType) => void pushed.push({ sourceId, body: body.toString('utf8'), contentType }))));
    servers.push(cb.server);
    callbackBase = cb.url;
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await db?.close();
  });

  it('discovers the hub, subscribes, answers the verification, accepts a signed push and drops a forged one', async () => {
    const log: HubLog = { verifications: [], pushes: [] };
    const pushContent = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>new-1</id><title>Pushed</title></entry></feed>';
    const hub = await serve(fakeHub(pushContent, log));
    servers.push(hub.server);
    const source = await upsertSource(db, { url: 'https://site.example/feed.atom' });
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link rel="hub" href="${hub.url}/"/><link rel="self" href="https://site.example/feed.atom"/></feed>`, { url: source.url });
    const { hub: hubUrl, topic } = discoverWebSub(feed, null, source.url);
    expect(hubUrl).toBe(`${hub.url}/`);

    const secret = generateSecret();
    const token = generateSecret(24);
    await requestWebSub(db, { sourceId: source.id, hub: hubUrl!, topic, secret, callbackToken: token });
    const sent = await sendSubscription(buildSubscribeForm({ hub: hubUrl!, topic, callback: `${callbackBase}/websub/${source.id}/${token}`, secret, leaseSeconds: 3600 }), fetch);
    expect(sent).toEqual({ accepted: true, status: 202, error: null });

    await waitFor('both pushes', async () => log.pushes.length === 2, 10_000, 20);
    expect(log.verifications).toEqual([{ status: 200, body: 'ch-4242' }]);
    expect(log.pushes).toEqual([202, 202]); // a forged push is acknowledged, as WebSub requires, and dropped
    expect(pushed).toEqual([{ sourceId: source.id, body: pushContent, contentType: 'application/atom+xml' }]);

    const row = (await getWebSub(db, source.id))!;
    expect(row).toMatchObject({ state: 'active', lease_seconds: 3600, pushes: 1, rejected_pushes: 1 });
    expect(row.renew_at!.getTime() - row.verified_at!.getTime()).toBe(3240_000);
    expect(row.expires_at!.getTime() - row.verified_at!.getTime()).toBe(3600_000);
    expect(await webSubsDueForRenewal(db, new Date(Date.now() + 3300_000))).toHaveLength(1);
    expect(await webSubsDueForRenewal(db, new Date())).toHaveLength(0);
  });

  it('refuses to verify a topic it did not ask for (no challenge echoed, nothing activated)', async () => {
    const log: HubLog = { verifications: [], pushes: [] };
    const hub = await serve(fakeHub('<feed/>', log, { topicOverride: 'https://evil.example/other' }));
    servers.push(hub.server);
    const source = await upsertSource(db, { url: 'https://site2.example/rss' });
    await requestWebSub(db, { sourceId: source.id, hub: `${hub.url}/`, topic: source.url, secret: 'x', callbackToken: 'tok2' });
    await sendSubscription(buildSubscribeForm({ hub: `${hub.url}/`, topic: source.url, callback: `${callbackBase}/websub/${source.id}/tok2`, secret: 'x' }), fetch);
    await waitFor('the verification', async () => log.verifications.length === 1, 10_000, 20);
    expect(log.verifications[0]!.status).toBe(404);
    expect(log.verifications[0]!.body).not.toContain('ch-4242');
    expect((await getWebSub(db, source.id))!.state).toBe('pending');
    const push = await fetch(`${callbackBase}/websub/${source.id}/tok2`, { method: 'POST', body: '<feed/>', headers: { 'x-hub-signature': signBody('<feed/>', 'x') } });
    expect(push.status).toBe(410);
  });

  it('records a denial, answers 404 for unknown sources, 413 for oversized pushes', async () => {
    const source = await upsertSource(db, { url: 'https://site3.example/rss' });
    await requestWebSub(db, { sourceId: source.id, hub: 'https://hub.example/', topic: source.url, secret: 'y', callbackToken: 'tok3' });
    const deny = (path: string) => fetch(`${callbackBase}${path}?hub.mode=denied&hub.topic=${encodeURIComponent(source.url)}&hub.reason=quota`);
    expect((await deny(`/websub/${source.id}`)).status).toBe(404); // a denial without the token is anybody's
    expect((await getWebSub(db, source.id))!.state).toBe('pending');
    const denied = await deny(`/websub/${source.id}/tok3`);
    expect(denied.status).toBe(200);
    expect(await getWebSub(db, source.id)).toMatchObject({ state: 'denied', last_error: expect.stringContaining('quota') });
    expect((await fetch(`${callbackBase}/websub/999999?hub.mode=subscribe&hub.topic=x&hub.challenge=c`)).status).toBe(404);

    const small = await serve((req) => websubCallback(req, { ...websubDepsFromDb(db, async () => {}), maxBodyBytes: 10 }));
    servers.push(small.server);
    const first = (await upsertSource(db, { url: 'https://site.example/feed.atom' })).id;
    const big = await fetch(`${small.url}/websub/${first}/${(await getWebSub(db, first))!.callback_token}`, { method: 'POST', body: 'x'.repeat(100) });
    expect(big.status).toBe(413);
  });

  it('verifies an unsubscription only after we asked for one, and refuses other methods (in-memory requests)', async () => {
    const source = await upsertSource(db, { url: 'https://site4.example/rss' });
    const deps = websubDepsFromDb(db, async () => {});
    const cb = `http://wire.example/websub/${source.id}/tok4`;
    await requestWebSub(db, { sourceId: source.id, hub: 'https://hub.example/', topic: source.url, secret: 'z', callbackToken: 'tok4' });
    const verify = (mode: string) => websubCallback(new Request(`${cb}?hub.mode=${mode}&hub.topic=${encodeURIComponent(source.url)}&hub.challenge=c1&hub.lease_seconds=600`), deps);
    expect((await verify('unsubscribe')).status).toBe(404); // we asked to subscribe, not to leave
    expect(await (await verify('subscribe')).text()).toBe('c1');
    expect((await getWebSub(db, source.id))!.state).toBe('active');

    expect((await verify('subscribe')).status).toBe(404); // verified once: a replay confirms nothing
    await requestWebSub(db, { sourceId: source.id, hub: 'https://hub.example/', topic: source.url, secret: 'z', callbackToken: 'tok4', mode: 'unsubscribe' });
    expect(await (await verify('unsubscribe')).text()).toBe('c1');
    expect((await getWebSub(db, source.id))!.state).toBe('unsubscribed');
    const late = await websubCallback(new Request(cb, { method: 'POST', body: '<feed/>', headers: { 'x-hub-signature': signBody('<feed/>', 'z') } }), deps);
    expect(late.status).toBe(410);
    expect((await websubCallback(new Request(cb, { method: 'PUT', body: 'x' }), deps)).status).toBe(405);
  });
});
