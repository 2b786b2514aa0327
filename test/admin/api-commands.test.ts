import { createServer, type Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/admin/auth/api-tokens.ts';
import { createConsoleHandler } from '../../src/admin/mount-console.ts';
import { configSchema } from '../../src/config/schema.ts';
import { createHttpClient } from '../../src/fetch/index.ts';
import { listAudit } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { seedSite, SITE, type Seeded } from '../web/seed-site.ts';

/**
 * The /api/v1 routes the command line calls on a running server, through the real mount with the
 * local token: what each changes, its audit row, and its one-line errors (400, 404).
 */
const LOCAL = 'local-secret-for-this-test';
let db: Db;
let seeded: Seeded;
let feeds: Server;
let feedOrigin = '';
let handler: ReturnType<typeof createConsoleHandler>;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>http://x/</link><item><title>A</title><link>http://x/a</link></item></channel></rss>`;

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db);
  feeds = createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>`);
  });
  await new Promise<void>((r) => feeds.listen(0, '127.0.0.1', r));
  feedOrigin = `http://127.0.0.1:${(feeds.address() as { port: number }).port}`;
  const config = configSchema.parse({ site: { name: SITE.name, baseUrl: SITE.baseUrl, languages: SITE.languages } });
  handler = createConsoleHandler({
    services: {
      db,
      config,
      site: SITE,
      log: pino({ level: 'silent' }),
      translator: () => { throw new Error('no translator in this test'); },
      http: () => createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(feedOrigin).host] }),
    },
    localToken: LOCAL,
  });
}, 120_000);
afterAll(async () => {
  feeds?.close();
  await db?.close();
});

async function api(method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = LOCAL): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await handler(new Request(`http://127.0.0.1:8080${path}`, { method, headers, body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body) }));
  return { status: res.status, json: await res.json() };
}

const lastAudit = async () => (await listAudit(db, {}))[0];

