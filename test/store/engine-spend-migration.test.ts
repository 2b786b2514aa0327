import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { engineSpendOf } from '../../src/store/engine-spend.ts';
import { migrate } from '../../src/store/migrate.ts';
import { engineUsageToday } from '../../src/store/operations-stats.ts';
import { createStory, reserveStoryId, storySpend } from '../../src/store/stories.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { article } from '../stories/fixtures.ts';
import { storeArticle } from '../stories/pipeline-helpers.ts';

/**
 * Migration 100 on a database that kept its spend the earlier way (translations.cost with an
 * editor's retranslations added in, article_update_translations.engine_characters,
 * story_placements.engine_characters): one ledger row per earlier entry, and no total changes.
 */
let db: Db;
let story = 0;
const arts: ArticleRow[] = [];

/** What storySpend answered before the ledger (store/stories.ts before migration 100). */
async function storySpendBefore(storyId: number) {
  const { rows } = await db.query<{ first: number; firsts: number; updates: number; update_count: number; placement: number }>(
    `SELECT
       (SELECT COALESCE(sum((t.cost->>'characters')::bigint), 0)::float8 FROM translations t JOIN articles a ON a.id = t.article_id WHERE a.story_id = $1) AS first,
       (SELECT count(*)::int FROM translations t JOIN articles a ON a.id = t.article_id WHERE a.story_id = $1) AS firsts,
       (SELECT COALESCE(sum(o.engine_characters), 0)::float8 FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id
          JOIN articles a ON a.id = u.article_id WHERE a.story_id = $1) AS updates,
       (SELECT count(*)::int FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id
          JOIN articles a ON a.id = u.article_id WHERE a.story_id = $1) AS update_count,
       (SELECT COALESCE(sum(p.engine_characters), 0)::float8 FROM story_placements p JOIN articles a ON a.id = p.article_id WHERE a.story_id = $1) AS placement`,
    [storyId],
  );
  const r = rows[0]!;
  return { storyId, translated: r.first + r.updates, placement: r.placement, total: r.first + r.updates + r.placement, translations: r.firsts + r.update_count };
}

beforeAll(async () => {
  db = await openTestDb();
  // The database as it was before migration 100.
  await db.query('DROP TABLE engine_spend');
  await db.query(`DELETE FROM schema_migrations WHERE name = '100_engine_spend.sql'`);
  for (let i = 1; i <= 3; i++) arts.push(await storeArticle(db, article({ id: `old-${i}`, title: `Old report ${i}`, text: `The board met on day ${i}.`, outlet: `old${i}.example` })));
  story = await reserveStoryId(db);
  await createStory(db, story);
  await db.query('UPDATE articles SET story_id = $1 WHERE id = ANY($2::bigint[])', [story, [arts[0]!.id, arts[1]!.id]]);
  const insert = (articleId: number, lang: string, engine: string, cost: string, updatedAgo: string) => db.query<{ id: number }>(
    `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status, cost, updated_at)
     VALUES ($1, $2, 't', '<p>t</p>', 't', $3, '1', '{"ok":true,"findings":[]}', 'publish', 'published', $4, now() - $5::interval) RETURNING id`,
    [articleId, lang, engine, cost, updatedAgo]);
  // Made days ago and retranslated (its spend added in) just now by deepl: the dashboard counted all of it today.
  await insert(arts[0]!.id, 'es', 'deepl', '{"engine":"deepl","characters":1500,"memoryCharacters":60,"memoryHits":3,"segments":4,"money":0.03}', '0 seconds');
  await insert(arts[0]!.id, 'ca', 'apertium', '{"engine":"apertium","characters":900,"money":null}', '2 days');
  const second = await insert(arts[1]!.id, 'es', 'apertium', '{"engine":"apertium","characters":700,"memoryCharacters":0,"memoryHits":0,"segments":2,"money":null}', '3 days');
  await insert(arts[2]!.id, 'es', 'apertium', '{"engine":"apertium","characters":5000,"money":null}', '0 seconds');
  // Two source updates of the second article: one published (its revision names the engine), one held that cost nothing.
  const revision = await db.query<{ id: number }>(
    `INSERT INTO translation_revisions (translation_id, n, kind, title, html, engine, checks, verdict) VALUES ($1, 2, 'machine', 't', '<p>t</p>', 'apertium>deepl', '{"ok":true,"findings":[]}', 'publish') RETURNING id`,
    [second.rows[0]!.id]);
  for (const [chars, outcome, rev] of [[120, 'published', revision.rows[0]!.id], [0, 'held', null]] as const) {
    const u = await db.query<{ id: number }>(
      `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash) VALUES ($1, '{}', 'b', '<p>b</p>', 'h0', 'h1') RETURNING id`,
      [arts[1]!.id]);
    await db.query(
      `INSERT INTO article_update_translations (update_id, lang, outcome, engine_characters, revision_id, created_at) VALUES ($1, 'es', $2, $3, $4, now() - interval '1 day')`,
      [u.rows[0]!.id, outcome, chars, rev]);
  }
  // Placements: the second article's head cost the engine, the first's did not.
  for (const [a, chars] of [[arts[0]!, 0], [arts[1]!, 90]] as const) {
    await db.query(`INSERT INTO story_placements (article_id, story_id, features, engine_characters) VALUES ($1, $2, '{}', $3)`, [a.id, story, chars]);
  }
}, 120_000);
afterAll(async () => {
  await db?.close();
});

it('books one ledger row per earlier entry, and a story\'s spend is what it was', async () => {
  const before = await storySpendBefore(story);
  expect(await migrate(db)).toEqual(['100_engine_spend.sql']);

  expect(await storySpend(db, story)).toEqual(before);
  expect(before).toEqual({ storyId: story, translated: 1500 + 900 + 700 + 120, placement: 90, total: 3310, translations: 3 + 2 });
  const rows = (await engineSpendOf(db, arts[0]!.id)).concat(await engineSpendOf(db, arts[1]!.id));
  expect(rows.map((r) => [r.reason, r.lang, r.engine, r.characters, r.memory_characters, r.memory_hits, r.money]).sort()).toEqual([
    ['placement', null, null, 90, 0, 0, null],
    ['translation', 'ca', 'apertium', 900, 0, 0, null],
    ['translation', 'es', 'apertium', 700, 0, 0, null],
    ['translation', 'es', 'deepl', 1500, 60, 3, 0.03],
    ['update', 'es', 'apertium', 0, 0, 0, null], // held, no revision: the translation's engine
    ['update', 'es', 'apertium>deepl', 120, 0, 0, null],
  ]);
  // Dated when the translation last changed, as the dashboard read it; the updates yesterday, the placement just now.
  expect(await engineUsageToday(db)).toEqual([
    { engine: 'apertium', runs: 1, characters: 5000, money: null },
    { engine: 'deepl', runs: 1, characters: 1500, money: 0.03 },
    { engine: 'unknown', runs: 1, characters: 90, money: null },
  ]);
});
