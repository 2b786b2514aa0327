import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTranslateArticleHandler } from '../../src/jobs/handlers/translate-article.ts';
import type { Db } from '../../src/store/db.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { editorialHarness, seedArticle, type EditorialHarness } from './editorial-context.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

let db: Db;
let h: EditorialHarness;
const SENTENCE = 'The minister said the bridge would reopen next week.';
const EDITED = 'La ministra aseguró que el puente reabrirá la semana próxima.';

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  h = editorialHarness(db);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const translation = async (articleId: number) =>
  (await db.query<{ id: number; html: string }>(`SELECT id, html FROM translations WHERE article_id = $1 AND lang = 'es'`, [articleId])).rows[0]!;

it('an edited segment comes back as the editor wrote it in the next article that has it; a retranslation asks the engine afresh', async () => {
  const translate = createTranslateArticleHandler({ db, translator: h.services.translator(), log: h.services.log, policy: {} });
  const first = await seedArticle(db, { title: 'Bridge to reopen', html: `<p>${SENTENCE}</p><p>Traffic was diverted through the town.</p>` });
  await translate({ articleId: first.id, lang: 'es' });
  const machine = await translation(first.id);
  const machineSegment = /<p>(.*?)<\/p>/.exec(machine.html)![1]!;
  expect(machineSegment).not.toBe(EDITED);

  const saved = await h.request('POST', `/admin/review/${machine.id}/save`, { form: { 'seg-0': EDITED } });
  expect(saved.status).toBe(303);
  expect((await db.query('SELECT source FROM human_translation_memory WHERE target = $1', [EDITED])).rows).toEqual([{ source: SENTENCE }]);

  const second = await seedArticle(db, { title: 'Rain in the north', html: `<p>Heavy rain fell overnight.</p><p>${SENTENCE}</p>` });
  await translate({ articleId: second.id, lang: 'es' });
  const reused = await translation(second.id);
  expect(reused.html).toContain(`<p>${EDITED}</p>`);
  expect(reused.html).not.toContain(machineSegment);
  expect(reused.html).toMatch(/^<p>(?!Heavy)[^<]+<\/p>/); // the other paragraph is still the engine's Spanish

  // "Retranslate": the engine's own answer, not the editor's memory entry it replaces.
  await translate({ articleId: first.id, lang: 'es', force: true, engine: 'apertium', fresh: true });
  const again = await translation(first.id);
  expect(again.html).toContain(`<p>${machineSegment}</p>`);
  expect(again.html).not.toContain(EDITED);
});
