import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operationsRoutes } from '../../src/admin/operations/operations-routes.ts';
import type { Db } from '../../src/store/db.ts';
import { decideHeldUpdate } from '../../src/store/held-updates.ts';
import { stageActivity } from '../../src/store/operations-stats.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { seedHeldUpdate } from './held-update-seed.ts';
import { opsHarness, type OpsHarness } from './operations-context.ts';
import { seedOperations } from './operations-seed.ts';

/**
 * The dashboard's "Held for review" counts what waits for an editor: translations the gate held
 * and source updates whose re-translation it held (migration 099; the review queue's updates).
 */
let db: Db;
let ops: OpsHarness;
let heldUpdate: number;

const heldRow = async (): Promise<string[]> => {
  const doc = parseHTML(await (await ops.call('GET', '/admin/', { role: 'viewer' })).text()).document;
  const row = [...doc.querySelectorAll('.stage-table tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.trim() === 'Held for review')!;
  return [...row.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent!.trim());
};
const heldToday = async (): Promise<number> => (await stageActivity(db)).find((s) => s.stage === 'held')!.lastDay;

beforeAll(async () => {
  db = await openTestDb();
  // One translation held; two published.
  await seedOperations(db);
  const live = (await db.query<TranslationRow>(`SELECT * FROM translations WHERE status = 'published' ORDER BY id LIMIT 1`)).rows[0]!;
  heldUpdate = await seedHeldUpdate(db, live, { title: live.title, html: '<p>y 900</p>' });
  ops = opsHarness(db, operationsRoutes);
}, 180_000);
afterAll(async () => {
  await db?.close();
});

it('counts a held source update beside the held translation: 2 in the last hour and day', async () => {
  expect(await heldRow()).toEqual(['Held for review', '2', '2']);
});

it('stops counting an update once an editor decided it, and never counts one held over a day ago', async () => {
  expect(await heldToday()).toBe(2);
  await db.query(`UPDATE article_update_translations SET created_at = now() - interval '2 days' WHERE id = $1`, [heldUpdate]);
  expect(await heldToday()).toBe(1);
  await db.query(`UPDATE article_update_translations SET created_at = now() - interval '3 hours' WHERE id = $1`, [heldUpdate]);
  const hourly = (await stageActivity(db)).find((s) => s.stage === 'held')!.hourly;
  expect([hourly[0], hourly[3], hourly.reduce((a, b) => a + b, 0)]).toEqual([1, 1, 2]);
  expect(await decideHeldUpdate(db, heldUpdate, 'dismissed', 'editor@newsroom.example')).toBe(true);
  expect(await heldToday()).toBe(1);
});
