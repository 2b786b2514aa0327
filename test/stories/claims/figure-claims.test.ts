import { describe, expect, it } from 'vitest';
import { figureClaims } from '../../../src/stories/claims/figure-claims.ts';
import { member } from './story-fixtures.ts';

function figures(text: string, lang = 'en') {
  return figureClaims(member('x', 'outlet', lang, text)).map((c) => ({ category: c.category, group: c.group, value: c.value, lo: c.lo, hi: c.hi }));
}

describe('claims: figures and what they count', () => {
  it.each([
    ['At least 50 people were killed in the blast.', 'en', 'killed', '50'],
    ['The attack killed 50 and injured 30 others.', 'en', 'killed', '50'],
    ['The death toll rose to 50 on Monday.', 'en', 'killed', '50'],
    ['Thirty people were wounded.', 'en', 'injured', '30'],
    ['Al menos 45 personas resultaron heridas.', 'es', 'injured', '45'],
    ['Murieron 50 personas.', 'es', 'killed', '50'],
    ['Le bilan s’élève à 50 morts.', 'fr', 'killed', '50'],
    ['50 Menschen kamen ums Leben.', 'de', 'killed', '50'],
    ['Bei dem Anschlag wurden 50 Menschen getötet.', 'de', 'killed', '50'],
    ['Almenys 50 persones han mort.', 'ca', 'killed', '50'],
    ['Pelo menos 50 pessoas morreram.', 'pt', 'killed', '50'],
    ['Police arrested 120 protesters overnight.', 'en', 'arrested', '120'],
    ['Some 3,000 residents were evacuated.', 'en', 'evacuated', '3000'],
    ['Nine people are still missing.', 'en', 'missing', '9'],
    ['Russia maintains 2,000 peacekeepers there.', 'en', 'troops', '2000'],
    ['The fund received $2.5 billion.', 'en', 'USD', '2500000000'],
    ['El fondo recibió 2.500 millones de dólares.', 'es', 'USD', '2500000000'],
    ['Unemployment fell to 4.5% in May.', 'en', 'percent', '4.5'],
    ['El paro bajó al 4,5 por ciento.', 'es', 'percent', '4.5'],
    ['Between 30 and 45 people were injured.', 'en', 'injured', '30–45'],
  ])('%s (%s) → %s %s', (text, lang, category, value) => {
    expect(figures(text, lang)).toContainEqual(expect.objectContaining({ category, value }));
  });

  it('the number that counts the injured is not read as killed, and the other way round', () => {
    expect(figures('The attack killed 50 and injured 30 others.')).toEqual([
      expect.objectContaining({ category: 'killed', value: '50' }),
      expect.objectContaining({ category: 'injured', value: '30' }),
    ]);
  });

  it('a group is kept; "people" is anyone', () => {
    expect(figures('105 soldiers had been killed.')[0]).toMatchObject({ category: 'killed', group: 'troops' });
    expect(figures('105 people had been killed.')[0]).toMatchObject({ category: 'killed', group: null });
  });

  it('a qualifier widens the figure: at least, about, nearly', () => {
    expect(figures('At least 40 people were killed.')[0]).toMatchObject({ lo: 40, hi: 50 });
    expect(figures('About 40 people were killed.')[0]).toMatchObject({ lo: 38, hi: 42 });
    expect(figures('Nearly 40 people were killed.')[0]).toMatchObject({ lo: 32, hi: 40 });
    expect(figures('40 people were killed.')[0]).toMatchObject({ lo: 40, hi: 40 });
  });

  it('days, years, ages, times and unrelated numbers count nothing', () => {
    expect(figures('The September 13 attack killed 50 people.')).toEqual([
      expect.objectContaining({ category: 'date', value: '--09-13' }),
      expect.objectContaining({ category: 'killed', value: '50' }),
    ]);
    expect(figures('Five days after the blast killed 50 people, rescuers left.')).toEqual([expect.objectContaining({ value: '50' })]);
    expect(figures('A 50-year-old man was killed.')).toEqual([]);
    expect(figures('At 10:30 the building was evacuated.')).toEqual([]);
    expect(figures('The 3 hospitals treated the injured.')).toEqual([]);
    expect(figures('In 2021 protests were held.')).toEqual([]);
    expect(figures('He was killed 3 years ago.')).toEqual([]);
    expect(figures('COVID-19 deaths fell.')).toEqual([]);
    expect(figures('Officials said: 40 people were killed.')).toEqual([expect.objectContaining({ category: 'killed', value: '40' })]);
  });

  it('a sentence about an earlier year is history, not a claim of this story', () => {
    expect(figures('The 2020 war, in which 6,500 soldiers were killed, ended in a truce.')).toEqual([]);
    // Four digits that count are no year.
    expect(figures('2000 people were evacuated.')).toEqual([expect.objectContaining({ category: 'evacuated', value: '2000' })]);
  });

  it('days of a month, in four languages', () => {
    const dates = (text: string, lang: string) => figures(text, lang).filter((f) => f.category === 'date').map((f) => f.value);
    expect(dates('The vote is on 13 September.', 'en')).toEqual(['--09-13']);
    expect(dates('The vote is on September 13th, 2022.', 'en')).toEqual(['--09-13']);
    expect(dates('La votación es el 13 de septiembre.', 'es')).toEqual(['--09-13']);
    expect(dates('Le vote aura lieu le 13 septembre.', 'fr')).toEqual(['--09-13']);
    expect(dates('Die Wahl ist am 13. September.', 'de')).toEqual(['--09-13']);
  });
});
