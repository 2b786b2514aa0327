import { mediaForArticle } from '../store/media.ts';
import { renderArticle } from '../publish/render-article.ts';
import { renderAtom, renderJsonFeed, renderRss } from '../publish/render-feeds.ts';
import { absolute } from '../publish/render-layout.ts';
import { renderList } from '../publish/render-list.ts';
import { renderNewsSitemap, renderRobots, renderSitemap, renderSitemapIndex } from '../publish/render-sitemaps.ts';
import { renderAbout, renderError } from '../publish/render-static.ts';
import { messages } from '../publish/messages.ts';
import { fill } from '../publish/html.ts';
import type { Db } from '../store/db.ts';
import { getArticleByPath, listAlternates, listRelated } from '../store/site-article.ts';
import { sourceNotesForPage } from '../store/article-updates.ts';
import { languagesPublishedSince, lastModifiedByLang, listCards, listSitemap, listSources, listTopicSections, listTopics } from '../store/site-queries.ts';
import { listStorySitemap } from '../store/story-reads.ts';
import { articleStory, buildStory } from './build-story.ts';
import { parseSitePath, storyPath, type FeedFormat, type PageSpec } from './site-paths.ts';
import type { SiteOptions } from './web-types.ts';
import { toArticle, toCard, toFeedEntry, toNamed } from './site-views.ts';

export type PageKind = 'article' | 'story' | 'list' | 'feed' | 'sitemap' | 'static';

/** A page as rendered, before compression. */
export interface Rendered {
  path: string;
  lang: string | null;
  kind: PageKind;
  status: number;
  contentType: string;
  body: string;
  lastModified: Date;
}

export const PAGE_SIZE = 20;
const SECTIONS = 4;
const SECTION_SIZE = 4;
const FEED_SIZE = 30;
const HTML = 'text/html; charset=utf-8';
/** A Google News sitemap holds the stories of the last two days. */
const NEWS_HOURS = 48;
const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Renders what `path` names from the rows; null when it names nothing (a 404). */
export async function buildPage(db: Db, site: SiteOptions, path: string, now = new Date(), memo: RenderMemo = new Map()): Promise<Rendered | null> {
  const spec = parseSitePath(path, site.languages);
  if (!spec) return null;
  return buildSpec(readThrough(db, memo), site, path, spec, now);
}

/**
 * PGlite runs queries on this thread and resolves them without a macrotask between them, so a
 * render's chain of queries would hold off every request until it ends; a turn of the event loop
 * before each query lets waiting requests through. A server connection needs none.
 */
export function yieldFirst(db: Db): Promise<void> {
  return db.kind === 'pglite' ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve();
}

/** Read results shared by the pages of one render job (the topic list, the home's cards…). */
export type RenderMemo = Map<string, Promise<unknown>>;

/** A Db whose SELECTs are answered once per job: one job renders a dozen pages from the same rows. */
function readThrough(db: Db, memo: RenderMemo): Db {
  return {
    ...db,
    kind: db.kind,
    query<T>(sql: string, params: unknown[] = []) {
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return db.query<T>(sql, params);
      const key = `${sql}\u0000${JSON.stringify(params)}`;
      let hit = memo.get(key) as ReturnType<Db['query']> | undefined;
      if (!hit) {
        hit = yieldFirst(db).then(() => db.query<T>(sql, params));
        memo.set(key, hit);
      }
      return hit as ReturnType<Db['query']> as never;
    },
  };
}

async function buildSpec(db: Db, site: SiteOptions, path: string, spec: PageSpec, now: Date): Promise<Rendered | null> {
  const page = (kind: PageKind, lang: string | null, body: string, contentType = HTML, status = 200, lastModified = now): Rendered =>
    ({ path, lang, kind, status, contentType, body, lastModified });
  switch (spec.kind) {
    case 'robots':
      // A sitemap page: it names the news sitemaps that have stories, and is rendered again with them.
      return page('sitemap', null, renderRobots(site, await languagesPublishedSince(db, NEWS_HOURS)), 'text/plain; charset=utf-8');
    case 'sitemap-index':
      return page('sitemap', null, renderSitemapIndex(site, await lastModifiedByLang(db)), 'application/xml; charset=utf-8');
    case 'sitemap': {
      const rows = await listSitemap(db, spec.lang);
      const home = { path: `/${spec.lang}/`, lastmod: rows[0]?.updated_at ?? now, alternates: site.languages.map((l) => ({ lang: l, path: `/${l}/` })) };
      const stories = (await listStorySitemap(db, spec.lang)).map((r) => ({
        path: storyPath(spec.lang, r.story_id), lastmod: new Date(r.lastmod), alternates: r.langs.map((l) => ({ lang: l, path: storyPath(l, r.story_id) })),
      }));
      const urls = [home, ...stories, ...rows.map((r) => ({ path: r.path, lastmod: new Date(r.updated_at), alternates: r.alternates }))];
      return page('sitemap', spec.lang, renderSitemap(site, urls), 'application/xml; charset=utf-8');
    }
    case 'news-sitemap': {
      const rows = await listSitemap(db, spec.lang, NEWS_HOURS);
      // sitemaps.org requires at least one <url>; a quiet language answers 404, which crawlers
      // read as "nothing to fetch now" rather than as a broken sitemap.
      if (rows.length === 0) return null;
      const urls = rows.map((r) => ({ path: r.path, title: r.title, publishedAt: new Date(r.published_at) }));
      return page('sitemap', spec.lang, renderNewsSitemap(site, spec.lang, urls), 'application/xml; charset=utf-8');
    }
    case 'about':
      return page('list', spec.lang, renderAbout(site, spec.lang, toNamed(await listTopics(db, spec.lang))));
    case 'article': {
      const row = await getArticleByPath(db, spec.path);
      if (!row || row.lang !== spec.lang) return null;
      if (row.status !== 'live') return page('article', spec.lang, renderError(site, spec.lang, 410, path), HTML, 410);
      const [alternates, related, topics, media, sourceNotes] = await Promise.all([
        listAlternates(db, row.article_id), listRelated(db, row), listTopics(db, spec.lang), mediaForArticle(db, row.article_id),
        sourceNotesForPage(db, row.article_id, spec.lang),
      ]);
      const view = { ...toArticle(row, alternates, related), media, ...sourceNotes };
      const story = await articleStory(db, row.story_id, spec.lang);
      return page('article', spec.lang, renderArticle(site, { ...view, story }, toNamed(topics)), HTML, 200, view.updatedAt);
    }
    case 'story': {
      const story = await buildStory(db, site, spec);
      return story && page('story', spec.lang, story.body, HTML, 200, story.lastModified);
    }
    case 'home':
    case 'topic':
    case 'source':
      return buildList(db, site, path, spec, now);
    case 'feed':
      return buildFeed(db, site, path, spec, now);
  }
}

