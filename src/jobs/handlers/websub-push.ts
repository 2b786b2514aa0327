import { PermanentError, errorMessage } from '../../domain/errors.ts';
import { decodeBody } from '../../fetch/index.ts';
import { parseFeed } from '../../feeds/index.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../store/db.ts';
import { getSource } from '../../store/sources.ts';
import { getWebSub } from '../../store/websub-subscriptions.ts';
import { ingestFeedItems } from '../ingest-feed.ts';
import type { WebSubPushPayload } from '../websub-route.ts';

/**
 * A verified push, taken from the durable queue: the hub's body is the feed (or its new part).
 * Parsed like a poll and stored with ingestFeedItems, items and their extract jobs in one
 * transaction. A body that does not parse is kept as a failed job, for a human to look at.
 */
export function createWebSubPushHandler(deps: { db: Db; log: Logger }) {
  const { db, log } = deps;
  return async function websubPush(payload: WebSubPushPayload): Promise<void> {
    const source = await getSource(db, payload.sourceId);
    if (!source) return;
    const topic = (await getWebSub(db, source.id))?.topic ?? source.url;
    const body = Buffer.from(payload.body, 'base64');
    let feed;
    try {
      const { text, warnings } = decodeBody(body, { contentType: payload.contentType, kind: 'xml' });
      feed = parseFeed(text, { url: topic, contentType: payload.contentType });
      feed.warnings.unshift(...warnings);
    } catch (err) {
      throw new PermanentError(`websub: push for source ${source.id} does not parse: ${errorMessage(err)}`, 'websub.bad_push', { cause: err });
    }
    const fresh = await db.transaction((tx) => ingestFeedItems(tx, source.id, feed));
    log.info({ source_id: source.id, items: feed.items.length, new_items: fresh }, 'websub push stored');
  };
}
