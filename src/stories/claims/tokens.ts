import { notationFor } from '../../shared/number-notation.ts';
import { fold } from '../text-tokens.ts';

/** A word, a number as written, a currency or percent sign, or a mark that ends a phrase. */
export interface Token {
  text: string;
  /** Folded (no case, no accents, ß as ss): what the word lists are written in. */
  key: string;
  start: number;
  end: number;
  kind: 'number' | 'word' | 'symbol' | 'break';
}

const WORD = String.raw`[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*`;
const MARKS = String.raw`([$€£¥%])|([.,;:!?()\[\]"“”«»„‘’—–/-])`;
// French and other languages that group digits with a space may write a plain one ("2 000").
const SPACED = new RegExp(String.raw`(\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,\u00a0\u202f]\d+)*)|(${WORD})|${MARKS}`, 'gu');
const PLAIN = new RegExp(String.raw`(\d+(?:[.,\u00a0\u202f]\d+)*)|(${WORD})|${MARKS}`, 'gu');

export function tokenize(text: string, lang: string, offset = 0): Token[] {
  const re = notationFor(lang).group[0] === '\u202f' ? SPACED : PLAIN;
  const out: Token[] = [];
  for (const m of text.matchAll(re)) {
    const kind = m[1] ? 'number' : m[2] ? 'word' : m[3] ? 'symbol' : 'break';
    out.push({ text: m[0], key: keyOf(m[0]), start: offset + m.index, end: offset + m.index + m[0].length, kind });
  }
  return out;
}

export function keyOf(word: string): string {
  // Most words are plain ASCII: nothing to strip, and normalizing is the costly part.
  if (ASCII.test(word)) return word.toLowerCase();
  return fold(word).replace(/ß/g, 'ss').replace(/’/g, "'");
}

const ASCII = /^[\x00-\x7f]*$/;

/** Two tokens written together, nothing between them ("2k", "30-45", "50-year-old"). */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}
