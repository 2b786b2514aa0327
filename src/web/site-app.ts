import { ICON_ASSET } from '../publish/assets.ts';
import { renderError } from '../publish/render-static.ts';
import { parseHttpDate } from '../shared/http-date.ts';
import type { Db } from '../store/db.ts';
import { movedStory } from './build-story.ts';
import { encodePageSync, siteHeaders, toServed, type ServedPage } from './encode-page.ts';
import { PageCache, type PageCacheOptions } from './page-cache.ts';
import { searchPage, searchQuery } from './search-page.ts';
import { DEFAULT_SEARCH_LIMITS, SearchGuard, type SearchLimits } from './search-guard.ts';
import type { SiteOptions, SiteReply, SiteRequest, WebLog } from './web-types.ts';
import { loadAssets } from './static-assets.ts';

export type { SiteReply, SiteRequest } from './web-types.ts';

export interface SiteApp {
  start(): Promise<void>;
  /** Answers a request. */
  handle(req: SiteRequest): Promise<SiteReply>;
  /** Answers at once from memory when it can (a cached page, no query string); else null. */
  handleCached(req: SiteRequest): SiteReply | null;
  /** In-memory entry point for tests: a standard Request in, a Response out. */
  fetch(req: Request, info?: { address?: string }): Promise<Response>;
  /** Polls the `pages` table now (tests; the timer does it every second). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

function redirect(status: 301 | 302, location: string): SiteReply {
  return { status, headers: { location, 'cache-control': status === 301 ? 'public, max-age=86400' : 'no-cache', 'content-length': '0' }, body: null };
}

/** Chooses the pre-compressed variant and answers 304 when the client's copy is current. */
export function serve(page: ServedPage, req: SiteRequest): SiteReply {
  const inm = req.header('if-none-match');
  const ims = req.header('if-modified-since');
  if ((inm && (inm === page.etag || inm === '*' || inm.split(/\s*,\s*/).includes(page.etag))) || (!inm && ims && notModifiedSince(ims, page))) {
    return { status: 304, headers: page.notModified, body: null };
  }
  const ae = req.header('accept-encoding') ?? '';
  const v = ae.includes('br') ? page.br : ae.includes('gzip') ? page.gzip : page.identity;
  return { status: page.status, headers: v.headers, flat: v.flat, body: req.method === 'HEAD' ? null : v.body };
}

/**
 * RFC 9110 §13.1.3: a date later than the server's clock is invalid and ignored, so a client (or
 * a cache poisoned with `If-Modified-Since: … 2100`) never pins an old copy.
 */
function notModifiedSince(ims: string, page: ServedPage): boolean {
  const since = parseHttpDate(ims);
  return since !== null && since >= page.lastModifiedMs && since <= Date.now();
}

/** No page has a control character in its path: `%00` and kin are answered 404 without a lookup. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export function createSiteApp(opts: { db: Db; site: SiteOptions; log?: WebLog; cache?: PageCacheOptions; search?: Partial<SearchLimits> }): SiteApp {
  const { db, site } = opts;
  const cache = new PageCache(db, site, { log: opts.log, ...opts.cache });
  const extra = siteHeaders(site);
  const assets = loadAssets(extra);
  const searchLimits = { ...DEFAULT_SEARCH_LIMITS, ...opts.search };
  const guard = new SearchGuard(searchLimits, { embedded: db.kind === 'pglite' });
  const errorPages = new Map<string, ServedPage>();

  function errorPage(lang: string, status: 404 | 500): ServedPage {
    const key = `${lang}:${status}`;
    let page = errorPages.get(key);
    if (!page) {
      const body = renderError(site, lang, status, `/${lang}/`);
      const enc = encodePageSync({ path: key, lang, kind: 'static', status, contentType: 'text/html; charset=utf-8', body, lastModified: new Date() });
      page = toServed({ ...enc, version: 0, rendered_at: new Date() }, extra);
      errorPages.set(key, page);
    }
    return page;
  }

  /** What a log line names the request by: the kind of page, not the (unbounded) path alone. */
  function routeOf(path: string, lang: string): string {
    if (path === `/${lang}/search`) return 'search';
    const rest = path.slice(lang.length + 2);
    if (/^\d{4}\/\d{2}\//.test(rest)) return 'article';
    const first = rest.split('/')[0];
    return path.startsWith(`/${lang}/`) ? (first ? `page:${first}` : 'home') : 'site';
  }

  function langOf(path: string): string {
    const first = path.split('/')[1] ?? '';
    return site.languages.includes(first) ? first : site.defaultLanguage;
  }

  async function handle(req: SiteRequest): Promise<SiteReply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { status: 405, headers: { allow: 'GET, HEAD', 'content-length': '0' }, body: null };
    }
    const hit = cache.peek(req.path);
    if (hit && req.query.size === 0) return serve(hit, req);
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return serve(errorPage(site.defaultLanguage, 404), req);
    }
    const lang = langOf(path);
    if (CONTROL.test(path)) return serve(errorPage(lang, 404), req);
    try {
      if (path === '/') return redirect(302, `/${site.defaultLanguage}/`);
      if (path === '/favicon.ico') return redirect(301, ICON_ASSET.path);
      const asset = assets.get(path);
      if (asset) return serve(asset, req);
      if (site.languages.includes(path.slice(1))) return redirect(301, `${path}/`);
      if (path === `/${lang}/search`) {
        const { q, page } = searchQuery(req);
        // The page version is in the key: a takedown or a correction changes pages, and a cached
        // answer must never list a story the site no longer shows.
        return await guard.run(req.address, `${cache.version} ${req.method} ${lang} ${page} ${q}`, () => searchPage(db, site, lang, req, searchLimits.timeoutMs));
      }
      const pageParam = req.query.get('page');
      if (pageParam && /^[1-9]\d{0,4}$/.test(pageParam) && !path.includes('/page/')) {
        return redirect(301, pageParam === '1' ? req.path : `${req.path.replace(/\/$/, '')}/page/${pageParam}`);
      }
      // A merged story's pages answer with the story it joined (a miss only: a merge makes them tombstones).
      const moved = await movedStory(db, site.languages, path);
      if (moved) return redirect(301, moved);
      const page = await cache.get(path);
      return serve(page ?? errorPage(lang, 404), req);
    } catch (err) {
      opts.log?.warn({ route: routeOf(path, lang), path, status: 500, error: (err as Error).message }, 'web: request failed');
      return serve(errorPage(lang, 500), req);
    }
  }

  async function fetchHandler(request: Request, info: { address?: string } = {}): Promise<Response> {
    const url = new URL(request.url);
    const reply = await handle({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      header: (name) => request.headers.get(name) ?? undefined,
      address: info.address,
    });
    return new Response(reply.body && reply.status !== 304 ? new Uint8Array(reply.body) : null, { status: reply.status, headers: reply.headers });
  }

  function handleCached(req: SiteRequest): SiteReply | null {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    if (req.query.size !== 0) return null;
    const hit = cache.peek(req.path);
    return hit ? serve(hit, req) : null;
  }

  return { start: () => cache.start(), handle, handleCached, fetch: fetchHandler, refresh: () => cache.refresh(), close: () => cache.close() };
}