/** Finds the topic or outlet a slug names among those with live stories; null if none. */
async function resolveScope(db: Db, lang: string, scope: { topic?: string; source?: string }) {
  if (scope.topic) {
    const t = toNamed(await listTopics(db, lang)).find((x) => x.slug === scope.topic);
    return t ? { title: t.name, filter: { category: t.name }, base: `/${lang}/topic/${t.slug}` } : null;
  }
  if (scope.source) {
    const rows = await listSources(db, lang);
    const named = toNamed(rows);
    const i = named.findIndex((x) => x.slug === scope.source);
    const row = rows[i];
    return row?.id != null ? { title: row.name, filter: { sourceId: row.id }, base: `/${lang}/source/${named[i]!.slug}` } : null;
  }
  return { title: null, filter: {}, base: `/${lang}/` };
}

async function buildList(db: Db, site: SiteOptions, path: string, spec: Extract<PageSpec, { kind: 'home' | 'topic' | 'source' }>, now: Date): Promise<Rendered | null> {
  const lang = spec.lang;
  const m = messages(lang);
  const scope = await resolveScope(db, lang, spec.kind === 'home' ? {} : { [spec.kind]: spec.slug });
  if (!scope) return null;
  // The home and topics show stories, one card each; an outlet's page shows all of its own articles.
  const rows = await listCards(db, { lang, limit: PAGE_SIZE + 1, offset: (spec.page - 1) * PAGE_SIZE, byStory: spec.kind !== 'source', ...scope.filter });
  if (spec.page > 1 && rows.length === 0) return null;
  const topics = toNamed(await listTopics(db, lang));
  const shown = rows.slice(0, PAGE_SIZE);
  let sections: { topic: (typeof topics)[number]; cards: ReturnType<typeof toCard>[] }[] = [];
  if (spec.kind === 'home' && spec.page === 1) {
    const more = await listTopicSections(db, lang, SECTION_SIZE, shown.map((r) => r.id));
    sections = topics.slice(0, SECTIONS).map((topic) => ({ topic, cards: more.filter((r) => r.category === topic.name).map(toCard) }));
  }
  const title = spec.kind === 'home' ? site.name : fill(spec.kind === 'topic' ? m.topic : m.source, { name: scope.title ?? '' }, false);
  const body = renderList(site, {
    kind: spec.kind, lang, basePath: spec.kind === 'home' ? `/${lang}/` : scope.base, title,
    cards: shown.map(toCard), page: spec.page, hasNext: rows.length > PAGE_SIZE, now, topics, sections, feedBase: spec.kind === 'home' ? `/${lang}/` : `${scope.base}/`,
  });
  return { path, lang, kind: 'list', status: 200, contentType: HTML, body, lastModified: rows[0] ? new Date(rows[0].updated_at) : now };
}

async function buildFeed(db: Db, site: SiteOptions, path: string, spec: Extract<PageSpec, { kind: 'feed' }>, now: Date): Promise<Rendered | null> {
  const scope = await resolveScope(db, spec.lang, spec.scope);
  if (!scope) return null;
  const rows = await listCards(db, { lang: spec.lang, limit: FEED_SIZE, withBody: true, byStory: !spec.scope.source, ...scope.filter });
  const title = scope.title ? `${scope.title} · ${site.name}` : site.name;
  const pagePath = scope.base;
  const input = { site, lang: spec.lang, title, pagePath, selfPath: `${scope.base.replace(/\/$/, '')}/feed`, entries: rows.map(toFeedEntry), now };
  const selfUrl = absolute(site, path);
  const body = spec.format === 'rss' ? renderRss(input) : spec.format === 'atom' ? renderAtom(input, selfUrl) : renderJsonFeed(input, selfUrl);
  return { path, lang: spec.lang, kind: 'feed', status: 200, contentType: FEED_TYPES[spec.format], body, lastModified: rows[0] ? new Date(rows[0].updated_at) : now };
}
