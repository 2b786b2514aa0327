import { storySummary } from '../../src/store/story-reads.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { storeArticle, worker } from './pipeline-helpers.ts';
import { openStorySite, type StorySite } from './story-site.ts';
import { FIRE_IDS, fireFifth, fireSecondCopy, gluedStream, QUAKE_IDS, quakeFifth } from './split-fixtures.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * A story that grew into two events splits in the pipeline: the quake and a wildfire in the same
 * city, glued by an article that told both, placed by two workers sharing one placement log.
 */
const SITE: SiteOptions = { name: 'Transwire Test', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
let db: Db;
let site: StorySite;
const rows = new Map<string, ArticleRow>();
const id = (key: string) => rows.get(key)!.id;
const a = () => worker(db, { targets: ['es'] });
const b = () => worker(db, { targets: ['es'] });
let workerA: ReturnType<typeof worker>;
let workerB: ReturnType<typeof worker>;

beforeAll(async () => {
  db = await openTestDb();
  for (const art of [...gluedStream, fireFifth, quakeFifth, fireSecondCopy]) rows.set(art.id, await storeArticle(db, art));
  workerA = a();
  workerB = b();
  site = await openStorySite(db, SITE);
});
afterAll(async () => {
  await site?.close();
  await db?.close();
});

async function storyOf(key: string): Promise<number> {
  const { rows: r } = await db.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [id(key)]);
  return r[0]!.story_id;
}

const listedOutlets = (d: Document) => [...d.querySelectorAll('.story-sources a')].map((x) => x.getAttribute('href'));

let glued = 0;
let fireStory = 0;
const paths = new Map<string, string>();

