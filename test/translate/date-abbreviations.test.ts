import { describe, expect, it } from 'vitest';
import { checkFidelity } from '../../src/translate/index.ts';
import { findDates } from '../../src/translate/repair/dates.ts';
import { nameCandidates } from '../../src/translate/repair/names.ts';

/** Months as news style abbreviates them beside a day: Apertium left "Aug. 2" in English (issue 13, bench:translate). */
describe('abbreviated months', () => {
  const d = (text: string, to: string) => findDates(text, to).map((x) => `${text.slice(x.at, x.end)} → ${x.rendering}`);

  it('are dates written by rule, as the full names are', () => {
    expect(d('July 30 -- Noblesville, IN Aug. 2 -- Clarkston, MI Sept. 12 -- Mountain View, CA', 'es')).toEqual(['July 30 → 30 de julio', 'Aug. 2 → 2 de agosto', 'Sept. 12 → 12 de septiembre']);
    expect(d('The deal closed on Dec. 3, 2019.', 'ca')).toEqual(['on Dec. 3, 2019 → el 3 de desembre de 2019']);
    // Not a month without its day, nor a word ending a sentence before a number.
    expect(d('In Aug. prices rose. The Dec. 2 vote.', 'es')).toEqual(['Dec. 2 → 2 de diciembre']);
  });

  it('the gate finds the month of such a date in the translation', () => {
    const r = checkFidelity({ from: 'en', to: 'es', source: ['Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI'], target: ['2 de agosto -- DTE Teatro de Música de la Energía, Clarkston, MI'] });
    expect(r.findings.filter((f) => f.check === 'dates')).toEqual([]);
  });
});

describe('a month abbreviation after a word in capitals', () => {
  it('is no part of a name run, so the date is written by rule ("Clarkston, MI Aug. 4")', () => {
    const runs = nameCandidates(['Noblesville, IN Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI Aug. 4 -- Riverbend Music Center']).map((r) => r.map((x) => x.name));
    expect(runs.flat().filter((n) => /Aug/.test(n))).toEqual([]);
  });
});
