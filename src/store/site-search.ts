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
 * so no input is a syntax error; ranked by cover density, newest first among equals.
 *
 * Written so that the plan does not depend on statistics: the embedded database runs no
 * autovacuum, its tables look empty to the planner, and two plans it chose from that cost
 * ~60 ms for a query matching 250 of 1,000 stories (and grew with the square of the site):
 * every match's publication looked up by walking all of the language's publications (the
 * `lang = $1` index looked as good as the unique one), and matches found by reading every
 * translation of the language through the (article_id, lang) index instead of the GIN index.
 * So: the language is compared in a form no btree index serves (the GIN index or a scan
 * decides), and the publication is looked up by `translation_id` alone, inside a LIMIT the
 * planner cannot flatten away; status and language are checked after.
 */
function searchSql(headline: boolean): string {
  return `WITH q AS MATERIALIZED (SELECT websearch_to_tsquery(site_ts_config($1), $2) AS query),
     matches AS MATERIALIZED (
       SELECT t.id, ts_rank_cd(t.search_doc, q.query) AS rank FROM translations t, q
       WHERE t.search_doc @@ websearch_to_tsquery(site_ts_config($1), $2) AND (t.lang || '') = $1),
     live AS MATERIALIZED (
       SELECT m.id, m.rank, p.published_at AS sort_at, count(*) OVER ()::int AS total
       FROM matches m CROSS JOIN LATERAL (
         SELECT p.published_at, p.status, p.lang FROM publications p WHERE p.translation_id = m.id LIMIT 1) p
       WHERE p.status = 'live' AND p.lang = $1
       ORDER BY m.rank DESC, p.published_at DESC
       LIMIT $3 OFFSET $4)
     SELECT ${CARD_COLUMNS}, live.total, live.rank, live.sort_at, t.id AS translation_id,
       ${headline ? 'ts_headline(site_ts_config($1), t.text, q.query, $5)' : '$5::text'} AS snippet
     FROM live JOIN ${CARD_FROM} ON t.id = live.id, q
     ORDER BY live.rank DESC, live.sort_at DESC`;
}

const HEADLINE_SQL = `SELECT ts_headline(site_ts_config($1), t.text, websearch_to_tsquery(site_ts_config($1), $2), $3) AS snippet
  FROM translations t WHERE t.id = $4`;

/** Lets queued I/O (a page, a health probe) run before the next statement takes the thread. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function searchLive(db: Db, q: SearchQuery): Promise<SearchRow[]> {
  const options = `StartSel="${q.startSel}", StopSel="${q.stopSel}", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  if (db.kind === 'pglite') {
    // The embedded database runs each statement on this process's only thread. The snippets (a
    // headline parses a whole story again) are made one statement each, with I/O let in
    // between: the longest a page or a probe waits behind search is one short statement.
    const rows = await db.query<SearchRow & HitExtras>(searchSql(false), [q.lang, q.text, q.limit, q.offset, '']);
    for (const row of rows.rows) {
      await yieldToIo();
      row.snippet = (await db.query<{ snippet: string }>(HEADLINE_SQL, [q.lang, q.text, options, row.translation_id])).rows[0]?.snippet ?? '';
    }
    return strip(rows.rows);
  }
  const sql = searchSql(true);
  const params = [q.lang, q.text, q.limit, q.offset, options];
  if (!q.timeoutMs) return strip((await db.query<SearchRow & HitExtras>(sql, params)).rows);
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(q.timeoutMs!))}`);
    return strip((await tx.query<SearchRow & HitExtras>(sql, params)).rows);
  });
}

interface HitExtras { rank?: number; sort_at?: unknown; translation_id?: number }

function strip(rows: Array<SearchRow & HitExtras>): SearchRow[] {
  for (const r of rows) {
    delete r.rank;
    delete r.sort_at;
    delete r.translation_id;
  }
  return rows;
}

/** A statement cancelled by its timeout (PostgreSQL's query_canceled). */
export function isStatementTimeout(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '57014';
}