describe('a story that grows into two events', () => {
  it('is glued: the bridge joins the quake, the first wildfire reports follow it into the story', async () => {
    const placed = [];
    for (const [i, key] of ['quake-1', 'quake-2', 'quake-3', 'bridge', 'fire-1'].entries()) {
      placed.push(await (i % 2 === 0 ? workerA : workerB).place(rows.get(key)!));
    }
    glued = await storyOf('quake-1');
    for (const key of ['quake-2', 'quake-3', 'bridge', 'fire-1']) expect(await storyOf(key), key).toBe(glued);
    expect(placed.every((p) => !p?.split)).toBe(true);
    // The glued story's page in Spanish lists the wildfire; fire-1 has a page of its own (an update).
    paths.set('quake-1', await site.publishSpanish(rows.get('quake-1')!));
    paths.set('fire-1', await site.publishSpanish(rows.get('fire-1')!));
    await site.runRenders();
    const before = await site.page(`/es/story/${glued}`);
    expect(before.status).toBe(200);
    expect(listedOutlets(before.doc)).toContain(rows.get('fire-1')!.url);
    expect((await site.page(paths.get('fire-1')!)).doc.querySelector('.story-link a')?.getAttribute('href')).toBe(`/es/story/${glued}`);
  });

  it('splits once the two halves grow apart: the quake keeps the story and its URL, the wildfire becomes a story of its own', async () => {
    const results = [];
    for (const [i, key] of ['fire-2', 'quake-4', 'fire-3', 'fire-4'].entries()) results.push(await (i % 2 === 0 ? workerB : workerA).place(rows.get(key)!));
    const splits = results.filter((r) => r?.split);
    expect(splits).toHaveLength(1);
    const split = splits[0]!.split!;
    expect(split.storyId).toBe(glued);
    fireStory = split.newStoryId;
    for (const key of QUAKE_IDS) expect(await storyOf(key), key).toBe(glued);
    for (const key of FIRE_IDS) expect(await storyOf(key), key).toBe(fireStory);
    const { rows: s } = await db.query<{ id: number; member_count: number; split_from: number | null; merged_into: number | null }>(
      'SELECT id, member_count, split_from, merged_into FROM stories WHERE id IN ($1, $2) ORDER BY id', [glued, fireStory]);
    expect(s.map((r) => r.member_count).reduce((x, y) => x + y)).toBe(gluedStream.length);
    expect(s.find((r) => r.id === fireStory)).toMatchObject({ split_from: glued, merged_into: null });
    // The event is in the log, after the placement it followed.
    const { rows: events } = await db.query<{ kind: string; story_id: number; other_id: number; decided_by: string }>('SELECT kind, story_id, other_id, decided_by FROM story_events');
    expect(events).toEqual([{ kind: 'split', story_id: glued, other_id: fireStory, decided_by: 'pipeline' }]);
    expect(workerA.lines.concat(workerB.lines).some((l) => l.includes('story split'))).toBe(true);
  });

  it('never loses or doubles a member: every placed article is in exactly one live story', async () => {
    const { rows: r } = await db.query<{ n: number; stories: number; counted: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT a.story_id)::int AS stories,
              (SELECT sum(member_count)::int FROM stories WHERE merged_into IS NULL) AS counted
         FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.placed_at IS NOT NULL AND s.merged_into IS NULL`);
    expect(r[0]).toEqual({ n: gluedStream.length, stories: 2, counted: gluedStream.length });
  });

  it('each story has one lead in Spanish: the quake keeps quake-1, the wildfire leads with its earliest report, queued for translation only where not translated', async () => {
    const { rows: leads } = await db.query<{ story_id: number; article_id: number }>(`SELECT story_id, article_id FROM story_leads WHERE lang = 'es' ORDER BY story_id`);
    const { rows: first } = await db.query<{ id: number; translated: boolean }>(
      `SELECT a.id, EXISTS (SELECT 1 FROM translations t WHERE t.article_id = a.id AND t.lang = 'es') AS translated
         FROM articles a JOIN story_placements p ON p.article_id = a.id WHERE a.story_id = $1 ORDER BY p.seq LIMIT 1`, [fireStory]);
    expect(leads).toEqual([{ story_id: glued, article_id: id('quake-1') }, { story_id: fireStory, article_id: first[0]!.id }]);
    const { rows: jobs } = await db.query<{ key: string }>(`SELECT key FROM jobs WHERE kind = 'translate' AND key = $1`, [`translate:article:${first[0]!.id}:es`]);
    expect(jobs.length).toBe(first[0]!.translated ? 0 : 1);
  });

  it('both story pages and the moved article\'s page are refreshed: the old page no longer lists the wildfire, the article links to its new story', async () => {
    const keys = await site.runRenders();
    expect(keys).toEqual(expect.arrayContaining([`render:story:${glued}`, `render:story:${fireStory}`]));
    const quakePage = await site.page(`/es/story/${glued}`);
    expect(quakePage.status).toBe(200);
    const quakeLinks = listedOutlets(quakePage.doc);
    for (const key of FIRE_IDS) expect(quakeLinks).not.toContain(rows.get(key)!.url);
    expect(quakeLinks).toContain(rows.get('quake-2')!.url);
    const firePage = await site.page(`/es/story/${fireStory}`);
    expect(firePage.status).toBe(200);
    const fireLinks = listedOutlets(firePage.doc);
    for (const key of FIRE_IDS) expect(fireLinks).toContain(rows.get(key)!.url);
    expect(fireLinks).not.toContain(rows.get('quake-1')!.url);
    expect((await site.page(paths.get('fire-1')!)).doc.querySelector('.story-link a')?.getAttribute('href')).toBe(`/es/story/${fireStory}`);
    // A member that stayed is rendered again too: its page counts the outlets of its story, which lost some members.
    const { outlets } = await storySummary(db, glued);
    expect((await site.page(paths.get('quake-1')!)).doc.querySelector('.story-link a')?.textContent).toMatch(new RegExp(`^${outlets} `));
  });

  it('a worker that starts from the log places later reports as the workers that split did; a copy of a moved report follows it', async () => {
    const fresh = worker(db, { targets: ['es'] });
    expect((await fresh.place(rows.get('fire-5')!))?.storyId).toBe(fireStory);
    expect((await workerA.place(rows.get('quake-5')!))?.storyId).toBe(glued);
    const copy = await workerB.place(rows.get('fire-2-copy')!);
    expect(copy).toMatchObject({ storyId: fireStory, role: 'duplicate', duplicateOf: id('fire-2') });
  });
});

describe('three workers placing at once', () => {
  it('whatever order the lock gives them, every article ends in exactly one live story, counted once, and the log replays to the stories in the database', async () => {
    const other = await openTestDb();
    try {
      const stored = new Map<string, ArticleRow>();
      for (const art of [...gluedStream, fireFifth, quakeFifth]) stored.set(art.id, await storeArticle(other, art));
      const workers = [worker(other), worker(other), worker(other)];
      await Promise.all(gluedStream.map((art, i) => workers[i % 3]!.place(stored.get(art.id)!)));
      const { rows: r } = await other.query<{ n: number; distinct: number; counted: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT a.id)::int AS distinct,
                (SELECT sum(member_count)::int FROM stories WHERE merged_into IS NULL) AS counted
           FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.placed_at IS NOT NULL AND s.merged_into IS NULL`);
      expect(r[0]).toEqual({ n: gluedStream.length, distinct: gluedStream.length, counted: gluedStream.length });
      // A worker that starts from the log and one that placed agree on where the next reports go.
      const fresh = worker(other);
      const next = [await fresh.place(stored.get('fire-5')!), await workers[0]!.place(stored.get('quake-5')!)];
      const storyOfArticle = async (key: string) => (await other.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [stored.get(key)!.id])).rows[0]!.story_id;
      expect(next[0]!.storyId).toBe(await storyOfArticle('fire-4'));
      expect(next[1]!.storyId).toBe(await storyOfArticle('quake-4'));
    } finally {
      await other.close();
    }
  });
});
