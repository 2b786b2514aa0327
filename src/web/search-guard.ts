import { LruCache } from '../shared/lru-cache.ts';
import { clientKey, RateLimiter } from './rate-limit.ts';
import type { SiteReply } from './web-types.ts';

/** How search is kept from taking the site down with it (config `search`). */
export interface SearchLimits {
  /** Searches one address may make at once before the per-minute rate applies. */
  burst: number;
  /** Searches per address per minute, after the burst. */
  perMinute: number;
  /** Searches running on the database at once; more wait their turn (one on the embedded database). */
  concurrency: number;
  /** Longest a search waits for its turn, and runs on a PostgreSQL server (statement timeout). */
  timeoutMs: number;
  /** Result pages of recent queries kept in memory (for as long as their max-age). */
  cacheEntries: number;
  /** Embedded database: the share of the process's time searches may take, over any second. */
  busyShare: number;
  /** Embedded database: searches that may wait for their turn; more are answered busy at once. */
  queue: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { burst: 10, perMinute: 30, concurrency: 2, timeoutMs: 2000, cacheEntries: 500, busyShare: 0.2, queue: 4 };

const CACHE_MS = 60_000; // the search page's max-age: a cached answer is never older than a browser's

function refusal(status: 429 | 503, retryAfter: number, text: string): SiteReply {
  const body = Buffer.from(`${text}\n`, 'utf8');
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-store', 'retry-after': String(retryAfter) },
    body,
  };
}

/** The answer for a search that could not run now (no turn, no time left, or cancelled on the server). */
export const SEARCH_BUSY = (retryAfter = 2): SiteReply => refusal(503, retryAfter, 'Search is busy; please try again in a moment.');

/**
 * Time the searches may take, as a bucket of milliseconds: `share` of every millisecond flows
 * in, up to five seconds' worth (a few searches in a row pass; a flood gets `share` over time);
 * what a search took is spent after it. Empty: no search starts.
 */
class TimeBudget {
  private readonly capacity: number;
  private left: number;
  private at: number;

  constructor(private readonly share: number, private readonly now: () => number) {
    this.capacity = share * 5000;
    this.left = this.capacity;
    this.at = now();
  }

  private refill(): void {
    const t = this.now();
    this.left = Math.min(this.capacity, this.left + (t - this.at) * this.share);
    this.at = t;
  }

  /** 0 when a search may start; otherwise the whole seconds until one may. */
  wait(): number {
    this.refill();
    return this.left > 0 ? 0 : Math.max(1, Math.ceil((1 - this.left) / this.share / 1000));
  }

  spend(ms: number): void {
    this.refill();
    this.left -= ms;
  }
}

/**
 * In front of the search page: a recent identical query is answered from memory; otherwise the
 * address must have a token (429 with Retry-After if not), and the query waits for one of
 * `concurrency` slots (503 if none frees within `timeoutMs`).
 *
 * On the embedded database every statement runs on the web process's own thread and cannot be
 * interrupted, so per-address limits are not enough (a flood from many addresses passes them):
 * there searches run one at a time, at most `queue` wait, and together they may take no more
 * than `busyShare` of the process's time. Past that a search is answered 503 with Retry-After
 * at once — with the last answer to the same query when one is held, however old within its
 * page version — and pages and health checks keep the rest of the thread.
 */
export class SearchGuard {
  private readonly limiter: RateLimiter;
  /** Null when `cacheEntries` is 0. Read with `peek`: the oldest answer goes first, however often it was read. */
  private readonly cache: LruCache<string, { reply: SiteReply; until: number }> | null;
  private readonly budget: TimeBudget | null;
  private readonly concurrency: number;
  private readonly now: () => number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: SearchLimits = DEFAULT_SEARCH_LIMITS, opts: { embedded?: boolean; now?: () => number } = {}) {
    this.limiter = new RateLimiter({ burst: limits.burst, perMinute: limits.perMinute });
    this.now = opts.now ?? (() => performance.now());
    this.budget = opts.embedded ? new TimeBudget(limits.busyShare, this.now) : null;
    this.concurrency = opts.embedded ? 1 : limits.concurrency;
    this.cache = limits.cacheEntries >= 1 ? new LruCache(limits.cacheEntries) : null;
  }

  async run(address: string | undefined, key: string, search: () => Promise<SiteReply>): Promise<SiteReply> {
    const hit = this.cache?.peek(key);
    if (hit && hit.until > this.now()) return hit.reply;
    const wait = this.limiter.take(clientKey(address));
    if (wait > 0) return refusal(429, wait, `Too many searches from your address; please try again in ${wait} s.`);
    const busy = (retryAfter = 2) => hit?.reply ?? SEARCH_BUSY(retryAfter);
    if (this.budget) {
      const over = this.budget.wait();
      if (over > 0) return busy(over);
      if (this.running >= this.concurrency && this.waiting.length >= this.limits.queue) return busy();
    }
    if (!(await this.acquire())) return busy();
    try {
      // The budget may have been spent by those ahead of it in the queue.
      const over = this.budget?.wait() ?? 0;
      if (over > 0) return busy(over);
      const started = this.now();
      try {
        const reply = await search();
        if (reply.status === 200) this.remember(key, reply);
        return reply;
      } finally {
        this.budget?.spend(this.now() - started);
      }
    } finally {
      this.release();
    }
  }

  private remember(key: string, reply: SiteReply): void {
    this.cache?.set(key, { reply, until: this.now() + CACHE_MS });
  }

  private acquire(): Promise<boolean> {
    if (this.running < this.concurrency) {
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
