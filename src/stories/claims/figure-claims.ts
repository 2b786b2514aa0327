import { splitSentences } from '../../shared/sentences.ts';
import { STOPWORDS } from '../stopwords.ts';
import type { ClaimSource } from './claim-types.ts';
import { readCount, type CountReading } from './read-count.ts';
import { GROUP_WORDS } from './count-words.ts';
import { numberWordParts } from './number-words.ts';
import { readDate } from './read-date.ts';
import { readNumber, type ReadNumber } from './read-number.ts';
import { QUALIFIER_WORDS, RANGE_WORDS, interval, type Qualifier } from './qualifier-words.ts';
import { baseLang } from './phrase-table.ts';
import { tokenize, touching, type Token } from './tokens.ts';
import { CURRENCY_SIGNS, CURRENCY_WORDS, MONTH_WORDS, OF_WORDS, PERCENT_WORDS, SIGN_PREFIXES } from './unit-words.ts';

/** One figure a member gives: what it counts, about whom, and the interval its words allow. */
export interface FigureClaim {
  /** "killed", "injured", "missing", "arrested", "evacuated", "troops", "people", a currency code, "percent" or "date". */
  category: string;
  /** Who is counted where the text says it (troops, civilians…); null: anyone. */
  group: string | null;
  /** Other words of the counted noun phrase ("Armenian", "armenios"), folded: which side. */
  sides: string[];
  /** Content words near it (five-letter prefixes): what a percentage, an amount or a date is of. */
  topic: string[];
  lo: number;
  hi: number;
  /** The number, normalized ("2000", "1500000", "30–45"); a date as ISO 8601 writes a day of a month ("--09-13"). */
  value: string;
  shown: string;
  source: ClaimSource;
}

/** Categories (beside currencies) whose figures are compared only when the words around them match. */
export const TOPICAL = new Set(['people', 'percent', 'date']);

