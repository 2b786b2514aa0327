import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../src/domain/errors.ts';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { signBody } from '../../src/feeds/index.ts';
import { createPollSourceHandler } from '../../src/jobs/handlers/poll-source.ts';
import { createWebSubPushHandler } from '../../src/jobs/handlers/websub-push.ts';
import { createWebSubSubscribeHandler } from '../../src/jobs/handlers/websub-subscribe.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { createWebSubFetch, type WebSubFetch } from '../../src/jobs/websub-fetch.ts';
import { shouldSubscribe } from '../../src/jobs/websub-plan.ts';
import { startWebSubRenewal } from '../../src/jobs/websub-renewal.ts';
import { websubRoute } from '../../src/jobs/websub-route.ts';
import { createLogger } from '../../src/logger.ts';
import type { Db } from '../../src/store/db.ts';
import { getSource, upsertSource } from '../../src/store/sources.ts';
import { getWebSub } from '../../src/store/websub-subscriptions.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

const log = createLogger({ level: 'silent' });

function listen(handler: (req: IncomingMessage, body: Buffer) => Promise<{ status: number; body?: string; headers?: Record<string, string> }>): Promise<{ server: Server; base: string }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = await handler(req, Buffer.concat(chunks));
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body ?? '');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const atom = (hub: string, self: string, entries: string[]) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><link rel="hub" href="${hub}"/><link rel="self" href="${self}"/>${entries
    .map((id) => `<entry><id>urn:${id}</id><title>${id}</title><link href="https://news.example/${id}"/><updated>2026-11-28T10:00:00Z</updated></entry>`)
    .join('')}</feed>`;

interface HubState {
  subscriptions: URLSearchParams[];
  verifications: Array<{ status: number; body: string }>;
  status: number;
  seen: number;
}

let db: Db;
let http: HttpClient;
let hubFetch: WebSubFetch;
const servers: Server[] = [];
const hubState: HubState = { subscriptions: [], verifications: [], status: 202, seen: 0 };
let hubBase = '';
let pubBase = '';
let callbackBase = '';
let poll: ReturnType<typeof createPollSourceHandler>;
let subscribe: ReturnType<typeof createWebSubSubscribeHandler>;
let pushHandler: ReturnType<typeof createWebSubPushHandler>;
let queue: JobQueue;

/** Runs the queued jobs of `kind` once, the way a worker would. */
async function runJobs(kind: string, handler: (payload: never) => Promise<void>): Promise<number> {
  const jobs = await queue.claim([kind], 10);
  for (const job of jobs) {
    await handler(job.payload as never);
    await queue.complete(job);
  }
  return jobs.length;
}

beforeAll(async () => {
  db = await openTestDb();
  queue = new JobQueue(db);
  // The fake hub: answers 202, then verifies intent at the callback, like a real hub.
  const hub = await listen(async (req, body) => {
    hubState.seen++;
    const form = new URLSearchParams(body.toString());
    hubState.subscriptions.push(form);
    if (hubState.status !== 202) return { status: hubState.status, body: 'no thanks' };
    setTimeout(async () => {
      const verify = new URL(form.get('hub.callback')!);
      verify.search = new URLSearchParams({ 'hub.mode': form.get('hub.mode')!, 'hub.topic': form.get('hub.topic')!, 'hub.challenge': `ch-${hubState.subscriptions.length}`, 'hub.lease_seconds': '7200' }).toString();
      const v = await fetch(verify);
      hubState.verifications.push({ status: v.status, body: await v.text() });
    }, 5);
    return { status: 202 };
  });
  hubBase = hub.base;
  const pub = await listen(async (req) => ({ status: 200, headers: { 'content-type': 'application/atom+xml' }, body: atom(`${hubBase}/hub`, `${pubBase}/feed.atom`, ['first']) }));
  pubBase = pub.base;
  const route = websubRoute(db);
  const cb = await listen(async (req, body) => {
    const res = await route.handle(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === 'POST' ? new Uint8Array(body) : undefined }));
    return { status: res.status, body: await res.text() };
  });
  callbackBase = cb.base;
  servers.push(hub.server, pub.server, cb.server);

  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(pubBase).host] });
  hubFetch = createWebSubFetch({ userAgent: 'transwire-test', allowPrivate: [new URL(hubBase).host] });
  poll = createPollSourceHandler({
    db,
    http,
    robots: { isAllowed: async () => true },
    log,
    poll: { minSeconds: 60, maxSeconds: 3600 },
    perHost: { concurrency: 4, minIntervalMs: 0 },
    websub: { callbackBase },
  });
  subscribe = createWebSubSubscribeHandler({ db, log, fetch: hubFetch.fetch, callbackBase, leaseSeconds: 7200 });
  pushHandler = createWebSubPushHandler({ db, log });
});
afterAll(async () => {
  for (const s of servers) s.close();
  await hubFetch?.close();
  await http?.close();
  await db?.close();
});

const itemsOf = async (sourceId: number) =>
  (await db.query<{ guid: string; queued: boolean }>(
    `SELECT i.guid, EXISTS (SELECT 1 FROM jobs j WHERE j.key = 'extract:item:' || i.id) AS queued FROM items i WHERE source_id = $1 ORDER BY i.id`,
    [sourceId],
  )).rows;
const queued = async (kind: string) => (await db.query<{ key: string; payload: unknown }>(`SELECT key, payload FROM jobs WHERE kind = $1 AND state = 'queued'`, [kind])).rows;
const sendPush = (sourceId: number, body: string, secret: string, token: string | null) =>
  fetch(`${callbackBase}/websub/${sourceId}${token ? `/${token}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': signBody(body, secret) }, body });

describe('WebSub through the pipeline, against a fake hub and publisher on 127.0.0.1', () => {
  it('poll discovers the hub → subscribe → intent verified → signed push stored with extract jobs; forged push dropped; backup poll; renewal reuses the secret', async () => {
    const source = await upsertSource(db, { url: `${pubBase}/feed.atom` });
    await poll({ sourceId: source.id });
    expect(await itemsOf(source.id)).toEqual([{ guid: 'urn:first', queued: true }]);
    expect(await queued('websub-subscribe')).toEqual([{ key: `websub:subscribe:${source.id}`, payload: { sourceId: source.id, hub: `${hubBase}/hub`, topic: `${pubBase}/feed.atom` } }]);

    expect(await runJobs('websub-subscribe', subscribe)).toBe(1);
    const form = hubState.subscriptions[0]!;
    expect(form.get('hub.lease_seconds')).toBe('7200');
    await waitFor('verification of intent', async () => hubState.verifications.length === 1, 10_000, 20);
    expect(hubState.verifications[0]).toEqual({ status: 200, body: 'ch-1' });
    const sub = (await getWebSub(db, source.id))!;
    expect(sub).toMatchObject({ state: 'active', lease_seconds: 7200, secret: form.get('hub.secret'), awaiting: null });
    expect(sub.callback_token).toMatch(/^[0-9a-f]{48}$/);
    expect(form.get('hub.callback')).toBe(`${callbackBase}/websub/${source.id}/${sub.callback_token}`);

    const pushed = atom(`${hubBase}/hub`, `${pubBase}/feed.atom`, ['pushed-1', 'pushed-2']);
    expect((await sendPush(source.id, pushed, sub.secret, sub.callback_token)).status).toBe(202);
    expect(await queued('websub-push')).toHaveLength(1);
    const forged = atom(`${hubBase}/hub`, `${pubBase}/feed.atom`, ['forged']);
    expect((await sendPush(source.id, forged, 'not-the-secret', sub.callback_token)).status).toBe(202);
    expect(await queued('websub-push')).toHaveLength(1);
    expect(await runJobs('websub-push', pushHandler)).toBe(1);
    expect(await itemsOf(source.id)).toEqual([
      { guid: 'urn:first', queued: true },
      { guid: 'urn:pushed-1', queued: true },
      { guid: 'urn:pushed-2', queued: true },
    ]);
    expect(await getWebSub(db, source.id)).toMatchObject({ pushes: 1, rejected_pushes: 1 });

    // Subscribed: the next poll is the slow backup poll, and asks the hub nothing.
    const before = Date.now();
    await poll({ sourceId: source.id });
    const polled = (await getSource(db, source.id))!;
    expect({ status: polled.status, last_error: polled.last_error }).toEqual({ status: 'ok', last_error: null });
    expect(polled.next_fetch_at.getTime() - before).toBeGreaterThan(3590_000);
    expect(await queued('websub-subscribe')).toEqual([]);

    // Renewal: due → one job (not one per tick) → same secret → verified again with a later renew_at.
    await db.query(`UPDATE websub_subscriptions SET renew_at = now() - interval '1 second' WHERE source_id = $1`, [source.id]);
    const renewal = startWebSubRenewal({ db, log, everyMs: 3_600_000 });
    await renewal.stop();
    expect(await renewal.tick()).toBe(0);
    expect(await runJobs('websub-subscribe', subscribe)).toBe(1);
    expect(hubState.subscriptions[1]!.get('hub.secret')).toBe(sub.secret);
    expect(hubState.subscriptions[1]!.get('hub.callback')).toBe(form.get('hub.callback')); // the same subscription, renewed
    await waitFor('renewal verified', async () => hubState.verifications.length === 2, 10_000, 20);
    const renewed = (await getWebSub(db, source.id))!;
    expect(renewed.state).toBe('active');
    expect(renewed.verified_at!.getTime()).toBeGreaterThan(sub.verified_at!.getTime());
    expect(renewed.renew_at!.getTime()).toBeGreaterThan(Date.now() + 6000_000);
  });

  it('a hub refusal is recorded on the subscription; a 5xx is retried', async () => {
    const source = await upsertSource(db, { url: `${pubBase}/refused.atom` });
    const payload = { sourceId: source.id, hub: `${hubBase}/hub`, topic: source.url };
    hubState.status = 400;
    await subscribe(payload);
    expect(await getWebSub(db, source.id)).toMatchObject({ state: 'failed', last_error: expect.stringContaining('400') });
    hubState.status = 503;
    await expect(subscribe(payload)).rejects.toBeInstanceOf(TransientError);
    hubState.status = 202;
  });

  it('a hub on a private address is refused unless allowed: the hub sees no request', async () => {
    const strict = createWebSubFetch({ userAgent: 'transwire-test' });
    const handler = createWebSubSubscribeHandler({ db, log, fetch: strict.fetch, callbackBase });
    const source = await upsertSource(db, { url: `${pubBase}/strict.atom` });
    const seen = hubState.seen;
    await expect(handler({ sourceId: source.id, hub: `${hubBase}/hub`, topic: source.url })).rejects.toThrow(/websub/);
    expect(hubState.seen).toBe(seen);
    await strict.close();
  });

  // Issue 15 item 2: one GET with a source id used to confirm a pending subscription.
  it('a forged confirmation is refused: the subscription stays pending and the hub can still confirm it', async () => {
    const source = await upsertSource(db, { url: `${pubBase}/forged.atom` });
    hubState.status = 500; // the hub takes the request but we verify by hand below, in order
    await expect(subscribe({ sourceId: source.id, hub: `${hubBase}/hub`, topic: source.url })).rejects.toBeInstanceOf(TransientError);
    hubState.status = 202;
    const sub = (await getWebSub(db, source.id))!;
    expect(sub).toMatchObject({ state: 'pending', awaiting: 'subscribe' });
    const confirm = (path: string, params: Record<string, string>) =>
      fetch(`${callbackBase}${path}?${new URLSearchParams({ 'hub.topic': source.url, 'hub.challenge': 'x', 'hub.lease_seconds': '864000', ...params })}`);
    const forgeries: Array<[string, Record<string, string>]> = [
      [`/websub/${source.id}`, { 'hub.mode': 'subscribe' }], // the attack from the issue: no secret at all
      [`/websub/${source.id}/${'0'.repeat(48)}`, { 'hub.mode': 'subscribe' }], // a guessed secret
      [`/websub/${source.id}/${sub.callback_token}`, { 'hub.mode': 'unsubscribe' }], // the wrong mode
      [`/websub/${source.id}/${sub.callback_token}`, { 'hub.mode': 'subscribe', 'hub.topic': 'https://evil.example/feed' }], // the wrong topic
      [`/websub/${source.id}`, { 'hub.mode': 'denied' }], // a denial without the secret
    ];
    for (const [path, params] of forgeries) {
      const res = await confirm(path, params);
      expect(res.status, `${path} ${JSON.stringify(params)}`).toBe(404);
      expect(await res.text()).not.toBe('x');
    }
    expect(await getWebSub(db, source.id)).toMatchObject({ state: 'pending', awaiting: 'subscribe', verified_at: null });

    const real = await confirm(`/websub/${source.id}/${sub.callback_token}`, { 'hub.mode': 'subscribe' });
    expect([real.status, await real.text()]).toEqual([200, 'x']);
    expect(await getWebSub(db, source.id)).toMatchObject({ state: 'active', awaiting: null });
    // Not pending any more: the same confirmation again is refused.
    expect((await confirm(`/websub/${source.id}/${sub.callback_token}`, { 'hub.mode': 'subscribe' })).status).toBe(404);
  });

  it('a subscription from before callback tokens is renewed onto a tokened callback; its old callback then refuses pushes', async () => {
    const source = await upsertSource(db, { url: `${pubBase}/legacy.atom` });
    // As migration 061 finds it: active, no token, renew_at set to now by the migration.
    await db.query(
      `INSERT INTO websub_subscriptions (source_id, hub, topic, secret, state, verified_at, expires_at, renew_at)
       VALUES ($1, $2, $3, 'legacy-secret', 'active', now(), now() + interval '5 days', now() - interval '1 second')`,
      [source.id, `${hubBase}/hub`, source.url],
    );
    const legacyVerify = await fetch(`${callbackBase}/websub/${source.id}?hub.mode=subscribe&hub.topic=${encodeURIComponent(source.url)}&hub.challenge=x`);
    expect(legacyVerify.status).toBe(404); // the old callback confirms nothing
    const body = atom(`${hubBase}/hub`, source.url, ['legacy-push']);
    expect(await (await sendPush(source.id, body, 'legacy-secret', null)).text()).toBe('accepted'); // its signed pushes still count

    const renewal = startWebSubRenewal({ db, log, everyMs: 3_600_000 });
    await renewal.stop();
    const verifications = hubState.verifications.length;
    expect(await runJobs('websub-subscribe', subscribe)).toBeGreaterThanOrEqual(1);
    await waitFor('the hub verifying the new callback', async () => hubState.verifications.length > verifications, 10_000, 20);
    const renewed = (await getWebSub(db, source.id))!;
    expect(renewed).toMatchObject({ state: 'active', secret: 'legacy-secret', awaiting: null });
    expect(renewed.callback_token).toMatch(/^[0-9a-f]{48}$/);
    expect(hubState.subscriptions.at(-1)!.get('hub.callback')).toBe(`${callbackBase}/websub/${source.id}/${renewed.callback_token}`);
    expect((await sendPush(source.id, body, 'legacy-secret', null)).status).toBe(410);
    expect(await (await sendPush(source.id, body, 'legacy-secret', renewed.callback_token)).text()).toBe('accepted');
  });

  it('a push that does not parse fails for good (kept as a failed job), storing nothing', async () => {
    const source = await upsertSource(db, { url: `${pubBase}/garbage.atom` });
    await expect(pushHandler({ sourceId: source.id, body: Buffer.from('\u0000\u0001 not a feed').toString('base64'), contentType: 'application/octet-stream' })).rejects.toThrow(/does not parse/);
    expect(await itemsOf(source.id)).toEqual([]);
  });
});

describe('shouldSubscribe', () => {
  const hub = 'https://hub.example/';
  const topic = 'https://news.example/feed';
  const old = new Date(Date.now() - 7 * 3600_000);
  const now = new Date();
  const cases: Array<[string, Parameters<typeof shouldSubscribe>[0], string | null, string, boolean]> = [
    ['no hub declared', null, null, 'https://wire.example', false],
    ['new hub, public callback', null, hub, 'https://wire.example', true],
    ['public hub cannot reach a loopback callback', null, hub, 'http://127.0.0.1:8080', false],
    ['public hub cannot reach localhost', null, hub, 'http://localhost:8080', false],
    ['local hub, local callback', null, 'http://127.0.0.1:9/hub', 'http://127.0.0.1:8080', true],
    ['already active', { hub, topic, state: 'active', requested_at: old }, hub, 'https://wire.example', false],
    ['active at another hub', { hub: 'https://old-hub.example/', topic, state: 'active', requested_at: now }, hub, 'https://wire.example', true],
    ['pending, just asked', { hub, topic, state: 'pending', requested_at: now }, hub, 'https://wire.example', false],
    ['pending for hours (hub never verified)', { hub, topic, state: 'pending', requested_at: old }, hub, 'https://wire.example', true],
    ['failed a while ago', { hub, topic, state: 'failed', requested_at: old }, hub, 'https://wire.example', true],
    ['unsubscribed on purpose', { hub, topic, state: 'unsubscribed', requested_at: old }, hub, 'https://wire.example', false],
  ];
  it.each(cases)('%s', (_name, sub, foundHub, callback, expected) => {
    expect(shouldSubscribe(sub, { hub: foundHub, topic }, callback, now)).toBe(expected);
  });
});
