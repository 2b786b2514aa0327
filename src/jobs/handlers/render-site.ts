import type { Db } from '../../store/db.ts';
import { markStale, putPage } from '../../store/pages.ts';
import { getPublicationById, listAlternates } from '../../store/site-article.ts';
import { buildPage, yieldFirst, type RenderMemo } from '../../web/build-page.ts';
import { encodePage } from '../../web/encode-page.ts';
import { notifyPagesChanged } from '../../web/page-events.ts';
import { markStoriesChanged } from '../../web/story-pages.ts';
import type { SiteOptions } from '../../web/start-web-server.ts';

export interface RenderSitePayload {
  lang: string;
  publicationId?: number;
  /** A story that changed without a publication of its own: a member joined, or it merged. */
  storyId?: number;
  reason: 'publish' | 'takedown' | 'correction' | 'rebuild' | 'story';
}

/**
 * Renders what a content change touches, once, and stores it pre-compressed for every web process.
 * The pages asked for most (the article and its other languages, the home page, the RSS feed) are
 * rendered now; every other page that lists it (topic, outlet, Atom and JSON feeds, sitemaps,
 * later home pages) becomes a tombstone, rendered once on its next request. That keeps a publish
 * cheap for a web server sharing the process (PGlite runs on its thread). Idempotent.
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
      }
    }
    await markStoriesChanged(db, site, payload, langs);
    for (const l of langs) {
      if (payload.reason === 'rebuild' && l === lang) await markStale(db, { lang: l });
      else await markStale(db, { lang: l, kinds: ['list', 'feed', 'sitemap'] });
    }
    await markStale(db, { lang: null, kinds: ['sitemap'] });
    eager.add(`/${lang}/`);
    eager.add(`/${lang}/feed.xml`);
    const memo: RenderMemo = new Map();
    for (const path of eager) {
      const rendered = await buildPage(db, site, path, now, memo);
      await yieldFirst(db);
      if (rendered) await putPage(db, await encodePage(rendered));
      else await markStale(db, { paths: [path] }); // names nothing any more
    }
    notifyPagesChanged();
  };
}
