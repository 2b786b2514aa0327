import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { consoleHarness } from './auth-harness.ts';
import { seedOperations, type OpsSeed } from './operations-seed.ts';

// The operations pages through the console's real mount: sessions, roles and CSRF as a browser meets them.
let db: Db;
let seed: OpsSeed;
let app: ReturnType<typeof consoleHarness>;

beforeAll(async () => {
  db = await openTestDb();
  seed = await seedOperations(db);
  app = consoleHarness(db);
}, 180_000);
afterAll(async () => {
  await db?.close();
});

describe('operations pages behind the mount', () => {
  it('a viewer reads the dashboard, sources, glossary and policy; an anonymous visitor is sent to log in', async () => {
    const viewer = await app.signIn('viewer');
    for (const path of ['/admin/', '/admin/sources', `/admin/sources/${seed.failingSourceId}`, '/admin/glossary', '/admin/policy']) {
      const res = await app.call('GET', path, { cookie: viewer.cookie });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(await res.text(), path).toContain('/admin/assets/operations.css?v=');
    }
    const anonymous = await app.call('GET', '/admin/sources');
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get('location')).toMatch(/^\/admin\/login/);
    const css = await app.call('GET', '/admin/assets/operations.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('a viewer cannot pause a source; an editor can retry a job but not pause a source; an admin can, with CSRF, and it is in the audit log', async () => {
    const viewer = await app.signIn('viewer');
    const editor = await app.signIn('editor');
    const admin = await app.signIn('admin');
    const pause = `/admin/sources/${seed.sourceId}/pause`;
    expect((await app.call('POST', pause, { cookie: viewer.cookie, form: { csrf: viewer.csrf } })).status).toBe(403);
    expect((await app.call('POST', pause, { cookie: editor.cookie, form: { csrf: editor.csrf } })).status).toBe(403);
    expect((await app.call('POST', pause, { cookie: admin.cookie, form: {} })).status).toBe(403);
    expect((await db.query<{ enabled: boolean }>('SELECT enabled FROM sources WHERE id = $1', [seed.sourceId])).rows[0]!.enabled).toBe(true);
    const ok = await app.call('POST', pause, { cookie: admin.cookie, form: { csrf: admin.csrf } });
    expect(ok.status).toBe(303);
    expect((await db.query<{ enabled: boolean }>('SELECT enabled FROM sources WHERE id = $1', [seed.sourceId])).rows[0]!.enabled).toBe(false);
    const retry = await app.call('POST', `/admin/jobs/${seed.failedJobId}/retry`, { cookie: editor.cookie, form: { csrf: editor.csrf } });
    expect(retry.status).toBe(303);
    const audit = await db.query<{ action: string; target: string; actor: string }>(`SELECT * FROM audit_log WHERE action IN ('source.pause', 'job.retry') ORDER BY id`);
    expect(audit.rows.map((r) => [r.action, r.target])).toEqual([['source.pause', `source:${seed.sourceId}`], ['job.retry', `job:${seed.failedJobId}`]]);
  });
});
