import { describe, expect, it } from 'vitest';
import { scoreCorpus, scorePage, tokenize } from '../../bench/lib/extraction-metric.ts';

describe('the article-extraction-benchmark metric', () => {
  it('tokenizes Unicode word runs, keeping case and dropping punctuation', () => {
    expect(tokenize('The cat, the_dog — 2,000 «Ñandú» café!')).toEqual(['The', 'cat', 'the_dog', '2', '000', 'Ñandú', 'café']);
  });

  it.each([
    // expected, predicted, precision, recall, exact
    ['a b c d e', 'a b c d e', 1, 1, true],
    ['a b c d e', '', null, 0, false],
    ['', 'a b c d', 0, null, false],
    ['a b c d e f', 'a b c d', 1, 1 / 3, false], // truth shingles abcd bcde cdef; prediction abcd
    ['a b c d', 'a b c d x y', 1 / 3, 1, false],
    ['a b', 'a b', 1, 1, true], // fewer than four tokens: one shingle of all of them
    ['a b c d a b c d', 'a b c d', 1, 1 / 5, false], // multiset: abcd counted twice in the truth
  ])('%j vs %j', (expected, predicted, precision, recall, exact) => {
    const s = scorePage(expected, predicted);
    if (precision === null) expect(s.precision).toBeNull();
    else expect(s.precision).toBeCloseTo(precision, 10);
    if (recall === null) expect(s.recall).toBeNull();
    else expect(s.recall).toBeCloseTo(recall, 10);
    expect(s.exact).toBe(exact);
  });

  it('averages pages, leaves empty predictions out of precision, and takes F1 from the means', () => {
    const pages = [scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e f', 'a b c d'), scorePage('a b c d e', '')];
    const s = scoreCorpus(pages);
    expect(s.precision).toBeCloseTo(1, 10);
    expect(s.recall).toBeCloseTo((1 + 1 / 3 + 0) / 3, 10);
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall), 10);
    expect(s.accuracy).toBeCloseTo(1 / 3, 10);
  });
});
