import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../src/stories/claims/read-number.ts';
import { tokenize } from '../../../src/stories/claims/tokens.ts';

function read(text: string, lang: string): number | null {
  return readNumber(tokenize(text, lang), 0, lang)?.value ?? null;
}

describe('claims: numbers in every notation', () => {
  it.each([
    ['2,000', 'en', 2000],
    ['two thousand', 'en', 2000],
    ['2.000', 'es', 2000],
    ['2 000', 'fr', 2000],
    ['2\u202f000', 'fr', 2000],
    ['2k', 'en', 2000],
    ['dos mil', 'es', 2000],
    ['deux mille', 'fr', 2000],
    ['zweitausend', 'de', 2000],
    ['dois mil', 'pt', 2000],
    ['dos mil', 'ca', 2000],
    // A slip of notation (or digits an engine copied): a count has no three decimals.
    ['2.000', 'en', 2000],
    ['2,000', 'es', 2000],
    ['1.5 million', 'en', 1_500_000],
    ['1,5 millones', 'es', 1_500_000],
    ['1,500,000', 'en', 1_500_000],
    ['1.500 millones', 'es', 1_500_000_000],
    ['dos mil millones', 'es', 2_000_000_000],
    ['2,5 milliards', 'fr', 2_500_000_000],
    ['a million', 'en', 1_000_000],
    ['two hundred and fifty', 'en', 250],
    ['doscientos cincuenta', 'es', 250],
    ['fünfundzwanzig', 'de', 25],
    ['zweihundertfünfzig', 'de', 250],
    ['quatre-vingt-dix', 'fr', 90],
    ['vingt et un', 'fr', 21],
    ['vint-i-cinc', 'ca', 25],
    ['vinte e cinco', 'pt', 25],
    ['treinta y cinco', 'es', 35],
    ['4,5', 'es', 4.5],
    ['4.5', 'en', 4.5],
  ])('%s (%s) is %d', (text, lang, value) => {
    expect(read(text, lang)).toBe(value);
  });

  it('reads no number in words that only look like one', () => {
    // "One" alone is mostly an article; "hundreds" is no figure; German "achtung" is not "acht".
    expect(read('one soldier', 'en')).toBeNull();
    expect(read('hundreds', 'en')).toBeNull();
    expect(read('Achtung', 'de')).toBeNull();
    expect(read('un soldado', 'es')).toBeNull();
  });

  it('stops where the number ends', () => {
    const tokens = tokenize('dos mil personas y tres heridos', 'es');
    expect(readNumber(tokens, 0, 'es')).toMatchObject({ value: 2000, end: 2 });
  });

  it('keeps the rounding a scale implies', () => {
    expect(readNumber(tokenize('1.5 million', 'en'), 0, 'en')?.rounding).toBe(50_000);
    expect(readNumber(tokenize('2 million', 'en'), 0, 'en')?.rounding).toBe(500_000);
    expect(readNumber(tokenize('2,000', 'en'), 0, 'en')?.rounding).toBe(0);
  });
});
