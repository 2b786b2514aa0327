import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslateArticleHandler } from '../../src/jobs/handlers/translate-article.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { createInMemoryTranslationMemory, createTranslator } from '../../src/translate/index.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { article, portStrike, quake, quakeOwnReport, quakeRepublished, quakeUpdate } from './fixtures.ts';
import { articleStory, storeArticle, translateJobs, worker } from './pipeline-helpers.ts';

/** The quake from a Spanish outlet. */
const quakeSpanish = article({
  id: 'quake-es',
  lang: 'es',
  title: 'Un terremoto de magnitud 6,8 deja 42 muertos en Valparaíso',
  lead: 'Un terremoto de magnitud 6,8 sacudió la ciudad portuaria chilena de Valparaíso y dejó al menos 42 muertos.',
  text: [
    'Un terremoto de magnitud 6,8 sacudió el martes la ciudad costera de Valparaíso, en Chile, y dejó al menos 42 muertos y 310 heridos, según las autoridades.',
    'El presidente Gabriel Boric declaró el estado de catástrofe en la región de Valparaíso y prometió reconstruir todas las escuelas dañadas.',
    'Los equipos de rescate buscaron sobrevivientes entre los edificios derrumbados del barrio del puerto durante toda la noche.',
  ].join('\n'),
  published: new Date('2026-03-03T12:00:00Z'),
  outlet: 'diario.example',
});

