import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

// The web cache's view of the pages table, with the answer to its change poll held back on
// demand: the poll has read the table, but its caller has not seen the rows yet.
function withHeldPoll(db: Db): { db: Db; hold: () => void; release: () => void } {
  let gate: Promise<void> | null = null;
  let open = () => {};
  const held: Db = {
    kind: db.kind,
    async query(sql, params) {
      const result = await db.query(sql, params);
      if (gate && /FROM pages WHERE version >/.test(sql)) await gate;
      return result as never;
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
  return {
    db: held,
    hold: () => { gate = new Promise((r) => { open = r; }); },
    release: () => { gate = null; open(); },
  };
}

let db: Db;
let seeded: Seeded;

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db);
});
afterAll(async () => { await db.close(); });

describe('the page cache', () => {
  it('a change signalled while a poll is reading is picked up by one more poll, not left to the timer', async () => {
    const poll = withHeldPoll(db);
    // A poll timer far beyond the test: only the signalled refreshes can bring the change in.
    const web: SiteApp = createSiteApp({ db: poll.db, site: SITE, cache: { pollMs: 3_600_000, inProcessEvents: false } });
    await web.start();
    try {
      const home = async () => (await web.fetch(new Request('http://site.test/es/'))).text();
      expect(await home()).not.toContain('Un titular corregido');

      poll.hold();
      const first = web.refresh(); // reads the table before the correction below
      await new Promise((r) => setTimeout(r, 50));
      const { id } = seeded.pubs.get('rain:es')!;
      await db.query(`UPDATE translations SET title = 'Un titular corregido'
        WHERE id = (SELECT translation_id FROM publications WHERE id = $1)`, [id]);
      await createRenderSiteHandler({ db, site: SITE })({ lang: 'es', publicationId: id, reason: 'correction' });
      const signalled = web.refresh(); // the render's signal, while the first poll is still out
      poll.release();
      await Promise.all([first, signalled]);

      expect(await home()).toContain('Un titular corregido');
    } finally {
      await web.close();
    }
  });
});
