import type { Db } from './db.ts';
import { CARD_COLUMNS, CARD_FROM, type SiteCardRow } from './site-queries.ts';

export interface SearchRow extends SiteCardRow {
  snippet: string;
  total: number;
}

export interface SearchQuery {
  lang: string;
  text: string;
  limit: number;
  offset: number;
  startSel: string;
  stopSel: string;
  /** On a PostgreSQL server, the query is cancelled past this (SQLSTATE 57014). */
  timeoutMs?: number;
}

/**
 * Full text in the page's language (its snowball config, `simple` where none): websearch syntax,
 * so no input is a syntax error; ranked by cover density, newest first among equals. The
 * headline (it parses the whole text again) is made for the page's rows only, not every match.
 */
export async function searchLive(db: Db, q: SearchQuery): Promise<SearchRow[]> {
  const options = `StartSel="${q.startSel}", StopSel="${q.stopSel}", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  // Matches are found and ranked on `translations` alone, before any join: the embedded database
  // runs no autovacuum, so its statistics are those of an empty table and the planner would
  // otherwise walk every live publication of the language, one index lookup each (1,000 stories:
  // 170 ms even for a query that matches nothing; this way, a few milliseconds).
  const sql = `WITH q AS (SELECT websearch_to_tsquery(site_ts_config($1), $2) AS query),
     matches AS MATERIALIZED (
       SELECT t.id, ts_rank_cd(t.search_doc, q.query) AS rank FROM translations t, q
       WHERE t.lang = $1 AND t.search_doc @@ q.query),
     live AS MATERIALIZED (
       SELECT m.id, m.rank, p.published_at AS sort_at, count(*) OVER ()::int AS total
       FROM matches m JOIN publications p ON p.translation_id = m.id
       WHERE p.status = 'live' AND p.lang = $1
       ORDER BY m.rank DESC, p.published_at DESC
       LIMIT $3 OFFSET $4)
     SELECT ${CARD_COLUMNS}, live.total, live.rank, live.sort_at,
       ts_headline(site_ts_config($1), t.text, q.query, $5) AS snippet
     FROM live JOIN ${CARD_FROM} ON t.id = live.id, q
     ORDER BY live.rank DESC, live.sort_at DESC`;
  const params = [q.lang, q.text, q.limit, q.offset, options];
  // PGlite runs in the caller's thread and has no timer to cancel a statement with: there the
  // web tier bounds searches by how many run at once instead (src/web/search-guard.ts).
  if (!q.timeoutMs || db.kind !== 'postgres') return strip((await db.query<SearchRow & HitExtras>(sql, params)).rows);
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(q.timeoutMs!))}`);
    return strip((await tx.query<SearchRow & HitExtras>(sql, params)).rows);
  });
}

interface HitExtras { rank?: number; sort_at?: unknown }

function strip(rows: Array<SearchRow & HitExtras>): SearchRow[] {
  for (const r of rows) {
    delete r.rank;
    delete r.sort_at;
  }
  return rows;
}

/** A statement cancelled by its timeout (PostgreSQL's query_canceled). */
export function isStatementTimeout(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '57014';
}
