import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { TranslatedArticle } from '../../src/domain/translation.ts';
import { createRenderSiteHandler, type RenderSitePayload } from '../../src/jobs/handlers/render-site.ts';
import { publishTranslation } from '../../src/jobs/publish-translation.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertTranslation } from '../../src/store/translations.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { quake, quakeOwnReport } from './fixtures.ts';
import { quakeRescue } from './split-fixtures.ts';
import { storeArticle, worker } from './pipeline-helpers.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * An article's page links its story with the number of outlets that told it. When another outlet's
 * report joins the story — listed, never translated, so no page of its own is rendered — the pages
 * of the members already published must say so too, not only the story's page.
 */
const SITE: SiteOptions = { name: 'Wire', baseUrl: 'https://wire.test', languages: ['es'], defaultLanguage: 'es' };
let db: Db;
let app: SiteApp;
const rows = new Map<string, ArticleRow>();

beforeAll(async () => {
  db = await openTestDb();
  for (const a of [quake, quakeOwnReport, quakeRescue]) rows.set(a.id, await storeArticle(db, a));
  app = createSiteApp({ db, site: SITE });
  await app.start();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function publishSpanish(key: string): Promise<string> {
  const a = rows.get(key)!;
  const t: TranslatedArticle = {
    lang: 'es', title: `ES ${a.title}`, excerpt: null, html: `<p>ES ${a.text.split('\n')[0]}</p>`, text: `ES ${a.text.split('\n')[0]}`,
    engine: 'apertium', engineVersion: '1', nameRenderings: {}, checks: { ok: true, findings: [] },
    cost: { engine: 'apertium', characters: 100, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null },
  };
  const tr = await upsertTranslation(db, a.id, t, 'publish', 'published', null);
  return (await db.transaction((tx) => publishTranslation(tx, a, tr, false))).path;
}

async function runRenders(): Promise<void> {
  const render = createRenderSiteHandler({ db, site: SITE });
  const { rows: jobs } = await db.query<{ id: number; payload: RenderSitePayload }>(`SELECT id, payload FROM jobs WHERE kind = 'render' AND state = 'queued' ORDER BY id`);
  for (const j of jobs) {
    await render(j.payload);
    await db.query(`UPDATE jobs SET state = 'done' WHERE id = $1`, [j.id]);
  }
  await app.refresh();
}

const storyLinkOf = async (path: string) =>
  parseHTML(await (await app.fetch(new Request(`https://wire.test${path}`))).text()).document.querySelector('.story-link a')?.textContent ?? null;

it("a member's page shows its story's outlets as other outlets' reports join, though they are only listed", async () => {
  const place = worker(db, { targets: ['es'] });
  await place.place(rows.get('quake-1')!);
  const path = await publishSpanish('quake-1');
  await runRenders();
  expect(await storyLinkOf(path)).toBeNull(); // alone in its story: no link

  for (const key of ['quake-2', 'quake-3']) {
    const placed = await place.place(rows.get(key)!);
    expect(placed).toMatchObject({ translating: [] }); // listed: no page of its own
    await runRenders();
    const outlets = new Set(['quake-1', 'quake-2', 'quake-3'].slice(0, key === 'quake-2' ? 2 : 3).map((k) => rows.get(k)!.site_name)).size;
    expect(await storyLinkOf(path)).toMatch(new RegExp(`^${outlets} fuentes · `));
  }
});
