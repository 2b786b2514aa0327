import { describe, expect, it } from 'vitest';
import { numericOrder, parseDate } from '../../src/shared/dates.ts';

// scripts/test.sh runs this file under TZ=UTC and under TZ=America/New_York.
describe('parseDate', () => {
  it.each([
    ['March 5, 2024 10:00 AM', '2024-03-05T10:00:00.000Z'],
    ['2024-03-05 10:00', '2024-03-05T10:00:00.000Z'],
    ['5 March 2024 10:00 CET', '2024-03-05T09:00:00.000Z'],
    ['5 July 2024 10:00 CEST', '2024-07-05T08:00:00.000Z'],
    ['March 5, 2024 10:00 AM EST', '2024-03-05T15:00:00.000Z'],
    ['March 5, 2024 10:00 AM PST', '2024-03-05T18:00:00.000Z'],
    ['5 March 2024 10:00 JST', '2024-03-05T01:00:00.000Z'],
    ['5 March 2024 10:00 MSK', '2024-03-05T07:00:00.000Z'],
  ])('%s → %s in any time zone', (input, want) => {
    expect(parseDate(input)).toBe(want);
  });

  it.each([
    // Both numbers ≤ 12: the locale decides, and without one the date is refused.
    ['05/03/2024', undefined, null],
    ['05/03/2024', 'en', null],
    ['05/03/2024', 'en-US', '2024-05-03T00:00:00.000Z'],
    ['05/03/2024', 'en-GB', '2024-03-05T00:00:00.000Z'],
    ['05/03/2024', 'fr', '2024-03-05T00:00:00.000Z'],
    ['05.03.2024 10:00', 'de-DE', '2024-03-05T10:00:00.000Z'],
    // One number over 12 can only be the day, whatever the locale says.
    ['25/03/2024', undefined, '2024-03-25T00:00:00.000Z'],
    ['03/25/2024', 'fr', '2024-03-25T00:00:00.000Z'],
    ['13/13/2024', 'fr', null],
  ])('%s with locale %s → %s', (input, locale, want) => {
    expect(parseDate(input, { locale })).toBe(want);
  });

  it('orders numeric dates per locale', () => {
    expect([numericOrder('en-US'), numericOrder('es_US'), numericOrder('pt-BR'), numericOrder('hi'), numericOrder('en'), numericOrder(null)])
      .toEqual(['mdy', 'mdy', 'dmy', 'dmy', null, null]);
  });
});
