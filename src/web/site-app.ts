import { ICON_ASSET } from '../publish/assets.ts';
import { renderError } from '../publish/render-static.ts';
import type { Db } from '../store/db.ts';
import { encodePageSync, toServed, type ServedPage } from './encode-page.ts';
import { PageCache, type PageCacheOptions } from './page-cache.ts';
import { searchPage } from './search-page.ts';
import type { SiteOptions } from './start-web-server.ts';
import { loadAssets } from './static-assets.ts';

/** A request as the site needs it: no body, any server (node:http, fetch Request). */
export interface SiteRequest {
  method: string;
  /** Path as received (percent-encoded). */
  path: string;
  query: URLSearchParams;
  header(name: string): string | undefined;
}

export interface SiteReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
  /** The same headers flattened (`[name, value, …]`), when precomputed. */
  flat?: string[];
}

export interface SiteApp {
  start(): Promise<void>;
  /** Answers a request. */
  handle(req: SiteRequest): Promise<SiteReply>;
  /** Answers at once from memory when it can (a cached page, no query string); else null. */
  handleCached(req: SiteRequest): SiteReply | null;
  /** In-memory entry point for tests: a standard Request in, a Response out. */
  fetch(req: Request): Promise<Response>;
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
  if ((inm && (inm === page.etag || inm === '*' || inm.split(/\s*,\s*/).includes(page.etag))) ||
      (!inm && ims && Date.parse(ims) >= page.lastModifiedMs)) {
    return { status: 304, headers: page.notModified, body: null };
  }
  const ae = req.header('accept-encoding') ?? '';
  const v = ae.includes('br') ? page.br : ae.includes('gzip') ? page.gzip : page.identity;
  return { status: page.status, headers: v.headers, flat: v.flat, body: req.method === 'HEAD' ? null : v.body };
}

export function createSiteApp(opts: { db: Db; site: SiteOptions; log?: (msg: string, fields?: object) => void; cache?: PageCacheOptions }): SiteApp {
  const { db, site } = opts;
  const cache = new PageCache(db, site, { log: opts.log, ...opts.cache });
  const assets = loadAssets();
  const errorPages = new Map<string, ServedPage>();

  function errorPage(lang: string, status: 404 | 500): ServedPage {
    const key = `${lang}:${status}`;
    let page = errorPages.get(key);
    if (!page) {
      const body = renderError(site, lang, status, `/${lang}/`);
      const enc = encodePageSync({ path: key, lang, kind: 'static', status, contentType: 'text/html; charset=utf-8', body, lastModified: new Date() });
      page = toServed({ ...enc, version: 0, rendered_at: new Date() });
      errorPages.set(key, page);
    }
    return page;
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
    try {
      if (path === '/') return redirect(302, `/${site.defaultLanguage}/`);
      if (path === '/favicon.ico') return redirect(301, ICON_ASSET.path);
      const asset = assets.get(path);
      if (asset) return serve(asset, req);
      if (site.languages.includes(path.slice(1))) return redirect(301, `${path}/`);
      if (path === `/${lang}/search`) return await searchPage(db, site, lang, req);
      const pageParam = req.query.get('page');
      if (pageParam && /^[1-9]\d{0,4}$/.test(pageParam) && !path.includes('/page/')) {
        return redirect(301, pageParam === '1' ? req.path : `${req.path.replace(/\/$/, '')}/page/${pageParam}`);
      }
      const page = await cache.get(path);
      return serve(page ?? errorPage(lang, 404), req);
    } catch (err) {
      opts.log?.('web: request failed', { path, error: (err as Error).message });
      return serve(errorPage(lang, 500), req);
    }
  }

  async function fetchHandler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const reply = await handle({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      header: (name) => request.headers.get(name) ?? undefined,
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
