import { slug } from '../../publish/slug.ts';
import type { Db } from '../../store/db.ts';
import { markStale, putPage } from '../../store/pages.ts';
import { getPublicationById, listAlternates } from '../../store/site-article.ts';
import { buildPage, yieldFirst, type RenderMemo } from '../../web/build-page.ts';
import { encodePage } from '../../web/encode-page.ts';
import { notifyPagesChanged } from '../../web/page-events.ts';
import type { SiteOptions } from '../../web/start-web-server.ts';

export interface RenderSitePayload {
  lang: string;
  publicationId?: number;
  reason: 'publish' | 'takedown' | 'correction' | 'rebuild';
}

/**
 * Renders what a content change touches, once, and stores it pre-compressed for every web process.
 * The pages a reader or crawler asks for first (the article, home, feeds, sitemaps, its topic and
 * outlet) are rendered now; deeper list pages become tombstones and are rendered on their next
 * request. Idempotent: running it twice writes the same pages again.
 */
export function createRenderSiteHandler(deps: { db: Db; site: SiteOptions }): (payload: RenderSitePayload) => Promise<void> {
  const { db, site } = deps;
  return async (payload) => {
    const lang = payload.lang;
    const now = new Date();
    const eager = new Set<string>();
    const langs = new Set([lang]);
    if (payload.publicationId !== undefined) {
      const pub = await getPublicationById(db, payload.publicationId);
      if (pub) {
        eager.add(pub.path);
        // The same story in other languages lists this one ("in other languages", hreflang).
        for (const alt of await listAlternates(db, pub.article_id)) {
          eager.add(alt.path);
          langs.add(alt.lang);
        }
        if (pub.category) eager.add(`/${pub.lang}/topic/${slug(pub.category)}`);
        eager.add(`/${pub.lang}/source/${slug(pub.source_name)}`);
      }
    }
    for (const l of langs) {
      if (payload.reason === 'rebuild' && l === lang) await markStale(db, { lang: l });
      else await markStale(db, { lang: l, kinds: ['list', 'feed', 'sitemap'] });
    }
    await markStale(db, { lang: null, kinds: ['sitemap'] });
    for (const p of [`/${lang}/`, `/${lang}/feed.xml`, `/${lang}/atom.xml`, `/${lang}/feed.json`,
      `/${lang}/sitemap.xml`, `/${lang}/news-sitemap.xml`, '/sitemap.xml']) eager.add(p);
    const memo: RenderMemo = new Map();
    for (const path of eager) {
      const rendered = await buildPage(db, site, path, now, memo);
      // A topic or outlet left without stories (after a takedown) names nothing any more.
      await yieldFirst(db);
      if (rendered) await putPage(db, await encodePage(rendered));
      else await markStale(db, { paths: [path] });
    }
    notifyPagesChanged();
  };
}
