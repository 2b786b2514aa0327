import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { quake, quakeOwnReport, quakeUpdate } from './fixtures.ts';
import { storeArticle, worker } from './pipeline-helpers.ts';
import { quakeRescue } from './split-fixtures.ts';
import { openStorySite, type StorySite } from './story-site.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * An article's page links its story with the number of outlets that told it. When another outlet's
 * report joins the story — listed, never translated, so no page of its own is rendered — the pages
 * of the members already published must say so too, not only the story's page.
 */
/** The quake's later report that adds facts, from a fourth outlet: translated and published as an update of the story. */
const quakeToll = { ...quakeUpdate, id: 'quake-toll', outlet: 'herald.example' };

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
