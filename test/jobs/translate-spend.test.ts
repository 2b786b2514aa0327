import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTranslateArticleHandler } from '../../src/jobs/handlers/translate-article.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { engineSpendOf } from '../../src/store/engine-spend.ts';
import { engineUsageToday } from '../../src/store/operations-stats.ts';
import { createStory, reserveStoryId, storySpend } from '../../src/store/stories.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { article } from '../stories/fixtures.ts';
import { storeArticle } from '../stories/pipeline-helpers.ts';

/**
 * The translate job books each engine run in the cost ledger with its result (real Apertium): the
 * article's translation, an editor's retranslation, and a section's name the memory did not have
 * yet (the site's spend: on the dashboard, not in the story's).
 */
let db: Db;
let translator: Translator;
const arts: ArticleRow[] = [];

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  translator = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  for (const [id, title, text] of [
    ['comet', 'A comet passes close to the Earth', 'Astronomers watched the comet pass the planet on Monday night.'],
    ['probe', 'The probe reaches the moon', 'The small probe reached the moon on Friday after a long journey.'],
  ] as const) {
    const a = await storeArticle(db, article({ id, title, text, outlet: `${id}.example` }));
    await db.query(`UPDATE articles SET category = 'Science' WHERE id = $1`, [a.id]);
    arts.push(a);
  }
  const story = await reserveStoryId(db);
  await createStory(db, story);
  await db.query('UPDATE articles SET story_id = $1 WHERE id = ANY($2::bigint[])', [story, arts.map((a) => a.id)]);
}, 120_000);
afterAll(async () => {
  await translator?.close();
  await db?.close();
});

it('books the translation, a retranslation and a section name the engine was paid for, each once', async () => {
  const translate = createTranslateArticleHandler({ db, translator, log: pino({ level: 'silent' }), policy: { error: 'publish', warning: 'publish' } });
  for (const a of arts) await translate({ articleId: a.id, lang: 'es' });
  await translate({ articleId: arts[0]!.id, lang: 'es' }); // done already: no run, nothing booked
  await translate({ articleId: arts[1]!.id, lang: 'es', force: true, fresh: true });

  const first = await engineSpendOf(db, arts[0]!.id);
  const second = await engineSpendOf(db, arts[1]!.id);
  // "Science" went to the engine once; the second article's label came from the memory.
  expect(first.map((r) => r.reason)).toEqual(['translation', 'label']);
  expect(second.map((r) => r.reason)).toEqual(['translation', 'retranslation']);
  for (const r of [...first, ...second]) expect(r).toMatchObject({ lang: 'es', engine: 'apertium' });
  expect(first[1]!.characters).toBe('Science'.length);
  expect(second[1]!.characters).toBeGreaterThan(0); // asked afresh: the engine was paid again

  const story = (await db.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [arts[0]!.id])).rows[0]!.story_id;
  const translated = first[0]!.characters + second[0]!.characters + second[1]!.characters;
  expect(await storySpend(db, story)).toMatchObject({ translated, placement: 0, total: translated, translations: 2 });
  expect(await engineUsageToday(db)).toEqual([{ engine: 'apertium', runs: 4, characters: translated + 'Science'.length, money: null }]);
});
