import { backoffDelay } from '../shared/backoff.ts';

export interface PollInput {
  now: Date;
  /** When each recent item appeared (first seen, or published when trusted); any order. */
  itemTimes: Date[];
  /** Config bounds: never poll more often than minMs, never leave a source longer than maxMs. */
  minMs: number;
  maxMs: number;
  /** RSS <ttl> in minutes: the publisher asks us not to come back sooner. */
  ttlMinutes?: number | null;
  /** The response's Cache-Control: max-age is honoured the same way. */
  cacheControl?: string | null;
  /** Consecutive failures so far (0 when the last fetch succeeded). */
  errorCount?: number;
  retryAfter?: Date | null;
  /** Polls we want per typical gap between items: 4 means an item waits ~1/8 gap on average. */
  pollsPerGap?: number;
  random?: () => number;
}

export interface PollDecision {
  delayMs: number;
  reason: 'backoff' | 'retry-after' | 'rhythm' | 'quiet' | 'new-source' | 'ttl' | 'cache-control' | 'min' | 'max';
}

const RECENT = 20;

/**
 * When to poll a source next, from its observed publishing rhythm: the median gap between its
 * recent items divided by `pollsPerGap`, stretched while the source stays quiet for longer than
 * usual (nights, weekends), then bounded by RSS ttl and Cache-Control max-age (as a floor, never
 * above maxMs) and by config min/max. Failures back off exponentially up to maxMs, never beyond:
 * a failing source is retried forever at the cap.
 */
export function nextPollDelay(input: PollInput): PollDecision {
  const { now, minMs, maxMs, pollsPerGap = 4 } = input;
  const clamp = (ms: number): number => Math.min(maxMs, Math.max(minMs, Math.round(ms)));
  const retryAfterMs = input.retryAfter ? input.retryAfter.getTime() - now.getTime() : 0;

  if ((input.errorCount ?? 0) > 0) {
    const wait = backoffDelay(input.errorCount! - 1, { baseMs: minMs, capMs: maxMs, random: input.random });
    if (retryAfterMs > wait) return { delayMs: Math.min(retryAfterMs, maxMs), reason: 'retry-after' };
    return { delayMs: clamp(wait), reason: 'backoff' };
  }

  let decision: PollDecision = rhythm(input, pollsPerGap);
  const floors: Array<[number, PollDecision['reason']]> = [
    [(input.ttlMinutes ?? 0) * 60_000, 'ttl'],
    [maxAgeMs(input.cacheControl), 'cache-control'],
    [retryAfterMs, 'retry-after'],
    [minMs, 'min'],
  ];
  for (const [floor, reason] of floors) {
    if (floor > decision.delayMs) decision = { delayMs: floor, reason };
  }
  if (decision.delayMs >= maxMs) return { delayMs: maxMs, reason: 'max' };
  return { delayMs: clamp(decision.delayMs), reason: decision.reason };
}

function rhythm(input: PollInput, pollsPerGap: number): PollDecision {
  const times = input.itemTimes
    .map((d) => d.getTime())
    .filter((t) => Number.isFinite(t) && t <= input.now.getTime())
    .sort((a, b) => b - a)
    .slice(0, RECENT);
  // Equal times carry no rhythm (a feed stamping every item with its build time, or a first
  // batch all "first seen" at once): count distinct moments only.
  const distinct = times.filter((t, i) => i === 0 || t !== times[i - 1]);
  if (distinct.length < 2) {
    // Nothing to learn from yet: halfway between the bounds, on a log scale.
    return { delayMs: Math.sqrt(Math.max(1, input.minMs) * input.maxMs), reason: 'new-source' };
  }
  const gaps = distinct.slice(1).map((t, i) => distinct[i]! - t).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  const target = median / pollsPerGap;
  const silence = input.now.getTime() - distinct[0]!;
  // Quiet for longer than twice the usual gap: slow down in proportion to the silence.
  if (silence > 2 * median && silence / pollsPerGap > target) {
    return { delayMs: silence / pollsPerGap, reason: 'quiet' };
  }
  return { delayMs: target, reason: 'rhythm' };
}

function maxAgeMs(cacheControl: string | null | undefined): number {
  if (!cacheControl || /\bno-(cache|store)\b/i.test(cacheControl)) return 0;
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  return m ? Number(m[1]) * 1000 : 0;
}
