import type { ParsedFeed } from '../../domain/feed.ts';
import { errorMessage, ThrottledError } from '../../domain/errors.ts';
import type { FetchResult, HttpClient } from '../../fetch/index.ts';
import { decodeBody, FetchAbortedError, nextPollDelay } from '../../fetch/index.ts';
import { parseFeed } from '../../feeds/index.ts';
import { parseDate } from '../../shared/dates.ts';
import type { Db } from '../../store/db.ts';
import { acquireHostSlot } from '../../store/host-limits.ts';
import { recentItemTimes } from '../../store/source-rhythm.ts';
import { getSource, recordFetch, type SourceRow } from '../../store/sources.ts';
import { getWebSub } from '../../store/websub-subscriptions.ts';
import type { Logger } from '../../logger.ts';
import { ingestFeedItems } from '../ingest-feed.ts';
import { fetchesTotal, itemsTotal } from '../../metrics/registry.ts';
import { planWebSub, webSubActive } from '../websub-plan.ts';

export interface PollDeps {
  db: Db;
  http: HttpClient;
  robots: { isAllowed(url: string): Promise<boolean> };
  log: Logger;
  poll: { minSeconds: number; maxSeconds: number };
  perHost: { concurrency: number; minIntervalMs: number };
  /** The site's public base URL, for WebSub callbacks; without it no subscription is made. */
  websub?: { callbackBase: string } | null;
  /** Child sitemaps read per poll of a sitemap index, newest first. */
  maxSitemaps?: number;
  /** How long a child sitemap may wait for its host's slot before it is left for the next poll. */
  sitemapWaitMs?: number;
  /** Sitemap URLs dated (lastmod, news date) older than this are archive, not news: not stored. */
  sitemapMaxAgeDays?: number;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

const after = (ms: number): Date => new Date(Date.now() + ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls one source: fetch (conditional), parse, store new items and queue their extraction. */
export function createPollSourceHandler(deps: PollDeps) {
  const { db, http, log, poll } = deps;
  const bounds = { minMs: poll.minSeconds * 1000, maxMs: poll.maxSeconds * 1000 };

  /**
   * The next poll from the source's rhythm, ttl and Cache-Control, within config bounds. A source
   * with a live WebSub subscription gets the slow backup poll only: pushes carry its news.
   */
  async function nextFetchAt(tx: Db, source: SourceRow, ttlMinutes: number | null, res: FetchResult): Promise<Date> {
    if (webSubActive(await getWebSub(tx, source.id))) return after(bounds.maxMs);
    const decision = nextPollDelay({
      now: new Date(),
      itemTimes: await recentItemTimes(tx, source.id),
      ...bounds,
      ttlMinutes,
      cacheControl: res.headers['cache-control'] ?? null,
      retryAfter: res.retryAfter,
    });
    return after(decision.delayMs);
  }

  return async function pollSource(payload: { sourceId: number }): Promise<void> {
    const source = await getSource(db, payload.sourceId);
    if (!source || !source.enabled) return;
    // A failing source is never dropped: retried with backoff up to the poll maximum, forever,
    // its error and next attempt visible on the source.
    const fail = async (error: string, retryAfter: Date | null = null) => {
      const { delayMs } = nextPollDelay({ now: new Date(), itemTimes: [], ...bounds, errorCount: source.error_count + 1, retryAfter });
      log.warn({ source_id: source.id, err: error, retry_in_ms: delayMs }, 'poll failed');
      fetchesTotal.inc({ outcome: 'failed' });
      await recordFetch(db, source.id, { ok: false, error, nextFetchAt: after(delayMs) });
    };

    if (!(await deps.robots.isAllowed(source.url))) return fail('robots.txt disallows this URL');
    const host = new URL(source.url).host;
    const slot = await acquireHostSlot(db, host, deps.perHost);
    if ('waitMs' in slot) throw new ThrottledError(`poll: host ${host} is busy`, 'fetch.host_limit', new Date(Date.now() + slot.waitMs));

    let res: FetchResult;
    try {
      res = await http.get(source.url, { etag: source.etag, lastModified: source.last_modified, accept: FEED_ACCEPT });
    } catch (err) {
      // Shutting down is not the source's failure: the job goes back to the queue.
      if (err instanceof FetchAbortedError) throw err;
      return fail(errorMessage(err));
    } finally {
      await slot.release();
    }
    if (res.notModified) {
      const next = await nextFetchAt(db, source, null, res);
      await recordFetch(db, source.id, { ok: true, nextFetchAt: next });
      fetchesTotal.inc({ outcome: 'not_modified' });
      return;
    }
    if (res.status >= 400) return fail(`fetch: HTTP ${res.status} from ${res.url}`, res.retryAfter);

    let feed: ParsedFeed;
    try {
      feed = parseBody(res);
    } catch (err) {
      return fail(errorMessage(err));
    }
    // Items, but not one with a link or content: nothing could be read, and the title came from the
    // wreck ("The Northbridge Gazette &"). A failure, with every warning, where `source list` shows it.
    if (feed.items.length > 0 && !feed.items.some((i) => i.link || i.contentHtml)) return fail(`feed: nothing readable in it: ${feed.warnings.join('; ') || 'no item has a link or content'}`);
    // An index often stays byte-identical while its children change: fetch it unconditionally.
    const isIndex = feed.kind === 'sitemapindex';
    if (isIndex) feed = await readSitemapIndex(source, res, feed);
    if (feed.kind === 'sitemap' || feed.kind === 'sitemapindex') feed = dropArchive(feed, deps.sitemapMaxAgeDays ?? 7);

    const fresh = await db.transaction(async (tx) => {
      const count = await ingestFeedItems(tx, source.id, feed);
      if (deps.websub) await planWebSub(tx, source.id, feed, res.headers.link, source.url, deps.websub.callbackBase);
      await recordFetch(tx, source.id, {
        ok: true,
        etag: isIndex ? null : res.etag,
        lastModified: isIndex ? null : res.lastModified,
        warnings: feed.warnings.slice(0, 50),
        nextFetchAt: await nextFetchAt(tx, source, feed.ttlMinutes, res),
        title: feed.title,
        siteUrl: feed.link,
      });
      return count;
    });
    fetchesTotal.inc({ outcome: 'ok' });
    itemsTotal.inc(fresh);
    log.info({ source_id: source.id, items: feed.items.length, new_items: fresh }, 'polled');
  };

  function parseBody(res: FetchResult): ParsedFeed {
    const contentType = res.headers['content-type'] ?? null;
    const { text, warnings } = decodeBody(res.body, { contentType, kind: 'xml' });
    const feed = parseFeed(text, { url: res.url, contentType });
    feed.warnings.unshift(...warnings);
    return feed;
  }

  /**
   * A sitemap index: read its newest child sitemaps (bounded) and treat their URLs as the items.
   * Children unchanged since our last success (by lastmod) are skipped; a child that fails is a
   * warning, not a failed poll, and nested indexes are not followed.
   */
  async function readSitemapIndex(source: SourceRow, res: FetchResult, index: ParsedFeed): Promise<ParsedFeed> {
    const warnings = [...index.warnings];
    const items: ParsedFeed['items'] = [];
    const since = source.last_success_at ? source.last_success_at.getTime() - 3600_000 : -Infinity;
    const children = newestFirst(index.sitemaps, sitemapLastmods(res.body.toString('utf8'), res.url))
      .filter((c) => c.lastmod === null || c.lastmod >= since)
      .slice(0, deps.maxSitemaps ?? 3);
    for (const child of children) {
      try {
        const feed = await fetchChild(child.url);
        if (feed.kind !== 'sitemap') warnings.push(`sitemap index: ${child.url} is a ${feed.kind}, not a sitemap: skipped`);
        else items.push(...feed.items);
      } catch (err) {
        if (err instanceof FetchAbortedError) throw err;
        warnings.push(`sitemap index: ${child.url}: ${errorMessage(err)}`);
      }
    }
    return { ...index, items, warnings };
  }

  async function fetchChild(url: string): Promise<ParsedFeed> {
    if (!(await deps.robots.isAllowed(url))) throw new Error('robots.txt disallows this URL');
    const host = new URL(url).host;
    const deadline = Date.now() + (deps.sitemapWaitMs ?? 10_000);
    for (;;) {
      const slot = await acquireHostSlot(db, host, deps.perHost);
      if ('waitMs' in slot) {
        if (Date.now() + slot.waitMs > deadline) throw new Error(`host ${host} busy: left for the next poll`);
        await sleep(slot.waitMs);
        continue;
      }
      try {
        const res = await http.get(url, { accept: 'application/xml, text/xml;q=0.9, */*;q=0.5' });
        if (res.status >= 400) throw new Error(`HTTP ${res.status}`);
        return parseBody(res);
      } finally {
        await slot.release();
      }
    }
  }
}

/**
 * A sitemap lists a whole site, archive included: only URLs dated within `days` (or undated:
 * nothing tells them apart) are news worth extracting.
 */
export function dropArchive(feed: ParsedFeed, days: number, now = Date.now()): ParsedFeed {
  const oldest = now - days * 86_400_000;
  const items = feed.items.filter((i) => {
    const t = Date.parse(i.published ?? i.updated ?? '');
    return !Number.isFinite(t) || t >= oldest;
  });
  return items.length === feed.items.length ? feed : { ...feed, items };
}

/** `<loc>` → `<lastmod>` of a sitemap index's entries (the parsed feed keeps the URLs only). */
export function sitemapLastmods(xml: string, base: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<(?:[\w-]+:)?sitemap\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?sitemap\s*>/g)) {
    const loc = /<(?:[\w-]+:)?loc\b[^>]*>\s*(?:<!\[CDATA\[)?\s*([^<\]]+?)\s*(?:\]\]>)?\s*</.exec(m[1]!)?.[1];
    const lastmod = /<(?:[\w-]+:)?lastmod\b[^>]*>\s*([^<]+?)\s*</.exec(m[1]!)?.[1];
    if (!loc || !lastmod) continue;
    // A W3C Datetime without a zone is UTC on every machine (Date.parse would read local time).
    const iso = parseDate(lastmod);
    try {
      if (iso) out.set(new URL(loc.replace(/&amp;/g, '&'), base).href, new Date(iso).getTime());
    } catch {
      // an unusable loc: the parser will have warned about it
    }
  }
  return out;
}

/** Dated children newest first, then undated ones in document order. */
export function newestFirst(urls: string[], lastmods: Map<string, number>): Array<{ url: string; lastmod: number | null }> {
  const withDates = urls.map((url, i) => ({ url, lastmod: lastmods.get(url) ?? null, i }));
  withDates.sort((a, b) => (b.lastmod ?? -Infinity) - (a.lastmod ?? -Infinity) || a.i - b.i);
  return withDates.map(({ url, lastmod }) => ({ url, lastmod }));
}
