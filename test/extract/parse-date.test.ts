import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../src/extract/parse-date.ts';

// Run by scripts/test.sh under TZ=UTC and again under TZ=America/New_York: the answers must not move.
describe('toIsoDate reads page dates the same in every time zone', () => {
  it.each([
    // A zone-less date is UTC, whatever zone the machine is in (Date.parse read it as local time).
    ['March 5, 2024 10:00 AM', '2024-03-05T10:00:00.000Z'],
    ['5 March 2024', '2024-03-05T00:00:00.000Z'],
    // Central European zones, which pages in Europe write.
    ['5 March 2024 10:00 CET', '2024-03-05T09:00:00.000Z'],
    ['5 July 2024 10:00 CEST', '2024-07-05T08:00:00.000Z'],
    // Day and month both ≤ 12 with no locale to tell them apart: refused, never read as May 3.
    ['05/03/2024', null],
  ])('%s → %s', (value, want) => {
    expect(toIsoDate(value)).toBe(want);
  });
});
