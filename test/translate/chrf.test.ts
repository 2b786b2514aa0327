import { describe, expect, it } from 'vitest';
import { chrfStats, chrfScore, corpusChrf } from '../../bench/lib/chrf.ts';

// Expected values from sacreBLEU's own test suite (test/test_chrf.py), which pins its chrF.
describe('chrF as sacreBLEU computes it', () => {
  it('default mode (effective order, whitespace removed), corpus level, β = 3 cases', () => {
    const cases: Array<[string[], string[], number]> = [
      [['a'], ['a'], 100],
      [[''], ['reference'], 0],
      [['a b c'], ['a b c'], 100],
      [['a b c'], ['abc'], 100],
      [[''], ['c'], 0],
      [['a', 'b'], ['a', 'c'], 50],
      [['aa'], ['ab'], 25],
    ];
    for (const [h, r, want] of cases) expect(corpusChrf(h, r, { beta: 3 })).toBeCloseTo(want, 4);
  });

  it('eps smoothing mode, β = 3', () => {
    const cases: Array<[string[], string[], number]> = [
      [['abcdefg'], ['hijklmnop'], 0],
      [['aa'], ['ab'], 8.3333],
      [['a', 'b'], ['a', 'c'], 8.3333],
      [['a'], ['a'], 16.6667],
      [['a b c'], ['a b c'], 50],
      [[' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
        ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'], 63.36173],
      [[' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
        ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'], 64.1302698],
    ];
    for (const [h, r, want] of cases) expect(corpusChrf(h, r, { beta: 3, epsSmoothing: true })).toBeCloseTo(want, 4);
  });

  it('whitespace kept, β = 3', () => {
    expect(corpusChrf(['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
      ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'], { beta: 3, keepWhitespace: true })).toBeCloseTo(67.3481606, 4);
  });

  it('sentence level, default β = 2 with eps smoothing, on non-ASCII text', () => {
    const s = (h: string, r: string) => chrfScore(chrfStats(h, r), { epsSmoothing: true });
    expect(s('Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.', 'Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.')).toBeCloseTo(39.14078509, 4);
    expect(s('Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.', 'A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.')).toBeCloseTo(31.22557079, 4);
    expect(s('Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.', 'Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.')).toBeCloseTo(57.15704367, 4);
  });

  it('refuses a hypothesis list that does not line up with the references', () => {
    expect(() => corpusChrf(['a'], ['a', 'b'])).toThrow(/1 hypotheses for 2 references/);
  });
});
