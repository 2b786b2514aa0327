/**
 * Typography of the translation that the engine leaves to its source: Apertium copies the
 * English question and exclamation marks without Spanish's opening `¿`/`¡`, and keeps a
 * sentence's small first letter where the source had one (social posts, transcripts) or where it
 * moved a word to the front ("There is…" → "hay…"). Done on a unit's HTML, text only: tags and
 * entities are left as they are.
 */
import { tidyQuoteSpacing } from '../../shared/quote-spacing.ts';
import { escapeRe } from '../glossary.ts';
import { decodeEntities } from '../../shared/entities.ts';
import { escapeHtml } from '../../shared/escape-html.ts';

/** Languages that open a question and an exclamation with an inverted mark. */
const INVERTED = new Set(['es', 'ast']);

/**
 * The translation's typography for `to`: no space inside quotation marks, its sentences' first
 * letters in capitals, and the inverted marks where the language has them.
 */
export function targetTypography(html: string, to: string, source = ''): string {
  let out = capitalizeSentences(lowerAfterCopiedStart(tidyQuotesHtml(html, to), source));
  if (INVERTED.has(to)) out = invertedMarks(out);
  return out;
}

/** Quotation spacing tidied in each text run of the HTML, read with its entities decoded (`&quot;`). */
function tidyQuotesHtml(html: string, to: string): string {
  return html.replace(/(^|>)([^<]+)/g, (whole, gt: string, run: string) => {
    if (!/[“”‘„«»¿¡"]|&quot;|&#34;/.test(run)) return whole;
    const text = decodeEntities(run);
    const tidy = tidyQuoteSpacing(to, text);
    return tidy === text ? whole : gt + escapeHtml(tidy);
  });
}

/**
 * HTML's text with tags removed and entities decoded (`&quot;` is a quotation mark), and where
 * each text character starts in the HTML.
 */
function textOf(html: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < html.length; i++) {
    if (html[i] === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) break;
      i = end;
      continue;
    }
    const entity = html[i] === '&' ? ENTITY.exec(html.slice(i, i + 12)) : null;
    const decoded = entity ? decodeEntities(entity[0]) : '';
    if (entity && [...decoded].length === 1) {
      text += decoded;
      for (let k = 0; k < decoded.length; k++) at.push(i);
      i += entity[0].length - 1;
      continue;
    }
    text += html[i];
    at.push(i);
  }
  return { text, at };
}

