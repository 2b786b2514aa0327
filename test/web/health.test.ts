import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { healthRoutes } from '../../src/web/health-routes.ts';
import { startWebServer, type WebLog } from '../../src/web/start-web-server.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

let db: Db;
let server: Awaited<ReturnType<typeof startWebServer>>;
let broken: Error | null = null;
let enginesProblem: string | null = null;
const logged: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
const log: WebLog = {
  info: (fields, msg) => logged.push({ level: 'info', msg, fields: fields as Record<string, unknown> }),
  warn: (fields, msg) => logged.push({ level: 'warn', msg, fields: fields as Record<string, unknown> }),
};

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  // The database as the web tier sees it, made to fail the way an outage does.
  const flaky: Db = { ...db, kind: db.kind, query: (sql, params) => (broken ? Promise.reject(broken) : db.query(sql, params)) };
  server = await startWebServer({
    db: flaky,
    site: SITE,
    host: '127.0.0.1',
    port: 0,
    log,
    routes: healthRoutes({
      db: flaky,
      log,
      enginesEveryMs: 0,
      engines: async () => {
        if (enginesProblem) throw new Error(enginesProblem);
      },
    }),
  });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, text: await res.text(), headers: res.headers };
};

describe('/healthz and /readyz on the real server', () => {
  it('answer ok, uncached, when everything is', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ ok: true });
    expect(health.headers.get('cache-control')).toBe('no-store');
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ok: true, checks: { database: true, migrations: true, engines: true } });
  });

  it.each(['/healthzXYZ', '/healthz/x', '/readyz.json', '/healthz%00'])('match exactly: %s is the site\'s 404', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('"ok"');
  });

  it('say "not ok" during a database outage without a word of why; the log has it, at warn', async () => {
    logged.length = 0;
    broken = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    try {
      const health = await get('/healthz');
      expect(health.status).toBe(503);
      expect(JSON.parse(health.text)).toEqual({ ok: false });
      const ready = await get('/readyz');
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.text)).toEqual({ ok: false, checks: { database: false, migrations: false, engines: true } });
      for (const body of [health.text, ready.text]) expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432|Error/);
      expect(logged).toContainEqual({ level: 'warn', msg: 'health: not ok', fields: { check: 'database', error: 'connect ECONNREFUSED 127.0.0.1:5432' } });
      // The same failure again is not logged again at once: a prober every second must not flood the log.
      const before = logged.length;
      await get('/healthz');
      expect(logged.length).toBe(before);
    } finally {
      broken = null;
    }
    expect((await get('/healthz')).status).toBe(200);
    expect(logged).toContainEqual({ level: 'info', msg: 'health: ok again', fields: { check: 'database' } });
  });

  it('a database that does not answer is down too (bounded wait)', async () => {
    const hung: Db = { ...db, kind: db.kind, query: () => new Promise(() => undefined) };
    const [healthz] = healthRoutes({ db: hung, timeoutMs: 100 });
    const started = Date.now();
    const res = await healthz!.handle(new Request('http://x/healthz'));
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('/readyz is not ready with a migration not applied, or engines that cannot translate a pair', async () => {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1');
    await db.query('DELETE FROM schema_migrations WHERE name = $1', [rows[0]!.name]);
    try {
      expect(JSON.parse((await get('/readyz')).text)).toEqual({ ok: false, checks: { database: true, migrations: false, engines: true } });
    } finally {
      await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [rows[0]!.name]);
    }
    enginesProblem = 'translation: no engine translates en→fr';
    try {
      const ready = await get('/readyz');
      expect(JSON.parse(ready.text)).toEqual({ ok: false, checks: { database: true, migrations: true, engines: false } });
      expect(ready.text).not.toContain('fr');
      expect(logged).toContainEqual({ level: 'warn', msg: 'health: not ok', fields: { check: 'engines', error: enginesProblem } });
    } finally {
      enginesProblem = null;
    }
  });

  it.each(['/es/%00', '/robots.txt%00'])('%s answers 404 on the real server', async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  it('a route that throws answers 500 and is logged at warn with its route', async () => {
    const failing = await startWebServer({
      db, site: SITE, host: '127.0.0.1', port: 0, log,
      routes: [{ method: 'GET', prefix: '/boom', handle: async () => { throw new Error('kaput'); } }],
    });
    try {
      logged.length = 0;
      expect((await fetch(failing.url + '/boom')).status).toBe(500);
      expect(logged).toContainEqual({ level: 'warn', msg: 'web: request failed', fields: { route: '/boom', path: '/boom', status: 500, error: 'kaput' } });
    } finally {
      await failing.close();
    }
  });
});
