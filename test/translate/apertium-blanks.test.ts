import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { JOIN_BLANKS_STAGE, rejoinSourceGlued, withJoinBlanks } from '../../src/translate/engines/apertium/join-blanks.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

/** Issue 13: structural transfer runs words together ("actoresnoprofesionales"); a stage after postchunk puts the blank back. */
describe('join-blanks filter on a stream', () => {
  const filter = (stream: string) => execFileSync('bash', ['-c', JOIN_BLANKS_STAGE], { input: stream, encoding: 'utf8' });

  it('puts a blank between two word units, never next to punctuation, inside blanks or after an escape, and keeps every NUL', () => {
    const stream = '^actor<n><m><pl>$^no<adv>$^profesional<adj><mf><pl>$^.<sent>$[<a href="x\\$^y">]^Hola<ij>$^,<cm>$ '
      + '^¿<lquest>$^qué<det>$^?<sent>$ ^(<lpar>$^él<prn>$^)<rpar>$ ^*Wanjiru$^50%<num><percent>$ \\$^x$[]\0^a<pr>$^b<n>$\0\0';
    expect(filter(stream)).toBe('^actor<n><m><pl>$ ^no<adv>$ ^profesional<adj><mf><pl>$^.<sent>$[<a href="x\\$^y">]^Hola<ij>$^,<cm>$ '
      + '^¿<lquest>$^qué<det>$^?<sent>$ ^(<lpar>$^él<prn>$^)<rpar>$ ^*Wanjiru$ ^50%<num><percent>$ \\$^x$[]\0^a<pr>$ ^b<n>$\0\0');
  });

  it('goes right after postchunk, and nowhere in a pipeline without one', () => {
    expect(withJoinBlanks("lt-proc -z a | apertium-postchunk -z 't3x' 'b' | apertium-wblank-detach | lt-proc -z $1 g"))
      .toBe(`lt-proc -z a | apertium-postchunk -z 't3x' 'b' | ${JOIN_BLANKS_STAGE} | apertium-wblank-detach | lt-proc -z $1 g`);
    expect(withJoinBlanks("lt-proc -z a | apertium-transfer -z t1x | lt-proc -z $1 g")).toBe("lt-proc -z a | apertium-transfer -z t1x | lt-proc -z $1 g");
  });
});

describe('numbers the source wrote against letters', () => {
  it('are joined again where the stage set them apart, and only those', () => {
    expect(rejoinSourceGlued('The 4K TV has 5G and 3pm; 60-year-old', 'El 4 K televisión tiene 5 G y 3 pm; de 60 años, 14 G')).toBe('El 4K televisión tiene 5G y 3pm; de 60 años, 14 G');
    expect(rejoinSourceGlued('see http:\\/\\/amzn.to\\/2hWw372', 'ver http:\\/\\/amzn.to\\/2 hWw372')).toBe('ver http:\\/\\/amzn.to\\/2hWw372');
  });
});

describe.each([
  ['eng-spa', 'en', 'es'],
  ['eng-cat', 'en', 'ca'],
] as const)('apertium %s keeps words apart (real pipeline)', (mode, from, to) => {
  let engine: ApertiumEngine;
  beforeAll(() => {
    requireApertiumPair(mode);
    engine = createApertiumEngine({ modes: [mode] });
  });
  afterAll(async () => engine?.close());

  /** Every word of `words` appears as a word of its own in the translation. */
  const expectWords = (text: string, words: string[]) => {
    const tokens = text.toLowerCase().split(/\s+/).map((t) => t.replace(/^[(¿¡«"]+|[.,;:)?!»"]+$/g, ''));
    for (const w of words) expect(tokens, `"${w}" as a word in "${text}"`).toContain(w);
  };

  it('translates each case with its words apart, the tap still aligned', async () => {
    const cases = {
      'eng-spa': [
        ['The film uses non-professional actors.', ['actores', 'no', 'profesionales']],
        ['A well-known writer and a long-term plan.', ['escritor', 'bien', 'sabido', 'plan', 'de', 'plazo']],
        ['After a 31-day wait, a 40,000-person study.', ['espera', 'de', '31', 'estudio', '40,000']],
        ['A Washington-based group.', ['basado', 'en', 'washington']],
      ],
      'eng-cat': [
        ['The film uses non-professional actors.', ['actors', 'no', 'professionals']],
        ['A well-known writer and a long-term plan.', ['escriptor', 'bé', 'sabut', 'pla', 'de', 'terme']],
        ['A 40,000-person study.', ['estudi', 'de', '40,000']],
        ['A Washington-based group.', ['basat', 'a', 'washington']],
      ],
    }[mode] as Array<[string, string[]]>;
    const { texts, lexicons } = await engine.translateWithLexicon(cases.map(([s]) => s), from, to);
    cases.forEach(([, words], i) => expectWords(texts[i]!, words));
    // The tap is read from the same pass: each segment's lexicon is its own sentence's.
    expect(lexicons[0]!?.().map((e) => e.source)).toContain('actor');
    expect(lexicons.at(-1)!?.().map((e) => e.source)).toContain('Washington');
  });

  it('keeps contractions joined and punctuation against its word', async () => {
    const [contract, punct] = await engine.translate(['The house of the king and to the king.', 'Hello, world.'], from, to);
    if (mode === 'eng-spa') {
      expect(contract).toBe('La casa del rey y al rey.');
      expect(punct).toBe('Hola, mundo.');
    } else {
      expect(contract).toMatch(/casa del rei/i);
      expect(punct).toMatch(/^\S+, món\.$/);
    }
  });

  it('keeps a number the source wrote against letters as one token', async () => {
    const [out, link] = await engine.translate(['The 4K TV has 5G.', 'See http://amzn.to/2hWw372 now.'], from, to);
    // Case is Apertium's business (eng-spa lowers the link), the cut is ours.
    expect(link).toMatch(/http:\/\/amzn\.to\/2hWw372 /i);
    expect(out).toMatch(/\b4K\b/);
    expect(out).toMatch(/\b5G\./);
  });

  it('keeps markup and spacing around it', async () => {
    const [out] = await engine.translate(['The film uses <b>non-professional</b> actors (and a long-term plan).'], from, to);
    expect(out).toMatch(/<b>/);
    expect(out).toMatch(/\((?:\S+ )+\S+\)\.$/);
    expect(out).not.toMatch(/\( | \)| \./);
  });
});
