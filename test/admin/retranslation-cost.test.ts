import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { queueRetranslation } from '../../src/admin/editorial/review-commands.ts';
import { translatorFor } from '../../src/app.ts';
import { createTranslateArticleHandler } from '../../src/jobs/handlers/translate-article.ts';
import { createLogger } from '../../src/logger.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { engineSpendOf } from '../../src/store/engine-spend.ts';
import { createStory, reserveStoryId, storySpend } from '../../src/store/stories.ts';
import { createSqlTranslationMemory } from '../../src/store/translation-memory.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import type { Translator } from '../../src/translate/index.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { seedArticle, testConfig } from './editorial-context.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/**
 * The cost ledger keeps every engine spend: an editor's retranslation (forced, asked afresh) is
 * booked as a run of its own beside the first translation; translations.cost is what the text now
 * shown cost.
 */
let db: Db;
let translator: Translator;
let article: ArticleRow;
let storyId: number;
/** Engine characters of each article translated, as the translator reported them. */
const spent: number[] = [];

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  const real = translatorFor(testConfig(), createSqlTranslationMemory(db));
  // The real translator (Apertium), with each article's spend noted as the handler receives it.
  translator = Object.assign(Object.create(real) as Translator, {
    async translateArticle(...args: Parameters<Translator['translateArticle']>) {
      const out = await real.translateArticle(...args);
      spent.push(out.cost.characters);
      return out;
    },
    close: () => real.close(),
  });
  article = await seedArticle(db, {
    title: 'Flooding closes the coast road',
    excerpt: 'Traffic was diverted inland.',
    html: '<p>Heavy rain flooded the coast road on Sunday.</p><p>The police diverted traffic inland for six hours.</p>',
  });
  storyId = await reserveStoryId(db);
  await createStory(db, storyId);
  await db.query('UPDATE articles SET story_id = $2 WHERE id = $1', [article.id, storyId]);
});
afterAll(async () => {
  await translator?.close();
  await db?.close();
});

const stored = async (): Promise<TranslationRow> =>
  (await db.query<TranslationRow>(`SELECT * FROM translations WHERE article_id = $1 AND lang = 'es'`, [article.id])).rows[0]!;

it("books an editor's retranslation in the ledger beside the first: total = first + second", async () => {
  const translate = createTranslateArticleHandler({ db, translator, log: createLogger({ level: 'silent' }), policy: {} });
  await translate({ articleId: article.id, lang: 'es' });
  const first = await stored();
  expect(spent).toHaveLength(1);
  expect(first.cost.characters).toBe(spent[0]);
  expect(spent[0]).toBeGreaterThan(0);

  await queueRetranslation(db, first, 'apertium');
  const job = (await db.query<{ payload: Parameters<typeof translate>[0] }>(`SELECT payload FROM jobs WHERE kind = 'translate' AND state = 'queued'`)).rows[0]!;
  await translate(job.payload);
  expect(spent).toHaveLength(2);
  // Asked afresh: the memory served nothing, the engine was paid again.
  expect(spent[1]).toBeGreaterThan(0);

  const after = await stored();
  expect(after.id).toBe(first.id);
  expect(after.cost.characters).toBe(spent[1]);
  expect(after.cost.engine).toBe('apertium');
  expect((await engineSpendOf(db, article.id)).map((r) => [r.reason, r.lang, r.engine, r.characters])).toEqual([
    ['translation', 'es', 'apertium', spent[0]],
    ['retranslation', 'es', 'apertium', spent[1]],
  ]);
  expect((await storySpend(db, storyId)).translated).toBe(spent[0]! + spent[1]!);
});
