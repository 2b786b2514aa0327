import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

// A worker and a web process on one database. On PostgreSQL each has its own connection pool,
// as `transwire worker` and `transwire web` on two machines would; on PGlite they share the one
// in-process database (the embedded default runs both roles in one process).
let workerDb: Db;
let webDb: Db;
let drop: (() => Promise<void>) | null = null;
let web: SiteApp;
let seeded: Seeded;

beforeAll(async () => {
  if (onPostgres) {
    const created = await createTestDatabase();
    drop = created.drop;
    workerDb = await openDb({ databaseUrl: created.url, dataDir: '' });
    webDb = await openDb({ databaseUrl: created.url, dataDir: '' });
  } else {
    workerDb = webDb = await openTestDb();
  }
  seeded = await seedSite(workerDb);
  web = createSiteApp({ db: webDb, site: SITE, cache: { pollMs: 100, inProcessEvents: false } });
  await web.start();
});
afterAll(async () => {
  await web.close();
  if (webDb !== workerDb) await webDb.close();
  await workerDb.close();
  await drop?.();
});

const body = async (path: string) => {
  const res = await web.fetch(new Request(`http://site.test${path}`));
  return { status: res.status, text: await res.text() };
};

describe('a web process and a worker on one database', () => {
  it('the web process serves what the worker renders, without a restart', async () => {
    const { path, id } = seeded.pubs.get('rain:es')!;
    expect((await body('/es/')).text).toContain(path);
    await workerDb.query(`UPDATE translations SET title = 'Título corregido por un editor'
      WHERE id = (SELECT translation_id FROM publications WHERE id = $1)`, [id]);
    await createRenderSiteHandler({ db: workerDb, site: SITE })({ lang: 'es', publicationId: id, reason: 'correction' });
    await vi.waitFor(async () => {
      expect((await body(path)).text).toContain('Título corregido por un editor');
      expect((await body('/es/')).text).toContain('Título corregido por un editor');
    }, { timeout: 5000, interval: 100 });
  });

  it('a takedown by the worker is a 410 in the web process within its poll', async () => {
    const { path, id } = seeded.pubs.get('bridge:es')!;
    expect((await body(path)).status).toBe(200);
    await workerDb.query(`UPDATE publications SET status = 'gone' WHERE id = $1`, [id]);
    await createRenderSiteHandler({ db: workerDb, site: SITE })({ lang: 'es', publicationId: id, reason: 'takedown' });
    await vi.waitFor(async () => expect((await body(path)).status).toBe(410), { timeout: 5000, interval: 100 });
    expect((await body('/es/feed.xml')).text).not.toContain(path);
  });
});
