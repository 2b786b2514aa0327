import { highlight, MARK_START, MARK_STOP, renderSearch } from '../publish/render-search.ts';
import type { Db } from '../store/db.ts';
import { isStatementTimeout, searchLive } from '../store/site-search.ts';
import { listTopics } from '../store/site-queries.ts';
import { securityHeaders, siteHeaders } from './encode-page.ts';
import { SEARCH_BUSY } from './search-guard.ts';
import { toCard, toNamed } from './site-views.ts';
import type { SiteOptions, SiteReply, SiteRequest } from './web-types.ts';

const PAGE_SIZE = 10;
/** How long the topic list beside results is reused: the page's own max-age. */
const TOPICS_MS = 60_000;

type Topics = Awaited<ReturnType<typeof listTopics>>;
const topicsByDb = new WeakMap<Db, Map<string, { rows: Topics; until: number }>>();

/**
 * The topics of a language, counted over every live story: the same for every query and, on
 * the embedded database, costlier than the search itself (15 ms of 1,000 stories on this
 * thread), so counted once a minute, not once a search.
 */
async function topicsOf(db: Db, lang: string): Promise<Topics> {
  let byLang = topicsByDb.get(db);
  if (!byLang) topicsByDb.set(db, (byLang = new Map()));
  const held = byLang.get(lang);
  if (held && held.until > Date.now()) return held.rows;
  const rows = await listTopics(db, lang);
  byLang.set(lang, { rows, until: Date.now() + TOPICS_MS });
  return rows;
}

/** The query as searched: the same text and page make the same key (the guard's cache). */
export function searchQuery(req: SiteRequest): { q: string; page: number } {
  // Control characters and overlong input are cut, not rejected: the page must answer anything.
  const q = (req.query.get('q') ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const pageParam = Number(req.query.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 100 ? pageParam : 1;
  return { q, page };
}

/**
 * `/{lang}/search?q=`: rendered per request (queries are too many to keep), never an error for odd
 * input; a query that runs past `timeoutMs` on a PostgreSQL server is answered "busy" (503).
 */
export async function searchPage(db: Db, site: SiteOptions, lang: string, req: SiteRequest, timeoutMs?: number): Promise<SiteReply> {
  const { q, page } = searchQuery(req);
  const extra = siteHeaders(site);
  let rows: Awaited<ReturnType<typeof searchLive>>;
  let topics: Topics;
  try {
    [rows, topics] = await Promise.all([
      q ? searchLive(db, { lang, text: q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, startSel: MARK_START, stopSel: MARK_STOP, timeoutMs }) : Promise.resolve([]),
      topicsOf(db, lang),
    ]);
  } catch (err) {
    if (isStatementTimeout(err)) return { ...SEARCH_BUSY(), headers: { ...SEARCH_BUSY().headers, ...extra } };
    throw err;
  }
  const cards = rows.map((r) => ({ ...toCard(r), snippet: highlight(r.snippet) }));
  const html = renderSearch(site, { lang, query: q, cards, total: rows[0]?.total ?? 0, page, pageSize: PAGE_SIZE, topics: toNamed(topics) });
  const body = Buffer.from(html, 'utf8');
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(body.length),
      'cache-control': 'public, max-age=60',
      'content-language': lang,
      ...securityHeaders('text/html'),
      ...extra,
    },
    body: req.method === 'HEAD' ? null : body,
  };
}
