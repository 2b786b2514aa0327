import { clientKey, RateLimiter } from './rate-limit.ts';
import type { SiteReply } from './site-app.ts';

/** How search is kept from taking the site down with it (config `search`). */
export interface SearchLimits {
  /** Searches one address may make at once before the per-minute rate applies. */
  burst: number;
  /** Searches per address per minute, after the burst. */
  perMinute: number;
  /** Searches running on the database at once; more wait their turn. */
  concurrency: number;
  /** Longest a search waits for its turn, and runs on a PostgreSQL server (statement timeout). */
  timeoutMs: number;
  /** Result pages of recent queries kept in memory (for as long as their max-age). */
  cacheEntries: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { burst: 10, perMinute: 30, concurrency: 2, timeoutMs: 2000, cacheEntries: 500 };

const CACHE_MS = 60_000; // the search page's max-age: a cached answer is never older than a browser's

function refusal(status: 429 | 503, retryAfter: number, text: string): SiteReply {
  const body = Buffer.from(`${text}\n`, 'utf8');
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-store', 'retry-after': String(retryAfter) },
    body,
  };
}

/** The answer for a search that ran out of time (waiting its turn, or on the server). */
export const SEARCH_BUSY = (): SiteReply => refusal(503, 2, 'Search is busy; please try again in a moment.');

/**
 * In front of the search page: a recent identical query is answered from memory; otherwise the
 * address must have a token (429 with Retry-After if not), and the query waits for one of
 * `concurrency` slots. On the embedded database every query runs on the web process's own
 * thread and cannot be interrupted, so the slots are what keeps pages and health answering
 * during a flood: a search that cannot start within `timeoutMs` is answered 503 instead of
 * queueing in front of them.
 */
export class SearchGuard {
  private readonly limiter: RateLimiter;
  private readonly cache = new Map<string, { reply: SiteReply; until: number }>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: SearchLimits = DEFAULT_SEARCH_LIMITS) {
    this.limiter = new RateLimiter({ burst: limits.burst, perMinute: limits.perMinute });
  }

  async run(address: string | undefined, key: string, search: () => Promise<SiteReply>): Promise<SiteReply> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.reply;
    const wait = this.limiter.take(clientKey(address));
    if (wait > 0) return refusal(429, wait, `Too many searches from your address; please try again in ${wait} s.`);
    if (!(await this.acquire())) return SEARCH_BUSY();
    try {
      const reply = await search();
      if (reply.status === 200) this.remember(key, reply);
      return reply;
    } finally {
      this.release();
    }
  }

  private remember(key: string, reply: SiteReply): void {
    this.cache.delete(key);
    this.cache.set(key, { reply, until: Date.now() + CACHE_MS });
    while (this.cache.size > this.limits.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
  }

  private acquire(): Promise<boolean> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      let settled = false;
      const go = () => {
        if (settled) {
          // Timed out while its turn was on the way: the slot passes to the next in line.
          this.running++;
          this.release();
          return;
        }
        settled = true;
        clearTimeout(timer);
        this.running++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        settled = true;
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      }, this.limits.timeoutMs);
      this.waiting.push(go);
    });
  }

  private release(): void {
    this.running--;
    const next = this.waiting.shift();
    // The next search starts after the I/O already waiting (page requests, health probes): on
    // the embedded database a query holds this thread, and back-to-back searches would not let
    // anything else in between.
    if (next) {
      this.running++;
      setImmediate(() => {
        this.running--;
        next();
      });
    }
  }
}
