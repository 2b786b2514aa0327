import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranslatedArticle } from '../../src/domain/translation.ts';
import { recordUpdateOutcome } from '../../src/store/article-updates.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { engineSpendOf, recordEngineSpend } from '../../src/store/engine-spend.ts';
import { engineUsageToday } from '../../src/store/operations-stats.ts';
import { createStory, recordPlacement, reserveStoryId, storySpend } from '../../src/store/stories.ts';
import { upsertTranslation } from '../../src/store/translations.ts';
import type { LoggedPlacement } from '../../src/stories/index.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { article } from '../stories/fixtures.ts';
import { storeArticle } from '../stories/pipeline-helpers.ts';

/**
 * The cost ledger (migration 100): one dated row per engine run, booked with the run's result, so
 * the dashboard's day counts only that day's runs under the engine that ran them and a story's
 * spend is the sum of its members' runs.
 */
let db: Db;

beforeAll(async () => {
  db = await openTestDb();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

let n = 0;
const newArticle = async (): Promise<ArticleRow> =>
  storeArticle(db, article({ id: `ledger-${++n}`, title: `Report ${n}`, text: `The council met on day ${n}.`, outlet: `outlet${n}.example` }));

function run(engine: string, characters: number, money: number | null = null): TranslatedArticle {
  return {
    lang: 'es', title: 't', excerpt: null, html: '<p>t</p>', text: 't', engine, engineVersion: '1', nameRenderings: {},
    checks: { ok: true, findings: [] }, cost: { engine, characters, memoryCharacters: 40, memoryHits: 2, segments: 3, money },
  };
}

const translate = (a: ArticleRow, t: TranslatedArticle) => db.transaction((tx) => upsertTranslation(tx, a.id, t, 'publish', 'published', null));

async function inStory(...articles: ArticleRow[]): Promise<number> {
  const id = await reserveStoryId(db);
  await createStory(db, id);
  await db.query('UPDATE articles SET story_id = $1 WHERE id = ANY($2::bigint[])', [id, articles.map((a) => a.id)]);
  return id;
}

async function sourceUpdate(a: ArticleRow): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash)
     VALUES ($1, '{}', 'before', '<p>before</p>', 'h0', 'h1') RETURNING id`,
    [a.id],
  );
  return rows[0]!.id;
}

describe("the dashboard's engines today", () => {
  it('a translation made yesterday and retranslated today by another engine: only today\'s run, under today\'s engine', async () => {
    const a = await newArticle();
    await translate(a, run('apertium', 1000));
    // The first run was yesterday (24 hours before now is always before today's midnight, UTC).
    await db.query(`UPDATE engine_spend SET at = at - interval '1 day' WHERE article_id = $1`, [a.id]);
    await db.query(`UPDATE translations SET created_at = created_at - interval '1 day', updated_at = updated_at - interval '1 day' WHERE article_id = $1`, [a.id]);
    const before = await engineUsageToday(db);
    await translate(a, run('deepl', 300, 0.006));

    const today = await engineUsageToday(db);
    expect(before).toEqual([]);
    expect(today).toEqual([{ engine: 'deepl', runs: 1, characters: 300, money: 0.006 }]);
    expect((await engineSpendOf(db, a.id)).map((r) => [r.reason, r.engine, r.characters, r.memory_characters, r.memory_hits, r.money])).toEqual([
      ['translation', 'apertium', 1000, 40, 2, null],
      ['retranslation', 'deepl', 300, 40, 2, 0.006],
    ]);
    // translations.cost: what the text now shown cost (the ledger keeps the first run).
    const { rows } = await db.query<{ cost: { engine: string; characters: number } }>(`SELECT cost FROM translations WHERE article_id = $1`, [a.id]);
    expect(rows[0]!.cost).toMatchObject({ engine: 'deepl', characters: 300 });
    await db.query('DELETE FROM engine_spend');
  });
});

describe("a story's spend", () => {
  it('is the sum of every run of its members: first translations, a retranslation, source updates (held too) and placement heads', async () => {
    const [b, c, other] = [await newArticle(), await newArticle(), await newArticle()];
    const story = await inStory(b, c);
    await inStory(other);
    await translate(b, run('apertium', 1000));
    await translate(b, run('apertium', 400)); // an editor's retranslation
    await translate(c, run('apertium', 700));
    await translate(other, run('apertium', 9999));

    // Two source updates of c: one held (its text waits for an editor), one published.
    const held = await sourceUpdate(c);
    await db.transaction((tx) => recordUpdateOutcome(tx, held, 'es', { outcome: 'held', reason: 'numbers', revisionId: null, cost: run('apertium', 120).cost }));
    const published = await sourceUpdate(c);
    await db.transaction(async (tx) => {
      await upsertTranslation(tx, c.id, run('apertium', 80), 'publish', 'published', null, null, 'update');
      await recordUpdateOutcome(tx, published, 'es', { outcome: 'published', reason: null, revisionId: null, cost: run('apertium', 80).cost });
      // The same outcome recorded again is the same run: booked once.
      await recordUpdateOutcome(tx, published, 'es', { outcome: 'published', reason: null, revisionId: null, cost: run('apertium', 80).cost });
    });

    // Placement: c's head translated into the pivot (the engine's report), b's with its characters only.
    const features = {} as unknown as LoggedPlacement;
    await db.transaction(async (tx) => {
      await recordPlacement(tx, { articleId: c.id, storyId: story, role: 'report', duplicateOf: null, score: 1, features, engineCharacters: 50, headTranslation: { lang: 'en', cost: run('apertium', 50).cost } });
      await recordPlacement(tx, { articleId: b.id, storyId: story, role: 'report', duplicateOf: null, score: 1, features, engineCharacters: 30 });
    });
    // A section's name the engine was paid for: the site's spend, on the dashboard, not the story's.
    await recordEngineSpend(db, { reason: 'label', articleId: b.id, lang: 'es', engine: 'apertium', characters: 7 });

    expect(await storySpend(db, story)).toEqual({ storyId: story, translated: 1000 + 400 + 700 + 120 + 80, placement: 80, total: 2380, translations: 4 });
    expect((await engineSpendOf(db, c.id)).map((r) => [r.reason, r.lang, r.characters])).toEqual([
      ['translation', 'es', 700], ['update', 'es', 120], ['update', 'es', 80], ['placement', 'en', 50],
    ]);
    expect((await engineSpendOf(db, b.id)).find((r) => r.reason === 'placement')).toMatchObject({ engine: null, lang: null, characters: 30 });
    expect(await engineUsageToday(db)).toEqual([
      { engine: 'apertium', runs: 8, characters: 1000 + 400 + 700 + 9999 + 120 + 80 + 50 + 7, money: null },
      { engine: 'unknown', runs: 1, characters: 30, money: null },
    ]);
  });
});
