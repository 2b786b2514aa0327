/**
 * What must hold after the faults, read from the database (the rows are the truth, the jobs
 * only wake workers): every item ends published, held with a reason, or failed with its error;
 * none is published twice; no job stays leased past its lease.
 */
import type { Db } from '../../src/store/db.ts';

export interface ItemOutcomes {
  items: number;
  published: number;
  held: number;
  failed: number;
  /** Skipped as the duplicate of another article, with that reason. */
  skipped: number;
  /** Still waiting for a queued or running job. */
  pending: number;
  /** Neither finished nor waiting for any job: nothing will ever move them. */
  lost: number;
  /** Items a feed showed that never reached the items table (failing sources left out). */
  notIngested: number;
  examples: string[];
}

interface ItemRow {
  id: number;
  guid: string;
  status: string;
  error: string | null;
  article_id: number | null;
  t_status: string | null;
  hold_reason: string | null;
  t_error: string | null;
  live: number;
  waiting: boolean;
}

export async function itemOutcomes(db: Db, lang: string, shown: Set<string>): Promise<ItemOutcomes> {
  const { rows } = await db.query<ItemRow>(
    `SELECT i.id, i.guid, i.status, i.error, a.id AS article_id, t.status AS t_status, t.hold_reason,
            a.translation_errors->>$1 AS t_error,
            (SELECT count(*)::int FROM publications p WHERE p.translation_id = t.id AND p.status = 'live') AS live,
            EXISTS (SELECT 1 FROM jobs j WHERE j.state IN ('queued', 'running')
                       AND j.key IN ('extract:item:' || i.id, 'translate:article:' || a.id || ':' || $1)) AS waiting
       FROM items i LEFT JOIN articles a ON a.item_id = i.id
                    LEFT JOIN translations t ON t.article_id = a.id AND t.lang = $1`,
    [lang],
  );
  const out: ItemOutcomes = { items: rows.length, published: 0, held: 0, failed: 0, skipped: 0, pending: 0, lost: 0, notIngested: 0, examples: [] };
  for (const r of rows) {
    if (r.t_status === 'published' && r.live === 1) out.published++;
    else if (r.t_status === 'held' && r.hold_reason) out.held++;
    else if (r.status === 'failed' && r.error) out.failed++;
    else if (r.status === 'skipped' && r.error) out.skipped++;
    else if (r.article_id !== null && r.t_status === null && r.t_error && !r.waiting) out.failed++;
    else if (r.waiting) out.pending++;
    else {
      out.lost++;
      if (out.examples.length < 5) out.examples.push(`item ${r.id} (${r.guid}): status ${r.status}, translation ${r.t_status ?? 'none'}, live ${r.live}`);
    }
  }
  const known = new Set(rows.map((r) => r.guid));
  for (const guid of shown) {
    if (known.has(guid)) continue;
    out.notIngested++;
    if (out.examples.length < 5) out.examples.push(`${guid} shown by its feed, not in items`);
  }
  return out;
}

export interface Duplicates {
  /** One source item with two live publications in a language. */
  itemsPublishedTwice: number;
  /** Two publications on one path (the schema forbids it; checked anyway). */
  pathsTwice: number;
  /** One item stored twice (same source and guid). */
  itemsTwice: number;
}

export async function duplicates(db: Db): Promise<Duplicates> {
  const one = async (sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) d`)).rows[0]!.n;
  return {
    itemsPublishedTwice: await one(
      `SELECT i.source_id, i.guid, p.lang FROM publications p JOIN articles a ON a.id = p.article_id JOIN items i ON i.id = a.item_id
        WHERE p.status = 'live' GROUP BY i.source_id, i.guid, p.lang HAVING count(*) > 1`,
    ),
    pathsTwice: await one(`SELECT path FROM publications GROUP BY path HAVING count(*) > 1`),
    itemsTwice: await one(`SELECT source_id, guid FROM items GROUP BY source_id, guid HAVING count(*) > 1`),
  };
}

export interface Leases {
  /** Running past its lease by more than `graceSeconds`: nobody took it back. */
  leasedForever: number;
  /** Failed jobs without an error to say why. */
  failedWithoutError: number;
  /** Jobs that ran more than once (retried after an error, or taken back after a lease expired). */
  ranMoreThanOnce: number;
  failedJobs: number;
  byState: Record<string, number>;
}

export async function leases(db: Db, graceSeconds: number): Promise<Leases> {
  const n = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
  const { rows } = await db.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM jobs GROUP BY state`);
  return {
    leasedForever: await n(`SELECT count(*)::int AS n FROM jobs WHERE state = 'running' AND lease_until < now() - make_interval(secs => $1)`, [graceSeconds]),
    failedWithoutError: await n(`SELECT count(*)::int AS n FROM jobs WHERE state = 'failed' AND coalesce(last_error, '') = ''`),
    ranMoreThanOnce: await n(`SELECT count(*)::int AS n FROM jobs WHERE attempts > 1`),
    failedJobs: await n(`SELECT count(*)::int AS n FROM jobs WHERE state = 'failed'`),
    byState: Object.fromEntries(rows.map((r) => [r.state, r.n])),
  };
}

/** Live publications: the progress counter of every part. */
export async function publishedCount(db: Db): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM publications WHERE status = 'live'`)).rows[0]!.n;
}
