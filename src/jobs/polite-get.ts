import { PermanentError, ThrottledError } from '../domain/errors.ts';
import type { FetchResult, GetOptions, HttpClient } from '../fetch/index.ts';
import type { Db } from '../store/db.ts';
import { acquireHostSlot, deferHost } from '../store/host-limits.ts';

/** What a page fetch accepts: HTML first, anything else after. */
export const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export interface PoliteGetDeps {
  db: Db;
  http: HttpClient;
  perHost: { concurrency: number; minIntervalMs: number };
  robots: { isAllowed(url: string): Promise<boolean>; crawlDelayMs?(url: string): Promise<number | null> };
}

/**
 * One GET of a page the way every worker shares a host: robots.txt asked first, a per-host slot
 * (spacing at least the site's Crawl-delay) held for the request, and a 429 or 503 slowing the
 * whole host down until its Retry-After. Throws PermanentError (`{stage}: robots.txt disallows`)
 * or ThrottledError (the host is busy or asked us to wait: the queue tries again without counting
 * an attempt); any other answer, 304 and 404 included, is the caller's to read.
 */
export async function politeGet(deps: PoliteGetDeps, stage: string, url: string, opts: GetOptions = {}): Promise<FetchResult> {
  const { db } = deps;
  if (!(await deps.robots.isAllowed(url))) throw new PermanentError(`${stage}: robots.txt disallows ${url}`, 'fetch.robots');
  const host = new URL(url).host;
  const crawlDelay = (await deps.robots.crawlDelayMs?.(url)) ?? 0;
  const slot = await acquireHostSlot(db, host, { ...deps.perHost, minIntervalMs: Math.max(deps.perHost.minIntervalMs, crawlDelay) });
  if ('waitMs' in slot) throw new ThrottledError(`${stage}: host ${host} is busy`, 'fetch.host_limit', new Date(Date.now() + slot.waitMs));
  const res = await deps.http.get(url, opts).finally(() => slot.release());
  if (res.status === 429 || res.status === 503) {
    const until = res.retryAfter ?? new Date(Date.now() + 60_000);
    await deferHost(db, host, until);
    throw new ThrottledError(`${stage}: HTTP ${res.status} from ${url}`, 'fetch.throttled', until);
  }
  return res;
}
