import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { putMedia, recordMediaSource } from '../../src/store/media.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

let db: Db;
let app: SiteApp;

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  app = createSiteApp({ db, site: SITE });
  await app.start();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const page = async (path: string) => (await app.fetch(new Request(`http://site.test${path}`))).text();
const SHA = 'ab'.repeat(32);

describe('story cards show the lead image from the site itself', () => {
  it('shows nothing from the outlet, then the mirrored image on the lead story once it is mirrored', async () => {
    const lead = (await db.query<{ id: number; article_id: number; path: string }>(
      `SELECT id, article_id, path FROM publications WHERE lang = 'es' ORDER BY published_at DESC, id DESC LIMIT 1`,
    )).rows[0]!;
    const imageUrl = 'https://harbour-gazette.example/img/lead.jpg';
    await db.query('UPDATE articles SET image_url = $1', [imageUrl]);
    const render = createRenderSiteHandler({ db, site: SITE });
    await render({ lang: 'es', publicationId: lead.id, reason: 'correction' });
    await app.refresh();
    const before = await page('/es/');
    // Named by the article but not mirrored: no picture, and nothing loaded from the outlet.
    expect(before).not.toContain('harbour-gazette.example/img');
    expect(before).not.toMatch(/<img /);

    await putMedia(db, { sha256: SHA, contentType: 'image/jpeg', ext: 'jpg', bytes: Buffer.from('jpeg bytes'), width: 1200, height: 675 });
    await recordMediaSource(db, { articleId: lead.article_id, url: imageUrl, role: 'lead', sha256: SHA, error: null });
    await render({ lang: 'es', publicationId: lead.id, reason: 'correction' });
    await app.refresh();
    const after = await page('/es/');
    const leadSection = /<section class="lead">([\s\S]*?)<\/section>/.exec(after)![1]!;
    // The lead story's picture: from /media/, sized (no layout shift), fetched first, decorative.
    expect(leadSection).toContain(`<img src="/media/${SHA}.jpg" alt="" width="1200" height="675" fetchpriority="high"`);
    expect(leadSection).toContain(`href="${lead.path}"`);
    // The other cards have no mirrored image: none shown, still nothing from the outlet.
    expect(after.match(/<img /g)).toHaveLength(1);
    expect(after).not.toContain('harbour-gazette.example/img');
  });
});
