import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { article, quake, quakeOwnReport } from './fixtures.ts';
import { storeArticle, worker } from './pipeline-helpers.ts';
import { quakeRescue } from './split-fixtures.ts';
import { openStorySite, type StorySite } from './story-site.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * An article's page links its story with the number of outlets that told it. When another outlet's
 * report joins the story — listed, never translated, so no page of its own is rendered — the pages
 * of the members already published must say so too, not only the story's page.
 */
/** A later report from a fourth outlet that adds facts: translated and published as an update of the story. */
const quakeToll = article({
  id: 'quake-toll',
  title: 'Valparaiso earthquake: toll rises to 57 as rescuers reach harbour district',
  lead: 'The death toll from the Valparaiso earthquake rose to 57 on Wednesday, with 480 people injured.',
  text: [
    'The death toll from the magnitude 6.8 earthquake in Valparaiso rose to 57 on Wednesday, and 480 people were injured, the interior ministry said.',
    '“We will not stop searching until every building in the harbour district has been checked,” said President Gabriel Boric during a visit to the rubble.',
    'Aftershocks continued to shake the Chilean port city, where the navy has set up two field hospitals.',
    '“The harbour hospital has treated 212 people since Tuesday night and needs more blood donors,” said health minister Ximena Aguilera.',
  ].join('\n'),
  published: new Date('2026-03-04T09:00:00Z'),
  outlet: 'herald.example',
});

const SITE: SiteOptions = { name: 'Wire', baseUrl: 'https://wire.test', languages: ['es'], defaultLanguage: 'es' };
let db: Db;
let site: StorySite;
const rows = new Map<string, ArticleRow>();

beforeAll(async () => {
  db = await openTestDb();
  for (const a of [quake, quakeOwnReport, quakeRescue, quakeToll]) rows.set(a.id, await storeArticle(db, a));
  site = await openStorySite(db, SITE);
});
afterAll(async () => {
  await site?.close();
  await db?.close();
});

const storyLinkOf = async (path: string) => (await site.page(path)).doc.querySelector('.story-link a')?.textContent ?? null;

it("a member's page shows its story's outlets as other outlets' reports join, though they are only listed", async () => {
  const place = worker(db, { targets: ['es'] });
  await place.place(rows.get('quake-1')!);
  const path = await site.publishSpanish(rows.get('quake-1')!);
  await site.runRenders();
  expect(await storyLinkOf(path)).toBeNull(); // alone in its story: no link

  const told = ['quake-1'];
  for (const key of ['quake-2', 'quake-3']) {
    const placed = await place.place(rows.get(key)!);
    expect(placed).toMatchObject({ translating: [] }); // listed: no page of its own
    await site.runRenders();
    told.push(key);
    const outlets = new Set(told.map((k) => rows.get(k)!.site_name)).size;
    expect(await storyLinkOf(path)).toMatch(new RegExp(`^${outlets} fuentes · `));
  }
});

it("a member translated and published (an update) brings the other members' pages up to date when its own page renders", async () => {
  const path = (await db.query<{ path: string }>(`SELECT p.path FROM publications p WHERE p.article_id = $1`, [rows.get('quake-1')!.id])).rows[0]!.path;
  const before = await storyLinkOf(path);
  const placed = await worker(db, { targets: ['es'] }).place(rows.get('quake-toll')!);
  expect(placed).toMatchObject({ role: 'update', translating: ['es'] }); // no story render of its own: its publication's render is the one
  await site.publishSpanish(rows.get('quake-toll')!);
  await site.runRenders();
  const outlets = new Set(['quake-1', 'quake-2', 'quake-3', 'quake-toll'].map((k) => rows.get(k)!.site_name)).size;
  expect(await storyLinkOf(path)).toMatch(new RegExp(`^${outlets} fuentes · `));
  expect(await storyLinkOf(path)).not.toBe(before);
});
