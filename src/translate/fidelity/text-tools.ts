import { QUOTATION_RE, outsideQuotes, quotations } from '../../shared/quotations.ts';
import { splitSentences } from '../../shared/sentences.ts';
import { boundedMemo } from '../bounded-memo.ts';

export { outsideQuotes, quotations, splitSentences };

/**
 * A capitalized word, whole: not the tail of another (9to5Mac), with at most two small letters
 * before its capital (iPhone, eBay), and not the stem of a contraction (Isn't, Won't).
 */
export const NAME_RE = /(?<![\p{L}\p{M}\p{N}])\p{Ll}{0,2}\p{Lu}[\p{L}\p{M}]*\p{L}(?![\p{L}\p{M}])(?!['’]t(?!\p{L}))/gu;

/** A capitalized word of a text, where it stands, and whether it opens a sentence (nothing but an end mark, quote or dash before it). */
export interface CapitalWord {
  word: string;
  at: number;
  initial: boolean;
}

/**
 * Every capitalized word of a text (NAME_RE), none in a line in capitals. The orchestrator and the
 * gate ask this of the same paragraphs several times per article (which names to render, then
 * each check): answers are remembered.
 */
export const capitalWords = boundedMemo(4096, (text: string): readonly CapitalWord[] => {
  const out: CapitalWord[] = [];
  if (shouting(text)) return out;
  for (const m of text.matchAll(NAME_RE)) {
    let j = m.index - 1;
    while (j >= 0 && SPACE_RE.test(text[j]!)) j--;
    out.push({ word: m[0], at: m.index, initial: j < 0 || OPENER_RE.test(text[j]!) });
  }
  return out;
});

const SPACE_RE = /\s/;
/** What may stand right before a sentence's first word: its end mark, or an opening quote or dash. */
const OPENER_RE = /[.!?:;"“”'‘’«(—–-]/;

/**
 * Capitalized words that are not function words of either language: the names to follow. A verb
 * written in capitals for emphasis ("you DID download", "They WILL NOT WORK") and the small words
 * of a title in a quotation ("All the Money You Will Ever Need") are not names either: Will is
 * one in running text only (Will Smith).
 */
export function nameTokens(text: string, langs: string[]): string[] {
  const stop = stopSet(langs);
  const words = capitalWords(text);
  let titles: Array<[number, number]> | null = null;
  return words.filter((c) => {
    if (!isName(c.word, stop)) return false;
    const lower = c.word.toLowerCase();
    if (EMPHASIS.has(lower) && c.word === c.word.toUpperCase()) return false;
    if (!TITLE_WORDS.has(lower) && !EMPHASIS.has(lower)) return true;
    titles ??= titleQuotations(text, words, stop);
    return !titles.some(([from, to]) => c.at >= from && c.at < to);
  }).map((c) => c.word);
}

/** Verbs and adverbs a writer puts in capitals for emphasis; none is an acronym (unlike US, IS, ME). */
const EMPHASIS = new Set(['did', 'do', 'does', 'will', 'would', 'can', 'could', 'should', 'must', 'might', 'shall', 'not', 'never', 'only', 'very', 'really', 'ever', 'just', 'have', 'has', 'had', 'was', 'were', 'are']);
/** Besides those, the small words a title capitalizes (Jesus Is Just Alright With Me). */
const TITLE_WORDS = new Set(['is', 'am', 'be', 'been', 'me', 'him', 'them', 'us', 'you', 'your', 'into', 'onto', 'upon']);

/**
 * The quotations of a text written in title case, as [start, end): those with a function word
 * capitalized inside a sentence ("A Proven Path to All the Money You Will Ever Need").
 */
function titleQuotations(text: string, words: readonly CapitalWord[], stop: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(QUOTATION_RE)) {
    const end = m.index + m[0].length;
    if (words.some((c) => c.at > m.index && c.at < end && !c.initial && (stop.has(c.word.toLowerCase()) || TITLE_WORDS.has(c.word.toLowerCase())) && c.word !== c.word.toUpperCase())) out.push([m.index, end]);
  }
  return out;
}

/** Whether a short phrase (a run of capitalized words) has a name in it, as nameTokens sees them; not remembered. */
export function hasName(phrase: string, langs: string[]): boolean {
  if (shouting(phrase)) return false;
  const stop = stopSet(langs);
  for (const m of phrase.matchAll(NAME_RE)) if (isName(m[0], stop)) return true;
  return false;
}

/** A capitalized word is a name unless it is one letter or a function word. */
function isName(word: string, stop: Set<string>): boolean {
  return word.length > 1 && !stop.has(word.toLowerCase());
}

function stopSet(langs: string[]): Set<string> {
  const key = langs.join(' ');
  let set = stopSets.get(key);
  if (!set) stopSets.set(key, (set = new Set(langs.flatMap((l) => [...(functionWords(l) ?? [])]))));
  return set;
}

/** A line in capitals ("HOW WILL OBAMA PLAY?"): every word looks like a name, none can be told from one. */
export function shouting(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII by code; other characters by their case mappings (caseless scripts count as neither).
    if (c >= 65 && c <= 90) upper++;
    else if (!(c >= 97 && c <= 122)) {
      if (c < 128) continue;
      const ch = text[i]!;
      if (ch.toLowerCase() !== ch) upper++;
      else if (ch.toUpperCase() === ch) continue;
    }
    letters++;
  }
  return letters >= 8 && upper / letters > 0.6;
}

const stopSets = new Map<string, Set<string>>();

export function countOf(list: string[], item: string): number {
  let n = 0;
  for (const x of list) if (x === item) n++;
  return n;
}

let cache: Map<string, Set<string>> | null = null;
function functionWords(lang: string): Set<string> | undefined {
  if (!cache) cache = new Map();
  if (!cache.has(lang)) {
    cache.set(lang, new Set(FUNCTION[lang]?.split(' ') ?? []));
  }
  return cache.get(lang);
}

/** Words that start sentences in capitals without being names (function words and the like). */
const FUNCTION: Record<string, string> = {
  en: 'the a an in on at of and or but if as to for from by with after before during while when where what who which this that these those it its he she they we you i his her their our my there here also however into meanwhile earlier later on monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december mr mrs ms dr president minister prime secretary foreign deputy senior no yes new old inside outside interior not now then here',
  es: 'el la los las un una unos unas en de del al y o pero si como para por con sin tras antes durante mientras cuando donde qué quién cual este esta estos estas ese esa eso esto él ella ellos ellas nosotros su sus lo le les hay también sin embargo entonces lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre sr sra presidente ministro primer secretario no sí nuevo nueva',
};

/**
 * A dateline opening a paragraph: a place in capitals, maybe an agency in brackets, and a dash
 * ("NORTHBRIDGE —", "VARNA CITY —", "WASHINGTON (Reuters) -").
 */
const DATELINE_RE = /^\s*(\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu})(?:,? \p{Lu}[\p{L}.]*)?(?: \([^)]{1,40}\))?(?: ?[—–] ?| - )/u;
/** The place of a dateline: its words in capitals before a comma, a bracket or the dash. */
const DATELINE_PLACE_RE = /^\s*\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}(?=,? \p{Lu}[\p{L}.]*(?: \(| ?[—–]| - )|(?: \([^)]{1,40}\))?(?: ?[—–]| - ))/u;
/** The translation's dateline place: the engine may translate it into words in small letters ("CIUTAT de VARNA —"). */
const TRANSLATED_PLACE_RE = /^[^—–,(\n]{1,40}?(?=\s*(?:,|\(|[—–]| - ))/u;

export function hasDateline(text: string): boolean {
  return DATELINE_RE.test(text);
}

/**
 * The text without its dateline's place in capitals ("HANOI, Vietnam (AP) —" keeps ", Vietnam (AP) —":
 * those are names like any other); `translated`: the translation of a paragraph that opens with one.
 */
export function withoutDateline(text: string, translated = false): string {
  if (translated) return text.replace(TRANSLATED_PLACE_RE, '');
  return DATELINE_RE.test(text) ? text.replace(DATELINE_PLACE_RE, '') : text;
}

/**
 * Whether 1 − editDistance(x, y) / longer length ≥ min, for strings already folded. The length
 * difference alone bounds the similarity from above, which spares most Levenshtein runs: the names check compares every name
 * with every word of its paragraph.
 */
export function similarFolded(x: string, y: string, min: number): boolean {
  if (x === y) return true;
  const longest = Math.max(x.length, y.length);
  const maxDistance = Math.floor((1 - min) * longest + 1e-9);
  if (Math.abs(x.length - y.length) > maxDistance) return false;
  if (maxDistance === 0) return false;
  // Most comparisons allow one edit (names of five to nine letters): a linear walk answers those.
  if (maxDistance === 1) return oneEditApart(x, y);
  return levenshteinWithin(x, y, maxDistance);
}

/** Whether x and y (different strings) differ by one substitution, insertion or deletion. */
function oneEditApart(x: string, y: string): boolean {
  const [a, b] = x.length <= y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    // One substitution: the rest after the first difference is equal.
    for (let j = i + 1; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
    return true;
  }
  // One insertion into the shorter one: skip a character of the longer.
  for (let j = i; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j + 1)) return false;
  return true;
}

const rowBuffer = { row: new Int32Array(64) };

/** Whether the edit distance of a and b is at most `max`; gives up as soon as a whole row exceeds it. */
function levenshteinWithin(a: string, b: string, max: number): boolean {
  if (rowBuffer.row.length <= b.length) rowBuffer.row = new Int32Array(b.length * 2 + 1);
  const row = rowBuffer.row;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      const v = Math.min(tmp + 1, row[j - 1]! + 1, prev + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < rowMin) rowMin = v;
      prev = tmp;
    }
    if (rowMin > max) return false;
  }
  return row[b.length]! <= max;
}

export function fold(s: string): string {
  // Most words are plain ASCII: no marks to strip, and normalizing is the costly part.
  if (ASCII_RE.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII_RE = /^[\x00-\x7f]*$/;
