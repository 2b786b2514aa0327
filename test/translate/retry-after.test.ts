import { describe, expect, it } from 'vitest';
import { retryAfter } from '../../src/translate/engines/http-call.ts';

const NOW = Date.parse('2026-11-28T10:00:00Z');

// An engine's 429: when to try again. Never in the past, never sooner than a second.
describe('engine Retry-After', () => {
  it.each([
    ['120', '2026-11-28T10:02:00.000Z'],
    ['Sat, 28 Nov 2026 10:05:00 GMT', '2026-11-28T10:05:00.000Z'],
    // A date already past (a clock skew, a stale proxy) was taken as is: a retry time in the past.
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2026-11-28T10:00:01.000Z'],
    ['-30', '2026-11-28T10:00:01.000Z'],
    // Date.parse read a zone-less string in the machine's zone; HTTP-dates are GMT.
    ['Sat Nov 28 10:05:00 2026', '2026-11-28T10:05:00.000Z'],
    [null, '2026-11-28T10:00:01.000Z'],
    ['soon', '2026-11-28T10:00:01.000Z'],
  ])('%j → %s', (header, iso) => {
    expect(retryAfter(header, NOW).toISOString()).toBe(iso);
  });
});
