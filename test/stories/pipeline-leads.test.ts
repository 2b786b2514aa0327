import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TranslatedArticle } from '../../src/domain/translation.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { recordEngineSpend } from '../../src/store/engine-spend.ts';
import { resolveStoryId } from '../../src/store/story-aliases.ts';
import { mergeStory, storySpend } from '../../src/store/stories.ts';
import { upsertTranslation } from '../../src/store/translations.ts';
import { runCli } from '../helpers/run-cli.ts';
import { portStrike, quake, quakeOwnReport, quakeRepublished } from './fixtures.ts';
import { articleStory, openEditorPipeline, storeArticle, translateJobs, worker, type EditorPipeline } from './pipeline-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

/**
 * The story's translated lead: an editor's pick (API route and `transwire story lead`), what a
 * story cost (`story spend`), and a merge keeping both stories' URLs and one lead per language.
 */
let pipeline: EditorPipeline;
let db: Db;
const rows = new Map<string, ArticleRow>();
let quakeStory = 0;
let strikeStory = 0;

function cost(characters: number): TranslatedArticle {
  return {
    lang: 'es', title: 't', excerpt: null, html: '<p>t</p>', text: 't', engine: 'apertium', engineVersion: '1', nameRenderings: {},
    checks: { ok: true, findings: [] }, cost: { engine: 'apertium', characters, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null },
  };
}

const api = (method: 'GET' | 'POST', path: string, body?: unknown) => pipeline.api(method, path, body);

beforeAll(async () => {
  pipeline = await openEditorPipeline('tw-story-lead-');
  db = pipeline.db;
  for (const a of [quake, quakeOwnReport, quakeRepublished, portStrike]) rows.set(a.id, await storeArticle(db, a));
  const w = worker(db);
  for (const id of ['quake-1', 'quake-2', 'quake-copy', 'strike-1']) await w.place(rows.get(id)!);
  quakeStory = (await articleStory(db, rows.get('quake-1')!.id)).story_id!;
  strikeStory = (await articleStory(db, rows.get('strike-1')!.id)).story_id!;
});
afterAll(async () => {
  await pipeline?.close();
});

const lead = async (storyId: number) =>
  (await db.query<{ article_id: number; picked_by: string | null }>(`SELECT article_id, picked_by FROM story_leads WHERE story_id = $1 AND lang = 'es'`, [storyId])).rows[0];

describe("the story's lead", () => {
  it('an editor picks another member through the API: it becomes the lead and is queued for translation, audited', async () => {
    const r = await api('POST', `/api/v1/stories/${quakeStory}/lead`, { articleId: rows.get('quake-2')!.id });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ storyId: quakeStory, articleId: rows.get('quake-2')!.id, translating: ['es'] });
    expect(await lead(quakeStory)).toEqual({ article_id: rows.get('quake-2')!.id, picked_by: 'local-cli' });
    expect(await translateJobs(db)).toContain(`translate:article:${rows.get('quake-2')!.id}:es`);
  });

  it('refuses a near-duplicate (pick its original), an article of another story, an unknown story', async () => {
    expect(await api('POST', `/api/v1/stories/${quakeStory}/lead`, { articleId: rows.get('quake-copy')!.id })).toMatchObject({ status: 400 });
    expect(await api('POST', `/api/v1/stories/${quakeStory}/lead`, { articleId: rows.get('strike-1')!.id })).toMatchObject({ status: 404 });
    expect(await api('POST', `/api/v1/stories/999999/lead`, { articleId: rows.get('quake-1')!.id })).toMatchObject({ status: 404 });
    expect(await lead(quakeStory)).toMatchObject({ article_id: rows.get('quake-2')!.id });
  });

  it("a story's spend is its members' translations plus placement, from the cost ledger", async () => {
    await upsertTranslation(db, rows.get('quake-1')!.id, cost(1200), 'publish', 'published', null, null);
    await upsertTranslation(db, rows.get('quake-2')!.id, cost(900), 'publish', 'published', null, null);
    await upsertTranslation(db, rows.get('strike-1')!.id, cost(5000), 'publish', 'published', null, null);
    await recordEngineSpend(db, { reason: 'placement', articleId: rows.get('quake-2')!.id, lang: 'en', engine: 'apertium', characters: 150 });
    expect(await storySpend(db, quakeStory)).toEqual({ storyId: quakeStory, translated: 2100, placement: 150, total: 2250, translations: 2 });
    expect((await api('GET', `/api/v1/stories/${quakeStory}/spend`)).json).toMatchObject({ total: 2250 });
  });

  it('`transwire story lead` on the database (no server holds it) picks the lead; `story spend` prints the spend', async () => {
    const configFile = pipeline.configFile;
    await pipeline.whileClosed(async () => {
      const picked = await runCli(['story', 'lead', String(quakeStory), String(rows.get('quake-1')!.id), '--config', configFile]);
      expect(picked.stderr).toBe('');
      expect(picked.stdout).toBe(`article ${rows.get('quake-1')!.id} is the lead of story ${quakeStory}: queued for translation into es\n`);
      const spend = await runCli(['story', 'spend', String(quakeStory), '--json', '--config', configFile]);
      expect(JSON.parse(spend.stdout)).toMatchObject({ storyId: quakeStory, total: 2250 });
      const wrong = await runCli(['story', 'lead', String(quakeStory), String(rows.get('strike-1')!.id), '--config', configFile]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain(`is not in story ${quakeStory}`);
    }).finally(() => { db = pipeline.db; });
    expect((await lead(quakeStory))!.article_id).toBe(rows.get('quake-1')!.id);
    expect((await lead(quakeStory))!.picked_by).toMatch(/^cli:/);
  });
});

describe('a merge', () => {
  it('moves the members, keeps the older story\'s lead, and leaves the merged story\'s id standing for the other', async () => {
    await db.transaction((tx) => mergeStory(tx, strikeStory, quakeStory));
    expect((await articleStory(db, rows.get('strike-1')!.id)).story_id).toBe(quakeStory);
    const { rows: stories } = await db.query<{ id: number; merged_into: number | null; member_count: number }>('SELECT id, merged_into, member_count FROM stories WHERE id IN ($1, $2) ORDER BY id', [quakeStory, strikeStory]);
    expect(stories).toEqual([
      { id: quakeStory, merged_into: null, member_count: 4 },
      { id: strikeStory, merged_into: quakeStory, member_count: 0 },
    ]);
    expect(await resolveStoryId(db, String(strikeStory))).toBe(String(quakeStory));
    const { rows: leads } = await db.query('SELECT story_id, article_id FROM story_leads ORDER BY story_id');
    expect(leads).toEqual([{ story_id: quakeStory, article_id: rows.get('quake-1')!.id }]);
    // The merged story's id still reaches the live one for an editor's pick.
    expect((await api('POST', `/api/v1/stories/${strikeStory}/lead`, { articleId: rows.get('strike-1')!.id })).json).toMatchObject({ storyId: quakeStory });
  });
});
