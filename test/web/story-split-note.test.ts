import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitByHand } from '../../src/jobs/split-story.ts';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';
import { seedStory, type SeededStory } from './story-seed.ts';

// Issue 12 §2/§6: a story an editor split off another says so on its public page — a dated note
// in the page's language linking to the story it came from — in Spanish and in Arabic (RTL).

let db: Db;
let app: SiteApp;
let story: SeededStory;
let newStoryId = 0;
const now = new Date();

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db, now);
  story = await seedStory(db, now);
  // The second report gets an Arabic page too, so the story it will form can be read in Arabic.
  const second = story.articles.get('second')!;
  const tr = await db.query<{ id: number }>(
    `INSERT INTO translations (article_id, lang, title, excerpt, html, text, engine, engine_version, checks, verdict, status)
     VALUES ($1, 'ar', 'كارثة العبّارة', 'مقتل 15 راكبًا.', '<p>انقلبت عبّارة قرب الرصيف الشمالي.</p>', 'انقلبت عبّارة قرب الرصيف الشمالي.', 'apertium', '1', '{"ok":true,"findings":[]}', 'publish', 'published') RETURNING id`,
    [second],
  );
  await db.query(`INSERT INTO publications (translation_id, article_id, lang, path, published_at) VALUES ($1, $2, 'ar', '/ar/2026/11/karitha', now())`, [tr.rows[0]!.id, second]);
  const split = await splitByHand(db, { storyId: story.storyId, articleIds: [second], editor: 'ed@newsroom.example', targetLanguages: SITE.languages });
  newStoryId = split.newStoryId;
  app = createSiteApp({ db, site: SITE });
  await app.start();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const doc = async (path: string) => {
  const res = await app.fetch(new Request(`http://site.test${path}`));
  expect(res.status, path).toBe(200);
  return parseHTML(await res.text()).document;
};

describe('a story split off another', () => {
  it('says so in Spanish, dated, linking to the story it came from by its title', async () => {
    const d = await doc(`/es/story/${newStoryId}`);
    const note = d.querySelector('.story-split');
    expect(note?.textContent).toMatch(/^Separada de la cobertura Vuelca un ferry frente al muelle norte el .+/);
    expect(note?.querySelector('a')?.getAttribute('href')).toBe(`/es/story/${story.storyId}`);
    expect(note?.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(note?.closest('[role="note"]')).not.toBeNull();
  });

  it('says so in Arabic, on a right-to-left page, the title isolated', async () => {
    const d = await doc(`/ar/story/${newStoryId}`);
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
    const note = d.querySelector('.story-split');
    expect(note?.textContent).toContain('انفصلت عن القصة');
    expect(note?.querySelector('a')?.getAttribute('href')).toBe(`/ar/story/${story.storyId}`);
    expect(note?.querySelector('a bdi')?.textContent).toBe('انقلاب عبّارة قبالة الرصيف الشمالي');
  });

  it('the story it came from has no such note', async () => {
    const d = await doc(`/es/story/${story.storyId}`);
    expect(d.querySelector('.story-split')).toBeNull();
  });
});
