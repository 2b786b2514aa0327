import type { Db } from './db.ts';

/**
 * When a source's most recent items appeared, newest first: the input of adaptive polling.
 * The published date is the true rhythm (a first poll stores a whole backlog at one instant),
 * but only when it is plausible: a date after the moment we first saw the item is a feed
 * stamping its build time or a wrong clock, so then the first-seen time stands in.
 * Reads the newest rows by first-seen time (index items_source_recent, migration 012) only.
 */
export async function recentItemTimes(db: Db, sourceId: number, limit = 20): Promise<Date[]> {
  const { rows } = await db.query<{ t: Date }>(
    `SELECT t FROM (
       SELECT CASE WHEN published_at IS NOT NULL AND published_at <= created_at + interval '10 minutes'
                   THEN published_at ELSE created_at END AS t
         FROM items WHERE source_id = $1 ORDER BY created_at DESC LIMIT $2 * 5) recent
      ORDER BY t DESC LIMIT $2`,
    [sourceId, limit],
  );
  return rows.map((r) => new Date(r.t));
}
