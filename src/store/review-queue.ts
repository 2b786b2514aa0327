import type { Db } from './db.ts';

/** Held, or published with a flag no editor has looked at: the partial index `translations_review_queue`. */
export const IN_REVIEW = `(t.status = 'held' OR (t.verdict = 'publish-flagged' AND t.status = 'published' AND t.reviewed_at IS NULL))`;

/** Counted up to this many: past it the queue says "1000+", and counting costs no more. */
export const COUNT_CAP = 1000;

export interface ReviewFilter {
  sourceId?: number;
  lang?: string;
  /** A fidelity check's name: `numbers`, `names`… */
  check?: string;
  /** Only translations older than this many hours (`minAgeHours`) or younger (`maxAgeHours`). */
  minAgeHours?: number;
  maxAgeHours?: number;
  /** Keyset paging, oldest first: the page after (or before) the translation with this id. */
  after?: number;
  before?: number;
  limit: number;
}

export interface ReviewQueueRow {
  id: number;
  article_id: number;
  lang: string;
  title: string;
  status: 'held' | 'published';
  verdict: string;
  engine: string;
  hold_reason: string | null;
  checks: string[];
  source_id: number;
  source_name: string;
  original_title: string;
  created_at: Date;
}

export interface ReviewPage {
  rows: ReviewQueueRow[];
  /** How many match, up to COUNT_CAP + 1 (more than the cap: "1000+"). */
  total: number;
  /** Whether there are rows before this page's first and after its last. */
  hasPrevious: boolean;
  hasNext: boolean;
}

function whereOf(f: ReviewFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const and: string[] = [IN_REVIEW];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.sourceId !== undefined) and.push(`a.source_id = ${p(f.sourceId)}`);
  if (f.lang) and.push(`t.lang = ${p(f.lang)}`);
  if (f.check) and.push(`(t.checks -> 'findings') @> ${p(JSON.stringify([{ check: f.check }]))}::jsonb`);
  if (f.minAgeHours !== undefined) and.push(`t.created_at <= now() - make_interval(hours => ${p(f.minAgeHours)}::int)`);
  if (f.maxAgeHours !== undefined) and.push(`t.created_at > now() - make_interval(hours => ${p(f.maxAgeHours)}::int)`);
  return { sql: and.join(' AND '), params };
}

/**
 * One page of the queue, oldest first, and how many match (capped). Paged by key, not by
 * offset: the thousandth page costs what the first does.
 */
export async function listReviewQueue(db: Db, f: ReviewFilter): Promise<ReviewPage> {
  const w = whereOf(f);
  const join = f.sourceId !== undefined ? 'JOIN articles a ON a.id = t.article_id' : '';
  const backwards = f.before !== undefined && f.after === undefined;
  const key = f.after ?? f.before;
  const params = [...w.params];
  const keyed = key === undefined ? '' : ` AND (t.created_at, t.id) ${backwards ? '<' : '>'} (SELECT created_at, id FROM translations WHERE id = $${params.push(key)})`;
  const [page, count] = await Promise.all([
    // The page's ids first, off the index; the columns (and the findings' names) only for those.
    db.query<ReviewQueueRow>(
      `WITH page AS (SELECT t.id FROM translations t ${join} WHERE ${w.sql}${keyed}
                      ORDER BY t.created_at ${backwards ? 'DESC' : ''}, t.id ${backwards ? 'DESC' : ''} LIMIT ${f.limit + 1})
       SELECT t.id, t.article_id, t.lang, t.title, t.status, t.verdict, t.engine, t.hold_reason, t.created_at,
         coalesce((SELECT array_agg(DISTINCT f ->> 'check') FROM jsonb_array_elements(t.checks -> 'findings') f
                    WHERE f ->> 'severity' IN ('warning', 'error')), '{}') AS checks,
         a.source_id, coalesce(s.name, s.title, s.url) AS source_name, a.title AS original_title
       FROM page JOIN translations t ON t.id = page.id JOIN articles a ON a.id = t.article_id JOIN sources s ON s.id = a.source_id
       ORDER BY t.created_at, t.id`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM translations t ${join} WHERE ${w.sql} LIMIT ${COUNT_CAP + 1}) x`, w.params),
  ]);
  const more = page.rows.length > f.limit;
  const rows = backwards ? page.rows.slice(more ? 1 : 0) : page.rows.slice(0, f.limit);
  return {
    rows,
    total: count.rows[0]!.n,
    hasPrevious: backwards ? more : key !== undefined,
    hasNext: backwards ? true : more,
  };
}

/** The sources, for the filter's menu (a hundred at most in a newsroom: cheaper than asking which have queued work). */
export async function reviewQueueSources(db: Db): Promise<Array<{ id: number; name: string }>> {
  return (await db.query<{ id: number; name: string }>(`SELECT id, coalesce(name, title, url) AS name FROM sources ORDER BY 2`)).rows;
}
