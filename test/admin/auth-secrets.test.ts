import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApiToken, findTokenBySecret, revokeToken, tokenAllows } from '../../src/admin/auth/api-tokens.ts';
import { generatePassword, hashPassword, SCRYPT_PARAMS, verifyPassword } from '../../src/admin/auth/password.ts';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { consoleHarness, type ConsoleHarness } from './auth-harness.ts';

// Hashing and PGlite on a loaded two-core machine: minutes, not the default seconds.
vi.setConfig({ testTimeout: 120_000 });
let db: Db;
let h: ConsoleHarness;
beforeAll(async () => {
  db = await openTestDb();
  h = consoleHarness(db);
}, 300_000);
afterAll(async () => db?.close());

it('hashes passwords with scrypt N=2^15 r=8 p=1, a 16-byte salt and a 32-byte key, and checks them', async () => {
  expect(SCRYPT_PARAMS).toMatchObject({ N: 32768, r: 8, p: 1, saltLength: 16, keyLength: 32 });
  const stored = await hashPassword('correct horse battery staple');
  const [name, N, r, p, salt, key] = stored.split('$');
  expect([name, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
  expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
  expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
  expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  expect(await hashPassword('correct horse battery staple')).not.toBe(stored); // a new salt each time
  for (const bad of ['', 'scrypt$1$8$1$aa$bb', 'bcrypt$…', `scrypt$${2 ** 30}$8$1$${salt}$${key}`]) expect(await verifyPassword('x', bad)).toBe(false);
  // Parameters travel with the hash: a hash made with other ones still verifies.
  const cheap = await hashPassword('pw with other params', { N: 1024, r: 8, p: 1 });
  expect(await verifyPassword('pw with other params', cheap)).toBe(true);
  // Unicode forms of one password are one password.
  expect(await verifyPassword('cafe\u0301 au lait', await hashPassword('café au lait'))).toBe(true);
});

it('makes one-time passwords of 20 unambiguous characters, each new', () => {
  const seen = new Set(Array.from({ length: 200 }, generatePassword));
  expect(seen.size).toBe(200);
  for (const p of seen) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
});

it('keeps API tokens only as their sha256, checks their role and scopes, and stops a revoked one at once', async () => {
  const { token, row } = await createApiToken(db, { name: 'bot', role: 'editor', scopes: ['takedowns'], createdBy: 'test' });
  expect(token).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
  const stored = (await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [row.id])).rows[0]!.token_hash;
  expect(stored).toMatch(/^[0-9a-f]{64}$/);
  const dump = JSON.stringify((await db.query('SELECT * FROM api_tokens')).rows);
  expect(dump).not.toContain(token.slice(3));
  expect((await findTokenBySecret(db, token))?.name).toBe('bot');
  expect(await findTokenBySecret(db, `${token}x`)).toBeNull();
  expect(tokenAllows(['takedowns'], '/api/v1/takedowns/12')).toBe(true);
  expect(tokenAllows(['takedowns'], '/api/v1/sources')).toBe(false);
  expect(tokenAllows([], '/api/v1/sources')).toBe(true);

  const bearer = { authorization: `Bearer ${token}` };
  // Out of scope: 403 before the route is looked at; unknown path in scope: 404.
  expect((await h.call('GET', '/api/v1/sources', { headers: bearer })).status).toBe(403);
  expect((await h.call('GET', '/api/v1/takedowns/no-such-thing/at-all', { headers: bearer })).status).toBe(404);
  await revokeToken(db, 'bot');
  const after = await h.call('GET', '/api/v1/takedowns/no-such-thing/at-all', { headers: bearer });
  expect(after.status).toBe(401);
  expect(await after.json()).toEqual({ error: { status: 401, message: 'the API token is unknown or revoked' } });
  await expect(revokeToken(db, 'bot')).rejects.toThrow(/revoked already/);
});

it('the local token acts as the built-in admin local-cli; a wrong one is refused', async () => {
  const local = consoleHarness(db, { localToken: 'local-secret-0123456789' });
  expect((await local.call('GET', '/api/v1/none', { headers: { authorization: 'Bearer local-secret-0123456789' } })).status).toBe(404);
  expect((await local.call('GET', '/api/v1/none', { headers: { authorization: 'Bearer local-secret-0123456780' } })).status).toBe(401);
  expect((await h.call('GET', '/api/v1/none', { headers: { authorization: 'Bearer local-secret-0123456789' } })).status).toBe(401);
});

it('a handler that fails answers a 500 page without its error; one that throws AdminHttpError answers its status', async () => {
  const { AdminHttpError } = await import('../../src/admin/admin-route.ts');
  const routes = [
    { method: 'GET' as const, path: '/admin/boom', role: 'viewer' as const, summary: 'fails', handle: async () => { throw new Error('secret internals: password=hunter2'); } },
    { method: 'GET' as const, path: '/admin/gone/:id', role: 'viewer' as const, summary: 'refuses', handle: async (ctx: { params: Record<string, string> }) => { throw new AdminHttpError(404, `no story ${ctx.params.id}`); } },
  ];
  const local = consoleHarness(db, { routes });
  const viewer = await local.signIn('viewer');
  const boom = await local.call('GET', '/admin/boom', { cookie: viewer.cookie });
  expect(boom.status).toBe(500);
  const html = await boom.text();
  expect(html).toContain('The server failed to answer this request');
  expect(html).not.toContain('hunter2');
  const gone = await local.call('GET', '/admin/gone/%3Cb%3E', { cookie: viewer.cookie });
  expect(gone.status).toBe(404);
  expect(await gone.text()).toContain('no story &lt;b&gt;');
});
