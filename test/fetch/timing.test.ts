import { describe, expect, it } from 'vitest';
import { backoffDelay, nextPollDelay, parseRetryAfter } from '../../src/fetch/index.ts';

const NOW = new Date('2026-11-28T10:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;

describe('parseRetryAfter', () => {
  it.each([
    ['120', '2026-11-28T10:02:00.000Z'],
    [' 0 ', '2026-11-28T10:00:00.000Z'],
    ['Sat, 28 Nov 2026 10:05:00 GMT', '2026-11-28T10:05:00.000Z'], // IMF-fixdate
    ['Saturday, 28-Nov-26 10:05:00 GMT', '2026-11-28T10:05:00.000Z'], // RFC 850
    ['Sat Nov 28 10:05:00 2026', '2026-11-28T10:05:00.000Z'], // asctime, no zone: GMT
    ['Fri, 27 Nov 2026 10:00:00 GMT', '2026-11-28T10:00:00.000Z'], // past: now
  ])('%j → %s', (value, iso) => {
    expect(parseRetryAfter(value, NOW)?.toISOString()).toBe(iso);
  });
  it.each([null, '', '-5', '1.5', 'soon', '2026-11-28T10:05:00Z'])('%j → null', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter between half and all of the step, and stops at the cap', () => {
    const lo = (a: number): number => backoffDelay(a, { baseMs: 1000, capMs: 60_000, random: () => 0 });
    const hi = (a: number): number => backoffDelay(a, { baseMs: 1000, capMs: 60_000, random: () => 0.999999 });
    expect([0, 1, 2, 3].map(lo)).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map(hi)).toEqual([1000, 2000, 4000, 8000]);
    expect(hi(6)).toBe(60_000);
    expect(hi(10_000)).toBe(60_000);
    expect(lo(10_000)).toBe(30_000);
  });
  it('spreads retries out', () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(5)));
    expect(seen.size).toBeGreaterThan(40);
  });
});

describe('nextPollDelay', () => {
  const every = (gapMs: number, n: number, lastAgoMs = 0): Date[] =>
    Array.from({ length: n }, (_, i) => new Date(NOW.getTime() - lastAgoMs - i * gapMs));
  const base = { now: NOW, minMs: MIN, maxMs: 2 * HOUR };

  it.each([
    ['a busy source (item every 8 min) is polled every 2 min', { itemTimes: every(8 * MIN, 20) }, 2 * MIN, 'rhythm'],
    ['a very busy source stops at the config minimum', { itemTimes: every(30_000, 20) }, MIN, 'min'],
    ['a daily source waits up to the config maximum', { itemTimes: every(24 * HOUR, 10) }, 2 * HOUR, 'max'],
    ['a source gone quiet is polled less, in proportion', { itemTimes: every(8 * MIN, 20, 60 * MIN) }, 15 * MIN, 'quiet'],
    ['a new source starts between the bounds', { itemTimes: [] }, Math.round(Math.sqrt(MIN * 2 * HOUR)), 'new-source'],
    ['RSS ttl is a floor', { itemTimes: every(8 * MIN, 20), ttlMinutes: 10 }, 10 * MIN, 'ttl'],
    ['Cache-Control max-age is a floor', { itemTimes: every(8 * MIN, 20), cacheControl: 'public, max-age=300' }, 5 * MIN, 'cache-control'],
    ['no-cache ignores max-age', { itemTimes: every(8 * MIN, 20), cacheControl: 'no-cache, max-age=300' }, 2 * MIN, 'rhythm'],
    ['a ttl beyond the maximum is capped by the maximum', { itemTimes: every(8 * MIN, 20), ttlMinutes: 1440 }, 2 * HOUR, 'max'],
    ['Retry-After after a success is a floor', { itemTimes: every(8 * MIN, 20), retryAfter: new Date(NOW.getTime() + 7 * MIN) }, 7 * MIN, 'retry-after'],
  ])('%s', (_name, extra, delayMs, reason) => {
    expect(nextPollDelay({ ...base, ...extra })).toEqual({ delayMs, reason });
  });

  it('backs off on failures up to the maximum and keeps trying there, never dropping the source', () => {
    const d = (errorCount: number): number => nextPollDelay({ ...base, itemTimes: every(8 * MIN, 20), errorCount, random: () => 1 }).delayMs;
    expect(d(1)).toBe(MIN);
    expect(d(2)).toBe(2 * MIN);
    expect(d(4)).toBe(8 * MIN);
    expect(d(50)).toBe(2 * HOUR);
    expect(d(5000)).toBe(2 * HOUR);
    const later = nextPollDelay({ ...base, itemTimes: [], errorCount: 1, retryAfter: new Date(NOW.getTime() + 30 * MIN), random: () => 0 });
    expect(later).toEqual({ delayMs: 30 * MIN, reason: 'retry-after' });
  });

  it('learns nothing from items that share one timestamp', () => {
    const same = Array.from({ length: 20 }, () => new Date(NOW.getTime() - MIN));
    expect(nextPollDelay({ ...base, itemTimes: same }).reason).toBe('new-source');
  });

  it('ignores item times in the future and uses only recent items', () => {
    const future = [new Date(NOW.getTime() + HOUR), new Date(NOW.getTime() + 2 * HOUR)];
    expect(nextPollDelay({ ...base, itemTimes: [...future, ...every(8 * MIN, 20)] })).toEqual({ delayMs: 2 * MIN, reason: 'rhythm' });
  });
});
