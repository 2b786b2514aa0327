import { highlight, MARK_START, MARK_STOP, renderSearch } from '../publish/render-search.ts';
import type { Db } from '../store/db.ts';
import { searchLive } from '../store/site-search.ts';
import { listTopics } from '../store/site-queries.ts';
import { securityHeaders } from './encode-page.ts';
import type { SiteReply, SiteRequest } from './site-app.ts';
import type { SiteOptions } from './start-web-server.ts';
import { toCard, toNamed } from './site-views.ts';

const PAGE_SIZE = 10;

/** `/{lang}/search?q=`: rendered per request (queries are too many to keep), never an error for odd input. */
export async function searchPage(db: Db, site: SiteOptions, lang: string, req: SiteRequest): Promise<SiteReply> {
  // Control characters and overlong input are cut, not rejected: the page must answer anything.
  const q = (req.query.get('q') ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const pageParam = Number(req.query.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 100 ? pageParam : 1;
  const [rows, topics] = await Promise.all([
    q ? searchLive(db, { lang, text: q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, startSel: MARK_START, stopSel: MARK_STOP }) : Promise.resolve([]),
    listTopics(db, lang),
  ]);
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
    },
    body: req.method === 'HEAD' ? null : body,
  };
}
