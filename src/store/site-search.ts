import type { Db } from './db.ts';
import { CARD_COLUMNS, CARD_FROM, type SiteCardRow } from './site-queries.ts';

export interface SearchRow extends SiteCardRow {
  snippet: string;
  total: number;
}

/**
 * Full text in the page's language (its snowball config, `simple` where none): websearch syntax,
 * so no input is a syntax error; ranked by cover density, newest first among equals.
 */
export async function searchLive(db: Db, q: { lang: string; text: string; limit: number; offset: number; startSel: string; stopSel: string }): Promise<SearchRow[]> {
  const options = `StartSel="${q.startSel}", StopSel="${q.stopSel}", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const { rows } = await db.query<SearchRow>(
    `WITH q AS (SELECT websearch_to_tsquery(site_ts_config($1), $2) AS query)
     SELECT ${CARD_COLUMNS}, ts_headline(site_ts_config($1), t.text, q.query, $5) AS snippet,
       count(*) OVER ()::int AS total
     FROM ${CARD_FROM}, q
     WHERE p.status = 'live' AND p.lang = $1 AND t.search_doc @@ q.query
     ORDER BY ts_rank_cd(t.search_doc, q.query) DESC, p.published_at DESC
     LIMIT $3 OFFSET $4`,
    [q.lang, q.text, q.limit, q.offset, options],
  );
  return rows;
}