describe('story placement in the pipeline (two workers, one placement log)', () => {
  let db: Db;
  const rows = new Map<string, ArticleRow>();
  beforeAll(async () => {
    db = await openTestDb();
    for (const a of [quake, quakeOwnReport, quakeRepublished, portStrike, quakeUpdate, quakeSpanish]) rows.set(a.id, await storeArticle(db, a));
  });
  afterAll(async () => {
    await db.close();
  });
  const row = (id: string) => rows.get(id)!;

  it('the first report starts a story, is its lead in every target language and is queued for translation', async () => {
    const a = worker(db, { targets: ['es', 'en'] });
    const placed = await a.place(row('quake-1'));
    expect(placed).toMatchObject({ role: 'report', duplicateOf: null, translating: ['es'] });
    const s = await articleStory(db, row('quake-1').id);
    expect(s).toMatchObject({ story_id: placed!.storyId, story_role: 'report', duplicate_of: null });
    expect(s.placed_at).toBeInstanceOf(Date);
    const { rows: leads } = await db.query('SELECT lang, article_id, picked_by FROM story_leads WHERE story_id = $1', [placed!.storyId]);
    expect(leads).toEqual([{ lang: 'es', article_id: row('quake-1').id, picked_by: null }]);
    expect(await translateJobs(db)).toEqual([`translate:article:${row('quake-1').id}:es`]);
  });

  it("a second worker replays the first one's placements: another outlet's report joins the story and is not translated again", async () => {
    const b = worker(db);
    const placed = await b.place(row('quake-2'));
    const first = await articleStory(db, row('quake-1').id);
    expect(placed).toMatchObject({ storyId: first.story_id, role: 'report', translating: [] });
    expect((await articleStory(db, row('quake-2').id)).story_score).toBeGreaterThan(0);
    expect(await translateJobs(db)).toEqual([`translate:article:${row('quake-1').id}:es`]);
    // Listed, not translated: only a render job refreshes the story's pages (its sources, "N sources").
    const { rows: renders } = await db.query<{ key: string; payload: { storyId: number; reason: string; lang: string } }>(`SELECT key, payload FROM jobs WHERE kind = 'render'`);
    expect(renders).toEqual([{ key: `render:story:${first.story_id}`, payload: { lang: 'es', storyId: first.story_id, reason: 'story' } }]);
    const { rows: story } = await db.query<{ member_count: number; last_member_at: Date }>('SELECT member_count, last_member_at FROM stories WHERE id = $1', [first.story_id]);
    expect(story[0]).toEqual({ member_count: 2, last_member_at: quakeOwnReport.published });
  });

  it('a near-duplicate joins its original\'s story, names it, and is never translated — not even when a job for it is queued', async () => {
    const a = worker(db);
    const placed = await a.place(row('quake-copy'));
    expect(placed).toMatchObject({ storyId: (await articleStory(db, row('quake-1').id)).story_id, role: 'duplicate', duplicateOf: row('quake-1').id, translating: [] });
    expect(await articleStory(db, row('quake-copy').id)).toMatchObject({ story_role: 'duplicate', duplicate_of: row('quake-1').id, story_score: 1 });
    // A translator with no engines throws on any call: the handler must not get that far.
    const translator = createTranslator({ engines: new Map(), chains: {}, memory: createInMemoryTranslationMemory() });
    const translate = createTranslateArticleHandler({ db, translator, log: pino({ level: 'silent' }), policy: { error: 'publish', warning: 'publish' } });
    await translate({ articleId: row('quake-copy').id, lang: 'es' });
    expect((await db.query('SELECT 1 FROM translations WHERE article_id = $1', [row('quake-copy').id])).rowCount).toBe(0);
  });

  it('another event starts its own story', async () => {
    const placed = await worker(db).place(row('strike-1'));
    expect(placed!.storyId).not.toBe((await articleStory(db, row('quake-1').id)).story_id);
    expect(placed!.translating).toEqual(['es']);
  });

  it('a fresh worker rebuilds from the log; a member that adds facts is translated as an update', async () => {
    const placed = await worker(db).place(row('quake-3'));
    expect(placed).toMatchObject({ storyId: (await articleStory(db, row('quake-1').id)).story_id, role: 'update', translating: ['es'] });
    expect(await articleStory(db, row('quake-3').id)).toMatchObject({ story_role: 'update' });
    expect(await translateJobs(db)).toContain(`translate:article:${row('quake-3').id}:es`);
  });

  it('an article placed before (a retried job) stays where it is, with one log row', async () => {
    expect(await worker(db).place(row('quake-1'))).toBeNull();
    const { rows: log } = await db.query('SELECT 1 FROM story_placements WHERE article_id = $1', [row('quake-1').id]);
    expect(log).toHaveLength(1);
  });

  it('an article no engine can bring into the pivot is placed on its own words, names and numbers, and says so', async () => {
    const noEngines = createTranslator({ engines: new Map(), chains: {}, memory: createInMemoryTranslationMemory() });
    const w = worker(db, { translator: noEngines });
    const placed = await w.place(row('quake-es'));
    expect(placed).not.toBeNull();
    expect((await articleStory(db, row('quake-es').id)).story_id).toBe(placed!.storyId);
    expect(w.lines.join('')).toContain('no engine translates es→en');
    // A Spanish article is not translated into Spanish.
    expect(placed!.translating).toEqual([]);
    const { rows: log } = await db.query<{ engine_characters: number }>('SELECT engine_characters FROM story_placements WHERE article_id = $1', [row('quake-es').id]);
    expect(log[0]!.engine_characters).toBe(0);
  });

  it('the placement log holds one row per placed article, in order, with what a replay needs', async () => {
    const { rows: log } = await db.query<{ article_id: number; features: { duplicateOf?: string; full?: unknown[] } }>('SELECT article_id, features FROM story_placements ORDER BY seq');
    expect(log.map((r) => r.article_id)).toEqual(['quake-1', 'quake-2', 'quake-copy', 'strike-1', 'quake-3', 'quake-es'].map((k) => row(k).id));
    expect(log[2]!.features).toMatchObject({ duplicateOf: String(row('quake-1').id) });
    expect(log[0]!.features.full!.length).toBeGreaterThan(10);
  });

  it('no article is lost: each is queued for translation, or listed in a story whose lead is queued, or in the site language', async () => {
    const { rows: lost } = await db.query<{ id: number }>(
      `SELECT a.id FROM articles a
        WHERE a.lang <> 'es'
          AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.key = 'translate:article:' || a.id || ':es')
          AND NOT EXISTS (SELECT 1 FROM story_leads l JOIN jobs j ON j.key = 'translate:article:' || l.article_id || ':es'
                           WHERE l.story_id = a.story_id AND l.lang = 'es')`,
    );
    expect(lost).toEqual([]);
  });
});

describe('two workers placing at the same moment', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('place one after the other (the placement lock): two reports of one event start one story, not two', async () => {
    const [first, second] = [await storeArticle(db, quake), await storeArticle(db, quakeOwnReport)];
    const [a, b] = await Promise.all([worker(db).place(first), worker(db).place(second)]);
    expect(a!.storyId).toBe(b!.storyId);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories');
    expect(rows[0]!.n).toBe(1);
    // One of them is the lead, the other adds nothing to it.
    expect([a!.translating, b!.translating].sort()).toEqual([[], ['es']]);
  });
});
