import { PermanentError } from '../domain/errors.ts';
import { LruCache } from '../shared/lru-cache.ts';
import { FetchAbortedError, type HttpClient } from './http-client.ts';
import { isPathAllowed, robotsTxt, type RobotsGroup } from './robots-txt.ts';

export interface RobotsPolicyOptions {
  http: HttpClient;
  userAgent: string;
  /** How long a fetched robots.txt is trusted: at most 24 h (RFC 9309 §2.4). */
  ttlMs?: number;
  /** How soon to ask again after a 5xx or network failure. */
  errorTtlMs?: number;
  maxOrigins?: number;
  now?: () => number;
}

export interface RobotsPolicy {
  isAllowed(url: string): Promise<boolean>;
  /** The site's Crawl-delay for us (capped at 60 s), to use as the host's minimum spacing. */
  crawlDelayMs(url: string): Promise<number | null>;
}

interface Entry {
  rules: Promise<RobotsGroup | 'allow-all' | 'disallow-all'>;
  expires: number;
  /** The last robots.txt actually read: used while the site is unreachable (RFC 9309 §2.4). */
  lastGood: RobotsGroup | null;
}

const DAY = 24 * 3600_000;

/** Per-origin robots.txt, fetched once and cached, with RFC 9309's answers for failures. */
export function createRobotsPolicy(opts: RobotsPolicyOptions): RobotsPolicy {
  const { http, ttlMs = DAY, errorTtlMs = 10 * 60_000, maxOrigins = 10_000, now = Date.now } = opts;
  const ttl = Math.min(ttlMs, DAY);
  const token = productToken(opts.userAgent);
  const cache = new LruCache<string, Entry>(maxOrigins);

  async function load(origin: string, previous: RobotsGroup | null, entry: Entry): Promise<RobotsGroup | 'allow-all' | 'disallow-all'> {
    try {
      // RFC 9309 §2.5: parse at least 500 KiB; a longer file is read that far, not refused.
      const res = await http.get(`${origin}/robots.txt`, { accept: 'text/plain', maxBytes: 512 * 1024, truncate: true });
      if (res.status >= 200 && res.status < 300) {
        const rules = robotsTxt(res.body.toString('utf8'), token);
        entry.lastGood = rules;
        return rules;
      }
      // 4xx other than 429: "unavailable", the crawler may access anything.
      if (res.status >= 400 && res.status < 500 && res.status !== 429) return 'allow-all';
      if (res.status >= 300 && res.status < 400) return 'allow-all';
    } catch (err) {
      if (err instanceof FetchAbortedError) throw err; // shutting down: no verdict, not even a cached one
      if (err instanceof PermanentError && err.code === 'fetch.blocked_address') throw err;
      if (err instanceof PermanentError && err.code === 'fetch.too_many_redirects') return 'allow-all';
    }
    // 5xx, 429 or unreachable: "unreachable", assume complete disallow — unless we read it before.
    entry.expires = now() + Math.min(errorTtlMs, ttl);
    return previous ?? 'disallow-all';
  }

  async function rulesFor(u: URL): Promise<RobotsGroup | 'allow-all' | 'disallow-all'> {
    let entry = cache.get(u.origin);
    if (!entry || entry.expires <= now()) {
      const fresh: Entry = { rules: Promise.resolve('disallow-all'), expires: now() + ttl, lastGood: entry?.lastGood ?? null };
      fresh.rules = load(u.origin, fresh.lastGood, fresh);
      cache.set(u.origin, fresh);
      entry = fresh;
      // A thrown refusal must not stay cached as a rejected promise.
      fresh.rules.catch(() => cache.delete(u.origin));
    }
    return entry.rules;
  }

  async function isAllowed(url: string): Promise<boolean> {
    const u = new URL(url);
    const rules = await rulesFor(u);
    if (rules === 'allow-all') return true;
    if (rules === 'disallow-all') return u.pathname === '/robots.txt';
    return isPathAllowed(rules.rules, u.pathname + u.search);
  }

  async function crawlDelayMs(url: string): Promise<number | null> {
    const rules = await rulesFor(new URL(url));
    return typeof rules === 'object' ? rules.crawlDelayMs : null;
  }

  return { isAllowed, crawlDelayMs };
}

/** "transwire/0.1 (+https://example.org)" → "transwire". */
export function productToken(userAgent: string): string {
  return (/^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? 'transwire').toLowerCase();
}
