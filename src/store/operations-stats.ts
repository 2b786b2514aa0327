import type { Db } from './db.ts';

/** One stage of the pipeline counted by the hour over the last day (index 0: this hour, 23: a day ago). */
export interface StageActivity {
  stage: 'fetched' | 'extracted' | 'translated' | 'published' | 'held' | 'failed';
  lastHour: number;
  lastDay: number;
  hourly: number[];
}

/** Where each stage leaves its mark, and when: the rows are the truth (done jobs are pruned after a day). */
const STAGES: Array<[StageActivity['stage'], string]> = [
  ['fetched', `SELECT created_at AS at FROM items WHERE created_at > now() - interval '1 day'`],
  ['extracted', `SELECT created_at AS at FROM articles WHERE created_at > now() - interval '1 day'`],
  ['translated', `SELECT created_at AS at FROM translations WHERE created_at > now() - interval '1 day'`],
  ['published', `SELECT published_at AS at FROM publications WHERE published_at > now() - interval '1 day'`],
  // Held for review: translations the gate held, and source updates whose re-translation it held
  // (the earlier translation stays live): both wait in the review queue, one count.
  ['held', `SELECT created_at AS at FROM translations WHERE status = 'held' AND created_at > now() - interval '1 day'
            UNION ALL SELECT created_at FROM article_update_translations WHERE outcome = 'held' AND created_at > now() - interval '1 day'`],
  ['failed', `SELECT finished_at AS at FROM jobs WHERE state = 'failed' AND finished_at > now() - interval '1 day'`],
];

/** Stories through each stage in the last hour and day, by the hour: one query. */
export async function stageActivity(db: Db): Promise<StageActivity[]> {
  const sql = STAGES.map(([stage, from]) =>
    `SELECT '${stage}' AS stage, LEAST(23, floor(EXTRACT(EPOCH FROM now() - at) / 3600))::int AS ago, count(*)::int AS n FROM (${from}) s GROUP BY 2`).join(' UNION ALL ');
  const { rows } = await db.query<{ stage: StageActivity['stage']; ago: number; n: number }>(sql);
  return STAGES.map(([stage]) => {
    const hourly = new Array<number>(24).fill(0);
    for (const r of rows) if (r.stage === stage) hourly[Math.max(0, r.ago)]! += r.n;
    return { stage, lastHour: hourly[0]!, lastDay: hourly.reduce((a, b) => a + b, 0), hourly };
  });
}

export interface QueueKind {
  kind: string;
  queued: number;
  running: number;
  /** Seconds the oldest job ready to run has waited; null when none is ready. */
  oldest_s: number | null;
}

export async function queueByKind(db: Db): Promise<QueueKind[]> {
  const { rows } = await db.query<QueueKind>(
    `SELECT kind, count(*) FILTER (WHERE state = 'queued')::int AS queued, count(*) FILTER (WHERE state = 'running')::int AS running,
            EXTRACT(EPOCH FROM now() - min(run_at) FILTER (WHERE state = 'queued' AND run_at <= now()))::float8 AS oldest_s
       FROM jobs WHERE state IN ('queued', 'running') GROUP BY kind ORDER BY kind`,
  );
  return rows;
}

export interface FailingSource {
  id: number;
  name: string | null;
  url: string;
  last_error: string | null;
  error_count: number;
  last_fetch_at: Date | null;
  next_fetch_at: Date;
}

export async function failingSources(db: Db, limit = 20): Promise<FailingSource[]> {
  const { rows } = await db.query<FailingSource>(
    `SELECT id, COALESCE(name, title) AS name, url, last_error, error_count, last_fetch_at, next_fetch_at
       FROM sources WHERE enabled AND status = 'failing' ORDER BY error_count DESC, id LIMIT $1`,
    [limit],
  );
  return rows;
}

export interface Freshness {
  /** Publications in the last day with a source time. */
  n: number;
  p50_s: number | null;
  p95_s: number | null;
}

/** Source published → our page live, over the last day's publications (a source clock ahead of ours counts as 0). */
export async function freshness(db: Db): Promise<Freshness> {
  const { rows } = await db.query<Freshness>(
    `SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY d)::float8 AS p50_s,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY d)::float8 AS p95_s
       FROM (SELECT GREATEST(0, EXTRACT(EPOCH FROM p.published_at - a.published_at)) AS d
               FROM publications p JOIN articles a ON a.id = p.article_id
              WHERE p.published_at > now() - interval '1 day' AND a.published_at IS NOT NULL) s`,
  );
  return rows[0] ?? { n: 0, p50_s: null, p95_s: null };
}

export interface EngineUsage {
  /** The engine route as translations record it (`apertium`, `apertium>deepl`); `unknown` for runs booked without one. */
  engine: string;
  /** Engine runs: translations, retranslations, source updates, placement heads, section names. */
  runs: number;
  characters: number;
  money: number | null;
}

/**
 * Characters and money spent per engine route since midnight UTC (the budgets' day), from the cost
 * ledger: each run counted on the day it ran, under the route that ran it.
 */
export async function engineUsageToday(db: Db): Promise<EngineUsage[]> {
  const { rows } = await db.query<EngineUsage>(
    `SELECT COALESCE(engine, 'unknown') AS engine, count(*)::int AS runs, COALESCE(sum(characters), 0)::float8 AS characters,
            sum(money)::float8 AS money
       FROM engine_spend WHERE at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
      GROUP BY 1 ORDER BY 1`,
  );
  return rows;
}

export interface SourceListRow {
  id: number;
  url: string;
  name: string | null;
  title: string | null;
  lang: string | null;
  category: string | null;
  kind: string;
  enabled: boolean;
  status: string;
  last_fetch_at: Date | null;
  next_fetch_at: Date;
  error_count: number;
  last_error: string | null;
  warnings: string[];
  items_day: number;
}

/** Every source with its items of the last day: one pass over the day's items (index items_created), not a probe per source. */
export async function listSourcesWithCounts(db: Db): Promise<SourceListRow[]> {
  const { rows } = await db.query<SourceListRow>(
    `SELECT s.id, s.url, s.name, s.title, s.lang, s.category, s.kind, s.enabled, s.status, s.last_fetch_at, s.next_fetch_at,
            s.error_count, s.last_error, s.warnings, COALESCE(d.n, 0)::int AS items_day
       FROM sources s
       LEFT JOIN (SELECT source_id, count(*) AS n FROM items WHERE created_at > now() - interval '1 day' GROUP BY source_id) d ON d.source_id = s.id
      ORDER BY lower(COALESCE(s.name, s.title, s.url)), s.id`,
  );
  return rows;
}
