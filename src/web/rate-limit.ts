import { LruCache } from '../shared/lru-cache.ts';

/**
 * A token bucket per client address: `burst` requests at once, then `perMinute` a minute. The
 * table is bounded: past `maxKeys` the least recently seen address is forgotten (it starts again
 * with a full bucket, which costs an attacker nothing it could not get from a fresh address).
 */
export class RateLimiter {
  private readonly buckets: LruCache<string, { tokens: number; at: number }>;

  constructor(private readonly opts: { burst: number; perMinute: number; maxKeys?: number; now?: () => number }) {
    this.buckets = new LruCache(opts.maxKeys ?? 10_000);
  }

  /** 0 when the request may go ahead (and spends a token); otherwise the seconds to wait. */
  take(key: string): number {
    const now = this.opts.now?.() ?? Date.now();
    const perMs = this.opts.perMinute / 60_000;
    const held = this.buckets.peek(key);
    const tokens = held ? Math.min(this.opts.burst, held.tokens + (now - held.at) * perMs) : this.opts.burst;
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
  }
}

/**
 * The key a client is limited by: an IPv4 address, or the /64 of an IPv6 one (a single host
 * commonly holds a whole /64 and could otherwise rotate through it).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  const [head = ''] = address.toLowerCase().split('%');
  const halves = head.split('::');
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length > 1 ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