describe('/api/v1 for the command line', () => {
  it('refuses a request without the token, or with another one', async () => {
    expect((await api('POST', '/api/v1/takedowns', { target: 1 }, null)).status).toBe(401);
    expect((await api('POST', '/api/v1/takedowns', { target: 1 }, 'not-the-token')).status).toBe(401);
  });

  it('takedown: by path, URL or id; the publication is gone and the action audited as local-cli', async () => {
    const { id, path } = seeded.pubs.get('rain:es')!;
    const res = await api('POST', '/api/v1/takedowns', { target: `https://news.example${path}`, reason: 'legal request' });
    expect(res).toEqual({ status: 200, json: { id, lang: 'es', path } });
    const row = (await db.query<{ status: string; gone_reason: string }>('SELECT status, gone_reason FROM publications WHERE id = $1', [id])).rows[0];
    expect(row).toEqual({ status: 'gone', gone_reason: 'legal request' });
    expect(await lastAudit()).toMatchObject({ actor: 'local-cli', via: 'token', action: 'takedown', target: `publication:${id}`, after: { status: 'gone', path, reason: 'legal request' } });
  });

  it('takedown: an unknown target is 404 and a malformed body 400, each one line', async () => {
    expect(await api('POST', '/api/v1/takedowns', { target: '/es/2026/01/none' })).toEqual({ status: 404, json: { error: { status: 404, message: 'takedown: no publication /es/2026/01/none' } } });
    const missing = await api('POST', '/api/v1/takedowns', { reason: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/^takedown: target: [^\n]+$/);
    expect((await api('POST', '/api/v1/takedowns', '{not json')).json.error).toEqual({ status: 400, message: 'takedown: the request body is not JSON' });
    expect((await api('POST', '/api/v1/takedowns', { target: 1, extra: true })).status).toBe(400);
  });

  it('review: lists the held translations, approves one (published, audited), refuses an unknown id and an unconfigured engine', async () => {
    const { id: pubId } = seeded.pubs.get('comet:es')!;
    const t = (await db.query<{ id: number }>(`UPDATE translations SET status = 'held', hold_reason = 'hold: numbers (error)' WHERE id = (SELECT translation_id FROM publications WHERE id = $1) RETURNING id`, [pubId])).rows[0]!;
    const list = await api('GET', '/api/v1/review');
    expect(list.status).toBe(200);
    expect(list.json).toEqual([expect.objectContaining({ id: t.id, lang: 'es', hold_reason: 'hold: numbers (error)' })]);

    expect((await api('POST', `/api/v1/review/${t.id}/retranslate`, { engine: 'nonesuch' })).json.error.message).toMatch(/^review retranslate: the engine "nonesuch" is not configured \(configured: apertium\)/);
    const queued = await api('POST', `/api/v1/review/${t.id}/retranslate`, { engine: 'apertium' });
    expect(queued.json).toEqual({ articleId: expect.any(Number), lang: 'es', engine: 'apertium' });
    const job = (await db.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM jobs WHERE kind = 'translate'`)).rows[0];
    expect(job?.payload).toMatchObject({ engine: 'apertium', force: true, fresh: true });

    const approved = await api('POST', `/api/v1/review/${t.id}/approve`, {});
    expect(approved).toEqual({ status: 200, json: { translationId: t.id, path: seeded.pubs.get('comet:es')!.path } });
    expect((await db.query<{ status: string }>('SELECT status FROM translations WHERE id = $1', [t.id])).rows[0]!.status).toBe('approved');
    expect(await lastAudit()).toMatchObject({ action: 'review.approve', target: `translation:${t.id}`, before: { status: 'held' }, after: { status: 'approved' } });
    expect((await api('GET', '/api/v1/review')).json).toEqual([]);

    expect(await api('POST', '/api/v1/review/999999/approve', {})).toEqual({ status: 404, json: { error: { status: 404, message: 'review approve: no translation 999999 (transwire review list shows the held ones)' } } });
    expect((await api('POST', '/api/v1/review/abc/approve', {})).status).toBe(404);
  });

  it('sources: add through the page\'s feed, import OPML, remove by id or URL; each audited; unknown is 404', async () => {
    const added = await api('POST', '/api/v1/sources', { url: `${feedOrigin}/`, name: 'Gazette', lang: 'en' });
    expect(added).toEqual({ status: 200, json: { id: expect.any(Number), url: `${feedOrigin}/feed.xml`, others: [] } });
    expect(await lastAudit()).toMatchObject({ action: 'source.add', target: `source:${added.json.id}`, after: { url: `${feedOrigin}/feed.xml`, name: 'Gazette', lang: 'en' } });
    expect((await db.query(`SELECT 1 FROM jobs WHERE kind = 'poll' AND key = $1`, [`poll:source:${added.json.id}`])).rows).toHaveLength(1);

    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="One" xmlUrl="https://one.example/feed.xml"/><outline text="Two" xmlUrl="https://two.example/feed.xml"/></body></opml>`;
    expect(await api('POST', '/api/v1/sources/import', { opml })).toEqual({ status: 200, json: { imported: 2, warnings: [] } });
    expect((await api('POST', '/api/v1/sources/import', { opml: '<html/>' })).json.error).toEqual({ status: 400, message: 'feeds: not an OPML document' });

    expect(await api('POST', '/api/v1/sources/remove', { source: 'https://one.example/feed.xml' })).toMatchObject({ status: 200, json: { url: 'https://one.example/feed.xml' } });
    expect(await api('POST', '/api/v1/sources/remove', { source: added.json.id })).toEqual({ status: 200, json: { id: added.json.id, url: `${feedOrigin}/feed.xml` } });
    expect(await lastAudit()).toMatchObject({ action: 'source.remove', target: `source:${added.json.id}` });
    expect((await api('POST', '/api/v1/sources/remove', { source: 'https://none.example/' })).status).toBe(404);
  });

  it('users and tokens: add (one-time password and secret answered once), list, reset, remove, revoke; each audited; refusals are one line', async () => {
    const added = await api('POST', '/api/v1/users', { email: 'Ann@Newsroom.example', role: 'editor' });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ user: { email: 'ann@newsroom.example', role: 'editor', mustChangePassword: true }, generated: true });
    expect(added.json.password).toMatch(/\S{12,}/);
    expect(await lastAudit()).toMatchObject({ actor: 'local-cli', action: 'user.add', target: 'user:ann@newsroom.example', after: { role: 'editor' } });
    expect((await api('POST', '/api/v1/users', { email: 'ann@newsroom.example', role: 'editor' })).json.error).toEqual({ status: 409, message: 'ann@newsroom.example already has an account' });
    expect((await api('POST', '/api/v1/users', { email: 'bob@newsroom.example', role: 'chief' })).json.error).toEqual({ status: 400, message: 'the role must be viewer, editor, admin, not "chief"' });
    expect((await api('GET', '/api/v1/users')).json).toEqual([expect.objectContaining({ email: 'ann@newsroom.example', role: 'editor' })]);
    const reset = await api('POST', '/api/v1/users/reset', { email: 'ann@newsroom.example' });
    expect(reset.json.password).not.toBe(added.json.password);
    expect(await api('POST', '/api/v1/users/remove', { email: 'ann@newsroom.example' })).toMatchObject({ status: 200, json: { email: 'ann@newsroom.example' } });
    expect((await api('POST', '/api/v1/users/remove', { email: 'ann@newsroom.example' })).json.error).toEqual({ status: 404, message: 'no user ann@newsroom.example' });

    const token = await api('POST', '/api/v1/tokens', { name: 'bot', role: 'viewer', scopes: ['review'] });
    expect(token.json).toMatchObject({ token: expect.stringMatching(/^tw_/), row: { name: 'bot', role: 'viewer', scopes: ['review'], created_by: 'local-cli' } });
    expect((await api('GET', '/api/v1/tokens')).json).toEqual([expect.objectContaining({ name: 'bot', revoked_at: null })]);
    expect(JSON.stringify((await api('GET', '/api/v1/tokens')).json)).not.toContain(token.json.token); // never the secret again
    expect((await api('POST', '/api/v1/tokens/revoke', { token: 'bot' })).json).toMatchObject({ name: 'bot' });
    expect(await lastAudit()).toMatchObject({ action: 'token.revoke', target: 'token:bot' });
    expect((await api('GET', '/api/v1/review', undefined, token.json.token)).status).toBe(401); // revoked: refused at once
  });

  it('an editor\'s API token may take down but not change sources', async () => {
    const { token } = await createApiToken(db, { name: 'newsdesk', role: 'editor', createdBy: 'test' });
    expect((await api('POST', '/api/v1/takedowns', { target: seeded.pubs.get('port:es')!.path }, token)).status).toBe(200);
    expect((await api('POST', '/api/v1/sources/import', { opml: '<opml/>' }, token)).status).toBe(403);
  });
});
