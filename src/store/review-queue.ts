import type { Db } from './db.ts';

/** Held, or published with a flag no editor has looked at: the partial index `translations_review_queue`. */
export const IN_REVIEW = `(t.status = 'held' OR (t.verdict = 'publish-flagged' AND t.status = 'published' AND t.reviewed_at IS NULL))`;

export interface ReviewFilter {
  sourceId?: number;
  lang?: string;
  /** A fidelity check's name: `numbers`, `names`… */
  check?: string;
  /** Only translations older than this many hours (`minAgeHours`) or younger (`maxAgeHours`). */
  minAgeHours?: number;
  maxAgeHours?: number;
  limit: number;
  offset: number;
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

/** One page of the queue, oldest first, and how many match in all. */
export async function listReviewQueue(db: Db, f: ReviewFilter): Promise<{ rows: ReviewQueueRow[]; total: number }> {
  const w = whereOf(f);
  const needsArticle = f.sourceId !== undefined;
  const [page, count] = await Promise.all([
    db.query<ReviewQueueRow>(
      `SELECT t.id, t.article_id, t.lang, t.title, t.status, t.verdict, t.engine, t.hold_reason, t.created_at,
         coalesce((SELECT array_agg(DISTINCT f ->> 'check') FROM jsonb_array_elements(t.checks -> 'findings') f
                    WHERE f ->> 'severity' IN ('warning', 'error')), '{}') AS checks,
         a.source_id, coalesce(s.name, s.title, s.url) AS source_name, a.title AS original_title
       FROM translations t JOIN articles a ON a.id = t.article_id JOIN sources s ON s.id = a.source_id
       WHERE ${w.sql} ORDER BY t.created_at, t.id LIMIT ${f.limit} OFFSET ${f.offset}`,
      w.params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM translations t ${needsArticle ? 'JOIN articles a ON a.id = t.article_id' : ''} WHERE ${w.sql}`,
      w.params,
    ),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}

/** The sources, for the filter's menu (a hundred at most in a newsroom: cheaper than asking which have queued work). */
export async function reviewQueueSources(db: Db): Promise<Array<{ id: number; name: string }>> {
  return (await db.query<{ id: number; name: string }>(`SELECT id, coalesce(name, title, url) AS name FROM sources ORDER BY 2`)).rows;
}
