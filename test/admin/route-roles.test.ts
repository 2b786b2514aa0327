import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLE_RANK, ROLES, type AdminRoute, type Role } from '../../src/admin/admin-route.ts';
import { adminRoutes } from '../../src/admin/route-table.ts';
import { STYLESHEETS } from '../../src/admin/assets/stylesheets.ts';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { consoleHarness, type ConsoleHarness } from './auth-harness.ts';

/**
 * Every route the console serves, read from the route table at test time (a route another module
 * adds is covered without touching this file), called as anonymous, viewer, editor and admin.
 */
const routes = adminRoutes();
const isApi = (r: AdminRoute) => r.path.startsWith('/api/v1/');
/** `:id` and friends filled with something plausible; the handler may answer 404 or 400 to it. */
const concrete = (path: string) => path.replace(/:[A-Za-z_]+/g, '1');

// Hashing and PGlite on a loaded two-core machine: minutes, not the default seconds.
vi.setConfig({ testTimeout: 120_000 });
let db: Db;
let h: ConsoleHarness;

beforeAll(async () => {
  db = await openTestDb();
  h = consoleHarness(db);
  // A target for the routes with an id: user 1, source 1… may exist or not; either is fine.
  await h.signIn('viewer', 'target@newsroom.example');
}, 300_000);
afterAll(async () => db?.close());

it('a stylesheet answers with no login cookie (it is cached publicly for a year)', async () => {
  for (const sheet of Object.values(STYLESHEETS)) {
    const res = await h.call('GET', sheet.path);
    expect(res.status, sheet.path).toBe(200);
    expect(res.headers.get('cache-control'), sheet.path).toContain('immutable');
    expect(res.headers.get('set-cookie'), sheet.path).toBeNull();
  }
});

it('the table has routes of every kind to walk', () => {
  expect(routes.length).toBeGreaterThan(10);
  expect(routes.some((r) => r.path === '/admin/login' && r.role === 'anonymous')).toBe(true);
  for (const r of routes) {
    expect(['GET', 'POST']).toContain(r.method);
    expect(r.path, `${r.method} ${r.path}`).toMatch(/^\/(admin|api\/v1)(\/|$)/);
    expect(r.summary.length, `${r.method} ${r.path} has a summary`).toBeGreaterThan(0);
  }
  const keys = routes.map((r) => `${r.method} ${r.path}`);
  expect(new Set(keys).size, 'no route listed twice').toBe(keys.length);
});

async function callAs(route: AdminRoute, who: Role | 'anonymous'): Promise<Response> {
  const path = concrete(route.path);
  if (isApi(route)) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who !== 'anonymous') headers.authorization = `Bearer ${await h.token(who)}`;
    return h.call(route.method, path, { headers, body: route.method === 'POST' ? '{}' : undefined });
  }
  if (who === 'anonymous') {
    if (route.method === 'GET') return h.call('GET', path);
    // The login form's own token (a cookie before any session), as a browser would have it.
    const login = /tw_login=([^;]*)/.exec((await h.call('GET', '/admin/login')).headers.getSetCookie().join('\n'))?.[1] ?? '';
    return h.call('POST', path, { cookie: `tw_login=${login}`, form: { csrf: login } });
  }
  // A fresh session per call: a logout or a user removal among the routes ends only its own.
  const id = await h.signIn(who);
  return h.call(route.method, path, { cookie: id.cookie, form: route.method === 'POST' ? { csrf: id.csrf } : undefined, headers: { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:8080' } });
}

describe.each(routes.map((r) => [`${r.method} ${r.path} (${r.role})`, r] as const))('%s', (_name, route) => {
  it('anonymous: the login page (pages) or 401 (API), unless the route is for anyone', async () => {
    const res = await callAs(route, 'anonymous');
    if (route.role === 'anonymous') {
      // Open to anyone (the login form answers 401 to its empty credentials: that is its answer, not a gate).
      expect(res.status).not.toBe(403);
      expect(res.headers.get('location') ?? '').not.toMatch(/^\/admin\/login\?/);
      return;
    }
    if (isApi(route)) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    } else {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/admin\/login/);
    }
  });

  it.each(ROLES.map((r) => [r] as const))('as %s', async (role) => {
    const res = await callAs(route, role);
    const allowed = route.role === 'anonymous' || ROLE_RANK[role] >= ROLE_RANK[route.role];
    if (!allowed) {
      expect(res.status, `${role} must be refused`).toBe(403);
      return;
    }
    if (route.role === 'anonymous') {
      expect(res.status).not.toBe(403);
      return;
    }
    expect([401, 403], `${role} must be let through (answered ${res.status}: ${res.status >= 400 ? (await res.clone().text()).slice(0, 300) : ''})`).not.toContain(res.status);
    if (route.method === 'GET' && !route.path.includes(':')) expect(res.status, `${route.path} failed: ${(await res.clone().text()).slice(0, 300)}`).toBeLessThan(500);
  });
});
