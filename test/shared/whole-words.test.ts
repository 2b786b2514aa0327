import { describe, expect, it } from 'vitest';
import { hasWholeWord, wholeWordIndexes } from '../../src/shared/whole-words.ts';

describe('wholeWordIndexes', () => {
  it('finds a phrase only where no letter, mark or digit touches it', () => {
    expect(wholeWordIndexes('CMAL3 and CMAL, not xCMAL', 'CMAL')).toEqual([10]);
    // A hyphen or a quotation mark is not part of a word, as in the regexes this replaced.
    expect(wholeWordIndexes('Grace said. Grace-Ann left; “Grace”', 'Grace')).toEqual([0, 12, 29]);
    expect(wholeWordIndexes('Gracia Wanjiru', 'Grace')).toEqual([]);
  });

  it('treats letters outside the Basic Multilingual Plane as letters', () => {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter written with two UTF-16 units.
    expect(wholeWordIndexes('\u{1D400}Nile Nile', 'Nile')).toEqual([7]);
    expect(wholeWordIndexes('Nile\u{1D400} Nile', 'Nile')).toEqual([7]);
  });

  it('with the letter boundary, a digit may touch the phrase', () => {
    expect(hasWholeWord('workshop3 opens', 'workshop')).toBe(false);
    expect(hasWholeWord('workshop3 opens', 'workshop', 'letter')).toBe(true);
    expect(hasWholeWord('workshops open', 'workshop', 'letter')).toBe(false);
  });

  it('finds nothing for an empty phrase', () => {
    expect(wholeWordIndexes('text', '')).toEqual([]);
  });
});