export function figureClaims(source: ClaimSource): FigureClaim[] {
  const lang = baseLang(source.lang);
  const out: FigureClaim[] = [];
  const referenceYear = source.publishedAt ? source.publishedAt.getUTCFullYear() : latestYear(source.text);
  for (const { sentence, offset } of sentencesOf(source.text)) {
    if (!/\d|[a-z]/i.test(sentence)) continue;
    const tokens = tokenize(sentence, lang, offset);
    // A sentence about an earlier year tells history ("the 2020 war, in which 6,500 died"), not this story.
    if (referenceYear !== null && tokens.some((t, k) => isYear(tokens, k, lang) && Number(t.text) < referenceYear)) continue;
    for (let i = 0; i < tokens.length; i++) {
      // Most tokens are words that start neither a number nor a date.
      if (tokens[i]!.kind !== 'number' && !numberWordParts(tokens[i]!.key, lang) && !MONTH_WORDS.at(tokens, i, lang)) continue;
      const date = readDate(tokens, i, lang);
      if (date) {
        i = date.end - 1;
        const topic = topicAround(tokens, date.start, date.end, lang);
        const day = date.month * 32 + date.day;
        const value = `--${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
        const shown = source.text.slice(tokens[date.start]!.start, tokens[date.end - 1]!.end);
        out.push({ category: 'date', group: null, sides: [], topic, lo: day, hi: day, value, shown, source });
        continue;
      }
      const figure = readFigure(tokens, i, lang);
      if (!figure) continue;
      i = figure.end - 1;
      const topic = topicAround(tokens, figure.start, figure.end, lang);
      // A percentage is rounded to its last digit ("5%" and "4.9%" agree); a count is not.
      const rounding = figure.category === 'percent' ? 0.5 * 10 ** -figure.number.decimals : figure.number.rounding;
      const [lo, hi] = figure.range ?? interval(figure.number.value, rounding, figure.qualifier);
      out.push({
        category: figure.category,
        group: figure.group,
        sides: figure.sides,
        topic,
        lo,
        hi,
        value: figure.range ? `${formatNumber(figure.range[0])}–${formatNumber(figure.range[1])}` : formatNumber(figure.number.value),
        shown: source.text.slice(tokens[figure.start]!.start, tokens[figure.shownEnd - 1]!.end),
        source,
      });
    }
  }
  return out;
}

interface Figure {
  category: string;
  group: string | null;
  sides: string[];
  number: ReadNumber;
  qualifier: Qualifier | null;
  range: [number, number] | null;
  /** First token of the figure as shown (its qualifier or sign), first token after it, last token shown + 1. */
  start: number;
  end: number;
  shownEnd: number;
}

/** The figure whose number starts at tokens[i], with what it counts, or null. */
function readFigure(tokens: readonly Token[], i: number, lang: string): Figure | null {
  const before = tokens[i - 1];
  // A number inside a word or run of digits started earlier is not a start.
  if (before && (before.kind === 'number' || (before.kind === 'word' && readNumber(tokens, i - 1, lang)))) return null;
  // A number in a name: "G7", "COVID-19", "Su-25".
  if (touching(before, tokens[i]) && (before!.kind === 'word' || (before!.text === '-' && touching(tokens[i - 2], before)))) return null;
  const number = readNumber(tokens, i, lang);
  if (!number || isDateOrTime(tokens, i, number.end, lang)) return null;
  // "50-year-old", "10-day": a number in a compound describes a noun, it counts nothing.
  if (tokens[number.end]?.text === '-' && touching(tokens[number.end - 1], tokens[number.end]) && tokens[number.end + 1]?.kind === 'word') return null;
  let start = i;
  let currency: string | null = null;
  if (before?.kind === 'symbol' && CURRENCY_SIGNS.has(before.text)) {
    const prefix = tokens[i - 2];
    currency = prefix && touching(prefix, before) && SIGN_PREFIXES.get(prefix.key) ? SIGN_PREFIXES.get(prefix.key)! : CURRENCY_SIGNS.get(before.text)!;
    start = i - 1;
  }
  const q = QUALIFIER_WORDS.endingAt(tokens, start - 1, lang);
  let qualifier = q?.value ?? null;
  if (q) start -= q.length;
  let end = number.end;
  let range: [number, number] | null = null;
  const join = tokens[end]?.text === '-' || tokens[end]?.text === '–' ? { length: 1 } : RANGE_WORDS.at(tokens, end, lang);
  const upper = join ? readNumber(tokens, end + join.length, lang) : null;
  if (join && upper && !isDateOrTime(tokens, end + join.length, upper.end, lang)) {
    const lo = number.scale === 1 && upper.scale > 1 ? number.value * upper.scale : number.value;
    // "and" joins a range only after "between"; otherwise it joins two figures.
    const andJoin = join.length === 1 && /^(and|y|et|und|i|e)$/.test(tokens[end]!.key);
    if (lo < upper.value && (!andJoin || qualifier === 'between')) {
      range = [lo, upper.value];
      end = upper.end;
    }
  }
  // "Between" says only that a range follows: the range is the claim.
  if (qualifier === 'between') qualifier = null;
  const unit = unitAfter(tokens, end, lang);
  if (currency || unit) {
    const category = currency ?? unit!.code;
    return { category, group: null, sides: [], number, qualifier, range, start, end, shownEnd: currency ? end : unit!.end };
  }
  if (isYear(tokens, i, lang)) return null;
  const count: CountReading | null = readCount(tokens, start, end, lang);
  if (!count) return null;
  return { category: count.category, group: count.group, sides: count.sides, number, qualifier, range, start, end, shownEnd: Math.max(end, count.shownEnd) };
}

/** Percent or a currency (its code), right after an amount, and the token after its name. */
function unitAfter(tokens: readonly Token[], i: number, lang: string): { code: string; end: number } | null {
  if (tokens[i]?.text === '%') return { code: 'percent', end: i + 1 };
  const percent = PERCENT_WORDS.at(tokens, i, lang);
  if (percent) return { code: 'percent', end: i + percent.length };
  const direct = CURRENCY_WORDS.at(tokens, i, lang);
  if (direct) return { code: direct.value, end: i + direct.length };
  if (OF_WORDS.has(tokens[i]?.key ?? '')) {
    const after = CURRENCY_WORDS.at(tokens, i + 1, lang);
    if (after) return { code: after.value, end: i + 1 + after.length };
  }
  return null;
}

/** The day of a date ("13 September", "September 13", "13 de septiembre") or a clock time ("10:30"). */
function isDateOrTime(tokens: readonly Token[], start: number, end: number, lang: string): boolean {
  const next = tokens[end];
  const prev = tokens[start - 1];
  if ((next?.text === ':' && tokens[end + 1]?.kind === 'number') || (prev?.text === ':' && tokens[start - 2]?.kind === 'number')) return true;
  if (MONTH_WORDS.at(tokens, end, lang) || MONTH_WORDS.endingAt(tokens, start - 1, lang)) return true;
  return OF_WORDS.has(next?.key ?? '') && MONTH_WORDS.at(tokens, end + 1, lang) !== null;
}

/** Four digits from 1900 to 2100 are a year, unless what follows says who or what they count ("2000 people", "2000 euros"). */
function isYear(tokens: readonly Token[], k: number, lang: string): boolean {
  const t = tokens[k]!;
  if (t.kind !== 'number' || !/^\d{4}$/.test(t.text) || Number(t.text) < 1900 || Number(t.text) > 2100) return false;
  if (tokens[k - 1]?.kind === 'symbol' || tokens[k + 1]?.kind === 'symbol') return false;
  // "2010 death" is a year's death; "2000 people" are people.
  return !GROUP_WORDS.at(tokens, k + 1, lang) && !unitAfter(tokens, k + 1, lang);
}

function latestYear(text: string): number | null {
  let latest: number | null = null;
  for (const m of text.matchAll(/(?<!\d)(19\d\d|20\d\d|2100)(?!\d)/g)) latest = Math.max(latest ?? 0, Number(m[1]));
  return latest;
}

/** How far around a figure its topic words are read: the sentence shares words with the whole story. */
const TOPIC_REACH = 6;

/**
 * Content words near a figure, as five-letter prefixes ("unemployment" meets "unemployment's"),
 * not the words of figures themselves: every amount in dollars would share "dollars", every date
 * in September "September".
 */
function topicAround(tokens: readonly Token[], start: number, end: number, lang: string): string[] {
  const out = new Set<string>();
  for (let i = Math.max(0, start - TOPIC_REACH); i < Math.min(tokens.length, end + TOPIC_REACH); i++) {
    const t = tokens[i]!;
    if (i >= start && i < end) continue;
    if (t.kind !== 'word' || t.key.length < 4 || STOPWORDS.has(t.key)) continue;
    if (numberWordParts(t.key, lang) || CURRENCY_WORDS.at(tokens, i, lang) || PERCENT_WORDS.at(tokens, i, lang) || MONTH_WORDS.at(tokens, i, lang)) continue;
    out.add(t.key.slice(0, 5));
  }
  return [...out];
}

/**
 * Each sentence of the text with its offset, paragraph by paragraph. A German day ("am 13.
 * September") does not end a sentence.
 */
export function sentencesOf(text: string): Array<{ sentence: string; offset: number }> {
  const out: Array<{ sentence: string; offset: number }> = [];
  for (const p of text.matchAll(/[^\n]+/g)) {
    let cursor = 0;
    let joinNext = false;
    for (const s of splitSentences(p[0])) {
      const at = p[0].indexOf(s, cursor);
      const offset = p.index + (at >= 0 ? at : cursor);
      cursor = at >= 0 ? at + s.length : cursor;
      const last = out.at(-1);
      if (joinNext && last) last.sentence = text.slice(last.offset, offset + s.length);
      else out.push({ sentence: s, offset });
      joinNext = /(?<!\d)\d{1,2}\.$/.test(s);
    }
  }
  return out;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(Math.round(n * 1e6) / 1e6);
}
