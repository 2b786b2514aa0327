import { errorMessage, ThrottledError } from '../../domain/errors.ts';
import type { HttpClient } from '../../fetch/index.ts';
import { decodeBody } from '../../fetch/index.ts';
import { parseFeed } from '../../feeds/index.ts';
import type { Db } from '../../store/db.ts';
import { acquireHostSlot } from '../../store/host-limits.ts';
import { getSource, recordFetch, type SourceRow } from '../../store/sources.ts';
import type { Logger } from '../../logger.ts';
import { ingestFeedItems } from '../ingest-feed.ts';
import { backoffMs } from '../retry-policy.ts';

export interface PollDeps {
  db: Db;
  http: HttpClient;
  robots: { isAllowed(url: string): Promise<boolean> };
  log: Logger;
  poll: { minSeconds: number; maxSeconds: number };
  perHost: { concurrency: number; minIntervalMs: number };
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

function later(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}

/** A failing source is never dropped: it is tried again, later each time, up to the poll maximum. */
function retryAt(source: SourceRow, poll: PollDeps['poll'], hinted: Date | null): Date {
  const backoff = Math.min(backoffMs(source.error_count + 1, poll.minSeconds * 1000), poll.maxSeconds * 1000);
  return hinted && hinted.getTime() > Date.now() ? hinted : new Date(Date.now() + backoff);
}

/** Polls one source: fetch (conditional), parse, store new items and queue their extraction. */
export function createPollSourceHandler(deps: PollDeps) {
  const { db, http, log, poll } = deps;
  return async function pollSource(payload: { sourceId: number }): Promise<void> {
    const source = await getSource(db, payload.sourceId);
    if (!source || !source.enabled) return;
    const fail = async (error: string, hinted: Date | null = null) => {
      log.warn({ source_id: source.id, err: error }, 'poll failed');
      await recordFetch(db, source.id, { ok: false, error, nextFetchAt: retryAt(source, poll, hinted) });
    };

    if (!(await deps.robots.isAllowed(source.url))) return fail('robots.txt disallows this URL');
    const host = new URL(source.url).host;
    const slot = await acquireHostSlot(db, host, deps.perHost);
    if ('waitMs' in slot) throw new ThrottledError(`poll: host ${host} is busy`, 'fetch.host_limit', new Date(Date.now() + slot.waitMs));

    let res;
    try {
      res = await http.get(source.url, { etag: source.etag, lastModified: source.last_modified, accept: FEED_ACCEPT });
    } catch (err) {
      return fail(errorMessage(err));
    } finally {
      await slot.release();
    }
    if (res.notModified) {
      await recordFetch(db, source.id, { ok: true, nextFetchAt: later(poll.minSeconds) });
      return;
    }
    if (res.status >= 400) return fail(`fetch: HTTP ${res.status} from ${res.url}`, res.retryAfter);

    let feed;
    try {
      const { text, warnings } = decodeBody(res.body, { contentType: res.headers['content-type'] ?? null, kind: 'xml' });
      feed = parseFeed(text, { url: res.url, contentType: res.headers['content-type'] ?? null });
      feed.warnings.unshift(...warnings);
    } catch (err) {
      return fail(errorMessage(err));
    }

    const fresh = await db.transaction(async (tx) => {
      const count = await ingestFeedItems(tx, source.id, feed);
      await recordFetch(tx, source.id, {
        ok: true,
        etag: res.etag,
        lastModified: res.lastModified,
        warnings: feed.warnings.slice(0, 50),
        nextFetchAt: later(feed.ttlMinutes ? Math.min(Math.max(feed.ttlMinutes * 60, poll.minSeconds), poll.maxSeconds) : poll.minSeconds),
        title: feed.title,
        siteUrl: feed.link,
      });
      return count;
    });
    log.info({ source_id: source.id, items: feed.items.length, new_items: fresh }, 'polled');
  };
}
