import type { ParsedFeed } from '../domain/feed.ts';
import { normalizeUrl } from '../stories/index.ts';
import type { Db } from '../store/db.ts';
import { insertItemIfNew } from '../store/items.ts';
import { JobQueue } from './queue.ts';
import { hostKey } from '../store/host-limits.ts';

/**
 * Stores a feed's new items and queues their extraction, in `tx`. Used by polling and by WebSub
 * pushes alike. Items already known by guid or by normalized URL are skipped.
 */
export async function ingestFeedItems(tx: Db, sourceId: number, feed: ParsedFeed): Promise<number> {
  let count = 0;
  for (const entry of feed.items) {
    const url = entry.link;
    const item = await insertItemIfNew(tx, {
      sourceId,
      guid: entry.id,
      url,
      urlKey: url ? normalizeUrl(url) : null,
      title: entry.title,
      summary: entry.summary,
      publishedAt: entry.published,
      category: entry.categories[0] ?? null,
    });
    if (!item || !url) continue;
    await JobQueue.enqueue(tx, { kind: 'extract', key: `extract:item:${item.id}`, payload: { itemId: item.id }, priority: 50, host: hostKey(url) });
    count++;
  }
  return count;
}
