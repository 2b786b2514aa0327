import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertApiToken } from '../../src/store/api-tokens.ts';
import { insertAudit, listAudit } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/db.ts';
import { insertUser } from '../../src/store/users.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { consoleHarness, ORIGIN, sessionCookieOf, type ConsoleHarness } from './auth-harness.ts';

// Hashing and PGlite on a loaded two-core machine: minutes, not the default seconds.
vi.setConfig({ testTimeout: 120_000 });
let db: Db;
let h: ConsoleHarness;

beforeAll(async () => {
  db = await openTestDb();
  h = consoleHarness(db);
}, 300_000);
afterAll(async () => db?.close());

const HOUR = 3600_000;
const advance = (ms: number) => (h.clock.now = new Date(h.clock.now.getTime() + ms));
const usersPage = (cookie: string) => h.call('GET', '/admin/users', { cookie });
const signedIn = async (cookie: string) => (await h.call('GET', '/admin/account', { cookie })).status === 200;

describe('CSRF and cross-origin requests', () => {
  const addViewer = async (o: { csrf?: string; headers?: Record<string, string>; cookie: string }) =>
    h.call('POST', '/admin/users', { cookie: o.cookie, headers: o.headers, form: { ...(o.csrf !== undefined ? { csrf: o.csrf } : {}), email: `v${Math.random()}@newsroom.example`, role: 'viewer' } });

  it('a POST with the session token is done; without it, with a wrong one or another session\'s, refused with 403', async () => {
    const admin = await h.signIn('admin');
    const other = await h.signIn('admin');
    expect((await addViewer({ cookie: admin.cookie, csrf: admin.csrf })).status).toBe(200);
    for (const csrf of [undefined, '', 'x'.repeat(43), other.csrf]) {
      const res = await addViewer({ cookie: admin.cookie, csrf });
      expect(res.status, `csrf ${String(csrf)}`).toBe(403);
      expect(await res.text()).toContain('did not come from this console');
    }
    // The token in a header does as well as the form field (progressive JS, fetch).
    expect((await addViewer({ cookie: admin.cookie, headers: { 'x-csrf-token': admin.csrf } })).status).toBe(200);
  });

  it('refuses a POST from another site even with the right token: Origin, Sec-Fetch-Site', async () => {
    const admin = await h.signIn('admin');
    const refused: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }];
    for (const headers of refused) {
      const res = await addViewer({ cookie: admin.cookie, csrf: admin.csrf, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await addViewer({ cookie: admin.cookie, csrf: admin.csrf, headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('the login form has its own token: a login posted from elsewhere is refused', async () => {
    await h.addUser('csrf-login@newsroom.example', 'viewer', 'a long password 1');
    const res = await h.call('POST', '/admin/login', { form: { email: 'csrf-login@newsroom.example', password: 'a long password 1' } });
    expect(res.status).toBe(403);
    expect(sessionCookieOf(res)).toBeUndefined();
    expect((await h.call('POST', '/admin/login', { cookie: 'tw_login=abc', form: { csrf: 'abd', email: 'csrf-login@newsroom.example', password: 'a long password 1' } })).status).toBe(403);
  });

  it('a bearer token opens no page, and a cookie opens no API route', async () => {
    const token = await h.token('admin');
    const page = await h.call('GET', '/admin/users', { headers: { authorization: `Bearer ${token}` } });
    expect(page.status).toBe(303);
    const admin = await h.signIn('admin');
    const api = await h.call('GET', '/api/v1/nothing-here', { cookie: admin.cookie });
    expect(api.status).toBe(401);
  });
});

describe('sessions', () => {
  it('cookie: HttpOnly, SameSite=Lax, Path=/admin; Secure only when the base URL is https', async () => {
    await h.addUser('cookie@newsroom.example', 'viewer', 'a long password 2');
    const res = await h.logIn('cookie@newsroom.example', 'a long password 2');
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tw_session='))!;
    expect(cookie).toMatch(/; Path=\/admin; HttpOnly; SameSite=Lax$/);
    const secure = consoleHarness(db, { services: await servicesWithHttps() });
    const res2 = await secure.logIn('cookie@newsroom.example', 'a long password 2');
    expect(res2.headers.getSetCookie().find((c) => c.startsWith('tw_session='))).toMatch(/; Secure/);
  });

  it('fixation is impossible: a session id the browser brought is never the signed-in one', async () => {
    await h.addUser('fix@newsroom.example', 'editor', 'a long password 3');
    const planted = 'tw_session=AttackerChoseThisValue0123456789abcdefghijklm';
    const res = await h.logIn('fix@newsroom.example', 'a long password 3', { cookie: planted });
    const given = sessionCookieOf(res)!;
    expect(given).toBeDefined();
    expect(given).not.toBe(planted);
    expect(await signedIn(planted)).toBe(false);
    expect(await signedIn(given)).toBe(true);
    // Signing in again from a live session rotates it too: the old id stops working.
    const relog = await h.call('POST', '/admin/login', { cookie: given, form: { csrf: await csrfOf(given), email: 'fix@newsroom.example', password: 'a long password 3' } });
    const rotated = sessionCookieOf(relog)!;
    expect(rotated).not.toBe(given);
    expect(await signedIn(given)).toBe(false);
    expect(await signedIn(rotated)).toBe(true);
  });

  it('ends after 2 h idle; use keeps it alive, but never past 12 h from login', async () => {
    const idle = await h.signIn('viewer');
    const busy = await h.signIn('viewer');
    advance(HOUR);
    expect(await signedIn(busy.cookie)).toBe(true);
    advance(HOUR + 60_000); // idle: 2 h 1 min; busy: 1 h 1 min since its last request
    expect(await signedIn(idle.cookie)).toBe(false);
    expect(await signedIn(busy.cookie)).toBe(true);
    for (let i = 0; i < 9; i++) {
      advance(HOUR);
      expect(await signedIn(busy.cookie), `hour ${i + 3}`).toBe(true);
    }
    advance(HOUR); // 12 h 1 min after login
    expect(await signedIn(busy.cookie)).toBe(false);
  });

  it('log out ends this session; log out everywhere ends all of the user\'s, not others\'', async () => {
    await h.addUser('out@newsroom.example', 'viewer', 'a long password 4');
    const a = sessionCookieOf(await h.logIn('out@newsroom.example', 'a long password 4'))!;
    const b = sessionCookieOf(await h.logIn('out@newsroom.example', 'a long password 4'))!;
    const c = sessionCookieOf(await h.logIn('out@newsroom.example', 'a long password 4'))!;
    const someoneElse = await h.signIn('viewer');
    const out = await h.call('POST', '/admin/logout', { cookie: a, form: { csrf: await csrfOf(a) } });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().join()).toMatch(/tw_session=; .*Max-Age=0/);
    expect(await signedIn(a)).toBe(false);
    expect(await signedIn(b)).toBe(true);
    expect((await h.call('POST', '/admin/logout-everywhere', { cookie: b, form: { csrf: await csrfOf(b) } })).status).toBe(303);
    expect(await signedIn(b)).toBe(false);
    expect(await signedIn(c)).toBe(false);
    expect(await signedIn(someoneElse.cookie)).toBe(true);
  });

  it('a one-time password opens only the account page until it is changed', async () => {
    await insertUser(db, { email: 'new@newsroom.example', role: 'admin', passwordHash: (await import('../../src/admin/auth/password.ts').then((m) => m.hashPassword('one-time-pw-123'))), mustChangePassword: true });
    const res = await h.logIn('new@newsroom.example', 'one-time-pw-123');
    expect(res.headers.get('location')).toBe('/admin/account?first=1');
    const cookie = sessionCookieOf(res)!;
    expect((await usersPage(cookie)).headers.get('location')).toBe('/admin/account?first=1');
    const change = await h.call('POST', '/admin/account/password', { cookie, form: { csrf: await csrfOf(cookie), current: 'one-time-pw-123', password: 'my own password 9', confirm: 'my own password 9' } });
    expect(change.status).toBe(303);
    const fresh = sessionCookieOf(change)!;
    expect(fresh).not.toBe(cookie);
    expect(await signedIn(cookie)).toBe(false);
    expect((await usersPage(fresh)).status).toBe(200);
  });
});

describe('login', () => {
  it('says the same for an unknown email and a wrong password; a good login goes to next, never off-site', async () => {
    await h.addUser('same@newsroom.example', 'viewer', 'a long password 5');
    const wrong = await h.logIn('same@newsroom.example', 'not the password', { address: '198.51.100.1' });
    const unknown = await h.logIn('nobody@newsroom.example', 'not the password', { address: '198.51.100.1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const text = (r: string) => /<p class="error-message"[^>]*>([^<]*)</.exec(r)?.[1];
    expect(text(await wrong.text())).toBe(text(await unknown.text()));
    const page = await h.call('GET', '/admin/login');
    const token = /tw_login=([^;]*)/.exec(page.headers.getSetCookie().join())![1]!;
    for (const [next, expected] of [['/admin/audit?user=x', '/admin/audit?user=x'], ['https://evil.example/', '/admin/'], ['//evil.example', '/admin/'], ['/admin\\@evil', '/admin/']] as const) {
      const res = await h.call('POST', '/admin/login', { cookie: `tw_login=${token}`, form: { csrf: token, email: 'same@newsroom.example', password: 'a long password 5', next } });
      expect(res.headers.get('location'), next).toBe(expected);
    }
  });

  it('behind login every unknown path looks alike; signed in, it is a 404', async () => {
    expect((await h.call('GET', '/admin/no-such-page')).headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fno-such-page');
    const v = await h.signIn('viewer');
    expect((await h.call('GET', '/admin/no-such-page', { cookie: v.cookie })).status).toBe(404);
    expect((await h.call('GET', '/admin')).headers.get('location')).toBe('/admin/');
  });
});

describe('audit and hostile content', () => {
  it('every user change is in the audit log with who, before and after', async () => {
    const admin = await h.signIn('admin');
    const add = await h.call('POST', '/admin/users', { cookie: admin.cookie, form: { csrf: admin.csrf, email: 'Audited@Newsroom.example', role: 'viewer' } });
    expect(add.status).toBe(200);
    const body = await add.text();
    expect(body).toMatch(/shown only now/);
    const id = (await db.query<{ id: number }>("SELECT id FROM users WHERE email = 'audited@newsroom.example'")).rows[0]!.id;
    expect((await h.call('POST', `/admin/users/${id}/role`, { cookie: admin.cookie, form: { csrf: admin.csrf, role: 'editor' } })).status).toBe(200);
    expect((await h.call('POST', `/admin/users/${id}/remove`, { cookie: admin.cookie, form: { csrf: admin.csrf } })).status).toBe(303);
    const rows = await listAudit(db, { actor: admin.email });
    expect(rows.map((r) => r.action)).toEqual(['user.remove', 'user.role', 'user.add']);
    expect(rows[1]).toMatchObject({ target: 'user:audited@newsroom.example', before: { role: 'viewer' }, after: { role: 'editor' }, via: 'session', user_id: admin.userId });
    expect(rows[0]!.before).toEqual({ email: 'audited@newsroom.example', role: 'editor' });
    const csv = await (await h.call('GET', `/admin/audit.csv?user=${encodeURIComponent(admin.email)}`, { cookie: admin.cookie })).text();
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,via,action,target,before,after');
    expect(csv).toContain('"user.role","user:audited@newsroom.example","{""role"":""viewer""}","{""role"":""editor""}"');
    const jsonl = (await (await h.call('GET', '/admin/audit.jsonl?action=user.', { cookie: admin.cookie })).text()).trim().split('\n').map((l) => JSON.parse(l) as { action: string });
    expect(jsonl.length).toBeGreaterThanOrEqual(3);
    expect(jsonl.every((r) => r.action.startsWith('user.'))).toBe(true);
  });

  it('stored markup in a user, a token and an audit row is shown as text, under the strict CSP', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';
    await insertUser(db, { email: `${payload}@evil.example`, role: 'viewer', passwordHash: 'x', mustChangePassword: false });
    await insertApiToken(db, { name: payload, tokenHash: 'f'.repeat(64), role: 'viewer', scopes: [payload], createdBy: payload });
    await insertAudit(db, { userId: null, actor: payload, via: 'session', action: payload, target: payload, before: { t: payload }, after: payload });
    const admin = await h.signIn('admin');
    for (const path of ['/admin/users', '/admin/tokens', '/admin/audit', `/admin/audit?user=${encodeURIComponent(payload)}`]) {
      const res = await h.call('GET', path, { cookie: admin.cookie });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html, path).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const csv = await (await h.call('GET', '/admin/audit.csv', { cookie: admin.cookie })).text();
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });
});

/** The CSRF token a session's pages carry. */
async function csrfOf(cookie: string): Promise<string> {
  const html = await (await h.call('GET', '/admin/account', { cookie })).text();
  return /name="csrf" value="([^"]+)"/.exec(html)![1]!;
}

async function servicesWithHttps() {
  const { default: pino } = await import('pino');
  const { configSchema } = await import('../../src/config/schema.ts');
  const site = { name: 'Wire', baseUrl: 'https://wire.example', languages: ['es'], defaultLanguage: 'es' };
  return { db, config: configSchema.parse({ site: { name: 'Wire', baseUrl: site.baseUrl, languages: ['es'] } }), site, log: pino({ level: 'silent' }), translator: () => { throw new Error('none'); }, http: () => { throw new Error('none'); } };
}
