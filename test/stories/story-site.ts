import { parseHTML } from 'linkedom';
import type { TranslatedArticle } from '../../src/domain/translation.ts';
import { createRenderSiteHandler, type RenderSitePayload } from '../../src/jobs/handlers/render-site.ts';
import { publishTranslation } from '../../src/jobs/publish-translation.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertTranslation } from '../../src/store/translations.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';

/** The Spanish site of the story pipeline tests: publish a member, run the render jobs, read a page. */
export interface StorySite {
  app: SiteApp;
  /** Publishes a Spanish translation of the article, as translate-article would; returns its path. */
  publishSpanish(a: ArticleRow): Promise<string>;
  /** Runs the queued render jobs as a worker would, then lets the site see the pages they wrote; returns their keys. */
  runRenders(): Promise<string[]>;
  page(path: string): Promise<{ status: number; doc: Document; location: string | null }>;
  close(): Promise<void>;
}

export async function openStorySite(db: Db, site: SiteOptions): Promise<StorySite> {
  const app = createSiteApp({ db, site });
  await app.start();
  return {
    app,
    async publishSpanish(a) {
      const first = a.text.split('\n')[0];
      const t: TranslatedArticle = {
        lang: 'es', title: `ES ${a.title}`, excerpt: null, html: `<p>ES ${first}</p>`, text: `ES ${first}`,
        engine: 'apertium', engineVersion: '1', nameRenderings: {}, checks: { ok: true, findings: [] },
        cost: { engine: 'apertium', characters: 100, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null },
      };
      const tr = await upsertTranslation(db, a.id, t, 'publish', 'published', null);
      return (await db.transaction((tx) => publishTranslation(tx, a, tr, false))).path;
    },
    async runRenders() {
      const render = createRenderSiteHandler({ db, site });
      const { rows: jobs } = await db.query<{ id: number; key: string; payload: RenderSitePayload }>(
        `SELECT id, key, payload FROM jobs WHERE kind = 'render' AND state = 'queued' ORDER BY id`);
      for (const j of jobs) {
        await render(j.payload);
        await db.query(`UPDATE jobs SET state = 'done' WHERE id = $1`, [j.id]);
      }
      await app.refresh();
      return jobs.map((j) => j.key);
    },
    async page(path) {
      const res = await app.fetch(new Request(`${site.baseUrl}${path}`));
      return { status: res.status, location: res.headers.get('location'), doc: parseHTML(await res.text()).document };
    },
    close: () => app.close(),
  };
}
