import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFidelity, segmentHtml } from '../../src/translate/index.ts';
import { identifyLanguage } from '../../src/translate/lang-id.ts';
import { convertNumber, localizeNumbers, parseNumber } from '../../src/translate/numbers.ts';
import { nameTokens, similarFolded, splitSentences } from '../../src/translate/fidelity/text-tools.ts';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/translate/${f}`, import.meta.url), 'utf8');
// The seed article (attribution restored) and its clean Apertium translation, as golden files.
const source = segmentHtml(fixture('armenia.html')).segments;
const clean = segmentHtml(fixture('armenia.es.html')).segments;

function withFault(fn: (t: string[]) => string[], src = source) {
  return checkFidelity({ from: 'en', to: 'es', source: src, target: fn([...clean]) });
}
const edit = (i: number, f: (s: string) => string) => (t: string[]) => t.map((s, j) => (j === i ? f(s) : s));

describe('fidelity gate on the seed article', () => {
  it('passes the clean translation without errors, with one warning: the words Apertium ran together', () => {
    const r = checkFidelity({ from: 'en', to: 'es', source, target: clean });
    // "the Moscow-led … Organization" → "… dirigidaenMoscú": the engine's own compound glue.
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([expect.objectContaining({ check: 'glued-words', severity: 'warning', segment: 9, detail: expect.stringContaining('"dirigidaenMoscú"') })]);
    expect(r.ok).toBe(true);
  });

  it.each<[string, (t: string[]) => string[], string, number | null]>([
    ['seed fault 1: "Tass quoted Tass" (speaker lost, source repeated)', edit(10, (s) => s.replace('Tass citado Pashinyan', 'Tass citado agencia rusa Tass')), 'repetition', 10],
    ['the speaker of that quote is lost', edit(10, (s) => s.replace('Tass citado Pashinyan', 'Tass citado agencia rusa Tass')), 'attribution', 10],
    ['a quote given to another speaker', edit(2, (s) => s.replace('Armen Grigoryan', 'Grigory Karasin')), 'attribution', 2],
    ['number not in target notation (2,000 in Spanish)', edit(1, (s) => s.replace('2.000', '2,000')), 'numbers', 1],
    ['number changed', edit(6, (s) => s.replace('50', '15')), 'numbers', 6],
    ['number dropped', edit(5, (s) => s.replace('105 ', '')), 'numbers', 5],
    ['sentence dropped', edit(1, (s) => s.slice(0, s.indexOf('allí.') + 5)), 'sentences', 1],
    ['paragraph left untranslated', (t) => t.map((s, j) => (j === 3 ? source[3]! : s)), 'untranslated', 3],
    ['quotation marks lost', edit(10, (s) => s.replace(/[“”]/g, '')), 'quotes', 10],
    ['phrase repeated', edit(1, (s) => s.replace('la fuerza diplomática principal', 'la fuerza diplomática principal la fuerza diplomática principal')), 'repetition', 1],
    ['a name duplicated', edit(9, (s) => s.replace('Pashinyan', 'Pashinyan Pashinyan')), 'repetition', 9],
    ['a paragraph dropped', (t) => t.filter((_, j) => j !== 4), 'paragraphs', null],
    ['whole article left in English', () => [...source], 'language', null],
    ['seed fault 4: "Back to top button" scraped in', (t) => [...t, 'Volver arriba botón'], 'chrome', 22],
  ])('catches %s', (_name, fault, check, segment) => {
    const src = check === 'chrome' ? [...source, 'Back to top button'] : source;
    const r = withFault(fault, src);
    const hit = r.findings.find((f) => f.check === check && f.severity === 'error');
    expect(hit, JSON.stringify(r.findings.filter((f) => f.severity !== 'info'), null, 1)).toBeDefined();
    expect(hit!.segment).toBe(segment);
    expect(r.ok).toBe(false);
  });

  it('flags (warning) a name lost where the engine keeps it elsewhere', () => {
    const r = withFault(edit(8, (s) => s.replace('con Pashinyan', 'con él')), source);
    expect(r.findings).toContainEqual(expect.objectContaining({ check: 'names', severity: 'warning', segment: 8, detail: expect.stringContaining('Pashinyan') }));
  });

  it('only notes a name the engine handles unevenly (said once in the article)', () => {
    const r = withFault(edit(8, (s) => s.replace('Vladimir Putin', 'Vladimir')), source);
    expect(r.findings).toContainEqual(expect.objectContaining({ check: 'names', severity: 'info', segment: 8 }));
    expect(r.ok).toBe(true);
  });

  it('checks inline markup and the length ratio', () => {
    const r = checkFidelity({ from: 'en', to: 'es', source: ['See <a href="/x">the report</a> on <em>Monday</em>.'], target: ['Ver el informe el <em>lunes</em>.'] });
    expect(r.findings).toContainEqual(expect.objectContaining({ check: 'markup', segment: 0, detail: expect.stringContaining('<a> 2→0') }));
    const long = checkFidelity({ from: 'en', to: 'es', source: clean.map(() => 'A short line that says very little at all here.'.repeat(2)), target: clean.map((s) => s + ' ' + s) });
    expect(long.findings).toContainEqual(expect.objectContaining({ check: 'length', severity: 'error' }));
  });

  it('reports segment, source, target and detail for each finding', () => {
    const r = withFault(edit(1, (s) => s.replace('2.000', '2,000')), source);
    expect(r.findings.find((f) => f.check === 'numbers')).toEqual({
      check: 'numbers', severity: 'error', segment: 1, source: '2,000', target: '2,000',
      detail: 'number 2,000 is written 2,000, which reads differently in es; expected 2.000',
    });
  });
});

describe('numbers', () => {
  it.each([
    ['2,000', 'en', 2000], ['2.000', 'es', 2000], ['2,000', 'es', 2], ['3.5', 'en', 3.5], ['3,5', 'es', 3.5],
    ['3.5', 'es', null], ['12 345,6', 'fr', null], ['12\u202f345,6', 'fr', 12345.6], ['1990', 'en', 1990],
  ])('parses %s in %s as %s', (lit, lang, value) => expect(parseNumber(lit, lang)).toBe(value));

  it.each([
    ['2,000', 'es', '2.000'], ['12,345.6', 'es', '12.345,6'], ['0.25', 'es', '0,25'], ['2020', 'es', '2020'], ['1,000,000', 'fr', '1\u202f000\u202f000'],
  ])('writes %s in %s as %s', (lit, to, out) => expect(convertNumber(lit, 'en', to)).toBe(out));

  it('localizes only numbers the source has, in source notation', () => {
    expect(localizeNumbers('tengo 2,000 perros, 3.5% y 2.000 gatos', 'I have 2,000 dogs, 3.5% and 2,000 cats', 'en', 'es')).toBe('tengo 2.000 perros, 3,5% y 2.000 gatos');
  });
});

describe('language id and sentences', () => {
  it.each([
    ['The government said on Monday that it would not accept the proposal of the opposition.', 'en'],
    ['El gobierno dijo el lunes que no aceptaría la propuesta de la oposición.', 'es'],
    ['Le gouvernement a dit lundi qu’il n’accepterait pas la proposition de l’opposition.', 'fr'],
    ['Правительство заявило в понедельник, что не примет предложение.', 'ru'],
  ])('%s → %s', (text, lang) => expect(identifyLanguage(text).lang).toBe(lang));

  it('does not split on initials and abbreviations', () => {
    expect(splitSentences('U.S. President Joe Biden met Mr. Smith. He left. EE. UU. dijo algo.')).toHaveLength(3);
  });

  // Apertium's habits: a space inside the opening quotation mark, and "There is…" → "hay…" without its capital.
  it('counts the sentences of a quotation the way the engine writes them', () => {
    const src = '“We get that you’re frustrated,” Bosma said. “We get that you are concerned about issues.”';
    const tgt = '“ Cogemos que estás frustrado,” Bosma dijo. “ Cogemos que estás concernido sobre asuntos.”';
    expect(splitSentences(src)).toHaveLength(2);
    expect(splitSentences(tgt)).toHaveLength(2);
    expect(splitSentences('Tiene un problema. no hay una solución sola. Pero podemos.')).toHaveLength(3);
  });

  it('does not end a sentence at a question before a small letter, nor at an abbreviation', () => {
    expect(splitSentences('“Why?” she asked. It was late.')).toHaveLength(2);
    expect(splitSentences('Prices rose 5 p.m. on Friday and vs. the dollar etc. the euro fell.')).toHaveLength(1);
  });
});

describe('names the gate follows', () => {
  it('takes whole words only: not the tail of another, not the stem of a contraction', () => {
    expect(nameTokens('— 9to5Mac.com (@9to5mac) said the Stadia Isn’t Cheap, Won\'t Sell', ['en', 'es'])).toEqual(['Stadia', 'Cheap', 'Sell']);
    expect(nameTokens('Apple’s new iPhone and eBay’s Swift deal', ['en', 'es'])).toEqual(['Apple', 'iPhone', 'eBay', 'Swift']);
  });

  it('follows none in a line written in capitals, on either side', () => {
    expect(nameTokens('HOW WILL OBAMA PLAY?', ['en', 'es'])).toEqual([]);
    const r = checkFidelity({ from: 'en', to: 'es', source: ['Scary movies are back, wrote Will Dunham.', 'NOT SCARY', 'Reporting by Will Dunham.'], target: ['Las películas Scary vuelven, escribió Will Dunham.', 'No SCARY', 'Informando por Dunham.'] });
    // The lost "Will" is still caught; the recased SCARY is not taken for a name added.
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => [f.segment, f.check, f.detail])).toEqual([[2, 'names', expect.stringContaining('"Will"')]]);
  });
});

describe('spelling similarity of names', () => {
  /** Plain Levenshtein, the definition the fast paths must agree with. */
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };

  it('agrees with edit distance at every threshold the gate uses, one-edit walk included', () => {
    const words = ['ruben', 'rubén', 'rubens', 'ereván', 'yerevan', 'unidos', 'united', 'centre', 'center', 'maxima', 'maximum', 'led', 'lead', 'trump', 'triunfo', 'abc', 'acb', 'ab', 'abcd', 'bcd'];
    for (const x of words) {
      for (const y of words) {
        for (const min of [0.6, 0.65, 0.75, 0.8]) {
          const expected = x === y || 1 - distance(x, y) / Math.max(x.length, y.length) >= min - 1e-9;
          expect(similarFolded(x, y, min), `${x} ~ ${y} at ${min}`).toBe(expected);
        }
      }
    }
  });
});
