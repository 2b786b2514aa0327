import { parseNumber } from '../../shared/number-notation.ts';
import { GLUED_SCALE, numberWordParts, type NumberWord } from './number-words.ts';
import { touching, type Token } from './tokens.ts';

/** A number read from the tokens at a position, in digits or words, with its scale. */
export interface ReadNumber {
  value: number;
  /** Half the step of its last written digit where a scale rounds it ("1.5 million": 50,000; "2 million": 500,000), else 0. */
  rounding: number;
  /** Digits written after the decimal mark. */
  decimals: number;
  /** Its scale word (thousand, million…), 1 when none. */
  scale: number;
  /** Index of the first token after it. */
  end: number;
}

/**
 * The number written at tokens[i], or null: digits in the text's notation ("2,000", "2.000",
 * "2 000", "1,5"), words ("two thousand", "dos mil", "zweitausend"), both ("1.5 million", "2k").
 */
export function readNumber(tokens: readonly Token[], i: number, lang: string): ReadNumber | null {
  let total = 0;
  let current = 0;
  let scale = 1;
  let decimals = 0;
  let digits = false;
  let words = false;
  let j = i;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'number') {
      if (digits || words) break;
      const followedByScale = scaleAt(tokens, j + 1, lang) !== null;
      const v = readLiteral(t.text, lang, followedByScale);
      if (v === null) return null;
      current = v.value;
      decimals = v.decimals;
      digits = true;
      const glued = GLUED_SCALE.get(tokens[j + 1]?.key ?? '');
      if (glued && touching(t, tokens[j + 1])) {
        total = current * glued;
        current = 0;
        scale = glued;
        j += 2;
        break;
      }
      continue;
    }
    if (t.kind !== 'word') break;
    const parts = numberWordParts(t.key, lang);
    if (!parts || !fits(parts, tokens, j, lang, digits || words)) break;
    for (const p of parts) {
      if (p.kind === 'add') current += p.value;
      else if (p.kind === 'one') current += 1;
      else if (p.kind === 'hundred') current = (current || 1) * 100;
      else if (p.kind === 'scale') {
        if (current === 0 && total > 0) total *= p.value;
        else total += (current || 1) * p.value;
        current = 0;
        scale = Math.max(scale, p.value);
      }
    }
    words = true;
  }
  if (!digits && !words) return null;
  const value = total + current;
  if (value === 0 && !digits) return null;
  const rounding = scale > 1 ? 0.5 * 10 ** -decimals * scale : 0;
  return { value, rounding, decimals, scale, end: j };
}

/**
 * Whether these word parts continue (or start) a number here: "one" only before a scale, "and"
 * only between number words, a scale after digits ("1.5 million"), a word after digits never.
 */
function fits(parts: NumberWord[], tokens: readonly Token[], j: number, lang: string, started: boolean): boolean {
  const only = parts.length === 1 ? parts[0]! : null;
  const afterDigits = started && tokens[j - 1]?.kind === 'number';
  if (afterDigits) return only?.kind === 'scale';
  // "Millions of dollars" is no figure; "mil personas", "mille soldats", "tausend Menschen" are.
  if (!started && only?.kind === 'scale') return only.value === 1e3 && tokens[j]!.key !== 'thousand';
  // After a number word it counts ("vingt et un", "cent un").
  if (only?.kind === 'one') return started || scaleAt(tokens, j + 1, lang) !== null || hundredAt(tokens, j + 1, lang);
  if (only?.kind === 'and') return started && nextIsNumberWord(tokens, j + 1, lang);
  return true;
}

function scaleAt(tokens: readonly Token[], i: number, lang: string): number | null {
  const t = tokens[i];
  if (t?.kind !== 'word') return null;
  const parts = numberWordParts(t.key, lang);
  return parts?.length === 1 && parts[0]!.kind === 'scale' ? parts[0]!.value : null;
}

function hundredAt(tokens: readonly Token[], i: number, lang: string): boolean {
  const t = tokens[i];
  return t?.kind === 'word' && numberWordParts(t.key, lang)?.[0]?.kind === 'hundred';
}

function nextIsNumberWord(tokens: readonly Token[], i: number, lang: string): boolean {
  const t = tokens[i];
  if (t?.kind !== 'word') return false;
  const parts = numberWordParts(t.key, lang);
  return parts !== null && parts[0]!.kind !== 'and';
}

const GROUPED = /^\d{1,3}(?:([.,\u00a0\u202f ])\d{3})(?:\1\d{3})*$/;

/**
 * Digits as the text's language writes them. A count is never fractional with three decimals, so
 * "2.000" in English and "2,000" in Spanish are two thousand as well (a slip of notation, or
 * digits an engine copied); only before a scale does the language's decimal mark decide
 * ("1.500 millones" is 1,500 million, "1.5 million" one and a half).
 */
export function readLiteral(literal: string, lang: string, beforeScale: boolean): { value: number; decimals: number } | null {
  if (!beforeScale && GROUPED.test(literal)) return { value: Number(literal.replace(/\D/g, '')), decimals: 0 };
  const spaced = literal.replace(/ /g, '\u202f');
  const value = parseNumber(spaced, lang) ?? parseNumber(spaced, 'en') ?? parseNumber(spaced, 'es');
  if (value === null) return null;
  const frac = /[.,](\d+)$/.exec(literal)?.[1];
  const decimals = frac && !Number.isInteger(value) ? frac.length : 0;
  return { value, decimals };
}