const ENTITY = /^&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/** Where a sentence may start: the text's start (after the handles a post opens with), or after an end mark (and closing quotes) and a space. */
const SENTENCE_START = /(?:^(?:@[\p{L}\p{N}_]+\s+)*|[.!?…]["”»’)]*\s+)(["“«‘(¿¡—–-]*\s?)(\p{Ll}[\p{Ll}\p{M}'’-]*)(?=[^\p{L}\p{M}\p{N}@#/.]|\.(?!\p{L})|$)/gu;
/** An abbreviation before a full stop is no sentence end ("p. ej. la", "Sr. de"). */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|[\p{L}]{1,3}\.\p{L}{1,3}|aprox|etc|sr|sra|srta|dr|dra|núm|pág|vs|ej|art|cap|tel|av|ud|uds|ee|uu)\.["”»’)]*\s+$/iu;

/**
 * A sentence's first word in capitals where the engine left it small. A word with a capital or a
 * digit inside (iPhone, eBay) and one that reads as an address (www, a handle) keep their case.
 */
export function capitalizeSentences(html: string): string {
  const { text, at } = textOf(html);
  const upper: number[] = [];
  for (const m of text.matchAll(SENTENCE_START)) {
    const wordAt = m.index + m[0].length - m[2]!.length;
    if (m.index > 0 && ABBREVIATION.test(text.slice(Math.max(0, m.index - 12), m.index + m[0].length - m[1]!.length - m[2]!.length))) continue;
    // "…" inside a sentence ("y luego… nada") and a small letter after a quotation's "?" are a sentence's middle.
    if (text[m.index] === '…' || (text[m.index] === '.' && text[m.index - 1] === '.')) continue;
    if (m.index > 0 && /^[?!]["”»’]/.test(text.slice(m.index))) continue;
    if (/^(?:www|http|https)$/.test(m[2]!)) continue;
    // A letter written as an entity is left as it is.
    if (html[at[wordAt]!] === m[2]![0]) upper.push(at[wordAt]!);
  }
  if (upper.length === 0) return html;
  let out = '';
  let last = 0;
  for (const i of upper) {
    out += html.slice(last, i) + html[i]!.toUpperCase();
    last = i + 1;
  }
  return out + html.slice(last);
}

const TOKEN = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}])?/gu;
/** TOKEN anchored where lastIndex says. */
const FIRST_TOKEN = new RegExp(TOKEN.source, 'uy');

/**
 * Apertium gives a sentence's capital to the first word it translates when the sentence opens
 * with words it copies (a name, a word it does not know): "Beth Ruffin said" → "Beth Ruffin
 * Dijo", "celeste is my" → "celeste Es mi". Where the source opens a sentence with those words
 * and a word in small letters after them, the engine's capital is taken back.
 */
export function lowerAfterCopiedStart(html: string, source: string): string {
  if (!source) return html;
  const { text, at } = textOf(html);
  const sourceWords = new Set(source.match(TOKEN) ?? []);
  const lower: number[] = [];
  for (const m of text.matchAll(/(?:^|[.!?…]["”»’)]*\s+)["“«‘(¿¡]*/gu)) {
    const start = m.index + m[0].length;
    // Most sentences open with a word of the translation's own: nothing copied to look past.
    FIRST_TOKEN.lastIndex = start;
    if (!sourceWords.has(FIRST_TOKEN.exec(text)?.[0] ?? '')) continue;
    const words = [...text.slice(start, start + 200).matchAll(TOKEN)];
    let k = 0;
    // Words side by side (one space apart) that the source has as they are.
    while (k < words.length && sourceWords.has(words[k]![0]) && (k === 0 || gap(words, k) === ' ')) k++;
    if (k === 0 || k >= words.length || words[0]!.index !== 0 || gap(words, k) !== ' ') continue;
    const next = words[k]![0];
    if (!/^\p{Lu}\p{Ll}+$/u.test(next) || sourceWords.has(next)) continue;
    const run = words.slice(0, k).map((w) => w[0]).join(' ');
    if (!new RegExp(`(?:^|[.!?…]["”»’)]*\\s+)["“«‘(]*${escapeRe(run)} \\p{Ll}`, 'u').test(source)) continue;
    const i = at[start + words[k]!.index]!;
    if (html[i] === next[0]) lower.push(i);
  }
  if (lower.length === 0) return html;
  let out = '';
  let last = 0;
  for (const i of lower) {
    out += html.slice(last, i) + html[i]!.toLowerCase();
    last = i + 1;
  }
  return out + html.slice(last);
}

/** What stands between word k - 1 and word k. */
function gap(words: RegExpMatchArray[], k: number): string {
  const prev = words[k - 1]!;
  return prev.input!.slice(prev.index! + prev[0].length, words[k]!.index!);
}

/** A run of question or exclamation marks that ends a clause: not inside a link (`?q=1`). */
const MARKS = /[?!]+(?=["”»’)]*(?:\s|$))/g;

/**
 * `¿` / `¡` where the question or exclamation starts: after the last sentence end, colon,
 * opening quotation mark or bracket before it, and any opening quotes there. A clause that has
 * its inverted mark already is left alone.
 */
export function invertedMarks(html: string): string {
  const { text, at } = textOf(html);
  const inserts: Array<{ at: number; mark: string }> = [];
  for (const m of text.matchAll(MARKS)) {
    const mark = m[0].includes('?') ? '¿' : '¡';
    const start = clauseStart(text, m.index);
    if (start === null || !/\p{L}/u.test(text.slice(start, m.index))) continue;
    inserts.push({ at: start, mark });
  }
  if (inserts.length === 0) return html;
  // A question inside another's clause ("¿Dijo (¿vienes?) y salió?") is found first but starts later.
  inserts.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const ins of inserts) {
    // Inserted before the character the clause starts with (in the HTML, before any tag that opens there too).
    const i = ins.at < at.length ? at[ins.at]! : html.length;
    out += html.slice(last, i) + ins.mark;
    last = i;
  }
  return out + html.slice(last);
}

const CLOSER: Record<string, string> = { '“': '”', '«': '»', '(': ')' };

/**
 * Where the clause ending at `end` starts: its first letter, digit or symbol after the last
 * boundary before it; null when it has its inverted mark already.
 */
function clauseStart(text: string, end: number): number | null {
  let i = end - 1;
  for (; i >= 0; i--) {
    const c = text[i]!;
    if (c === '¿' || c === '¡') return null;
    // An opening quotation mark or bracket still open at the mark: the question is inside it.
    if ((c === '“' || c === '«' || c === '(') && !text.slice(i + 1, end).includes(CLOSER[c]!)) break;
    if (c === '"' && (i === 0 || /\s/.test(text[i - 1]!)) && !text.slice(i + 1, end).includes('"')) break;
    if (/[.!?…:;]/.test(c) && /\s/.test(text[i + 1] ?? '')) break;
    if ((c === '—' || c === '–') && /\s/.test(text[i + 1] ?? '') && (i === 0 || /\s/.test(text[i - 1]!))) break;
  }
  let s = i + 1;
  // The handles a post opens with stay before the mark ("@user33 ¡Guau!").
  for (let moved = true; moved; ) {
    const before = s;
    while (s < end && /[\s"“«‘(]/.test(text[s]!)) s++;
    const handle = /^@[\p{L}\p{N}_]+\s+/u.exec(text.slice(s, end));
    if (handle) s += handle[0].length;
    moved = s !== before;
  }
  return s;
}
