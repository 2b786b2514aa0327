import { STOPWORDS } from './stopwords.ts';
import { fold } from './text-tokens.ts';

/**
 * Language-independent features of a text: the names, numbers, dates and web addresses it gives.
 * A Spanish and an English report of one event share "Pyongyang", "Kim", "2016-01-06" and "4.8"
 * whatever their words; prefixes keep the kinds apart ("n:" name, "#:" number, "d:" date, "u:" web).
 */
export function anchors(text: string): string[] {
  const out: string[] = [];
  const withoutUrls = text.replace(URL, (url) => {
    const host = /^(?:https?:\/\/)?(?:www\.)?([^/\s]+)/i.exec(url)?.[1];
    if (host) out.push(`u:${host.toLowerCase()}`);
    return ' ';
  });
  for (const m of withoutUrls.matchAll(HANDLE)) out.push(`u:${m[0].toLowerCase()}`);
  names(withoutUrls, out);
  numbersAndDates(withoutUrls, out);
  return out;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')]+/gi;
const HANDLE = /(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_]{3,}/gu;
const SENTENCE_END = /[.!?:;"“”«»\n]\s*$/;

/** Capitalized words that do not open a sentence (an opening capital says nothing). */
function names(text: string, out: string[]): void {
  for (const m of text.matchAll(/[\p{Lu}][\p{L}'’-]+/gu)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 3), at);
    if (at === 0 || SENTENCE_END.test(before) || /^\s*$/.test(text.slice(0, at))) continue;
    const word = fold(m[0]).replace(/['’]s$/, '').replace(/['’]/g, '');
    if (word.length < 2 || STOPWORDS.has(word) || MONTHS.has(word) || WEEKDAYS.has(word)) continue;
    out.push(`n:${word}`);
  }
}

const MONTHS = new Map<string, number>();
for (const [i, names] of [
  'january enero janvier januar', 'february febrero fevrier februar', 'march marzo mars marz', 'april abril avril',
  'may mayo mai', 'june junio juin juni', 'july julio juillet juli', 'august agosto aout', 'september septiembre septembre',
  'october octubre octobre oktober', 'november noviembre novembre', 'december diciembre decembre dezember',
].entries()) {
  for (const n of names.split(' ')) MONTHS.set(n, i + 1);
}
const WEEKDAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes sabado domingo'.split(' '),
);

const NUMBER = /(?<![\p{L}\p{N}])\d{1,3}(?:([.,\u00a0\u202f])\d{3})+(?:[.,]\d+)?(?![\p{N}])|(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?![\p{N}])/gu;

/**
 * Numbers in one notation whatever the language wrote ("1,200", "1.200" and "1 200" are 1200;
 * "4,8" and "4.8" are 4.8); single digits say too little to keep. A day next to a month name is a
 * date ("January 6", "6 de enero" → d:1-6).
 */
function numbersAndDates(text: string, out: string[]): void {
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    const value = normalizeNumber(raw, m[1]);
    if (value === null) continue;
    const after = fold(text.slice(m.index + raw.length, m.index + raw.length + 14)).match(/^\s*(?:de\s+)?(\p{L}+)/u)?.[1];
    const before = fold(text.slice(Math.max(0, m.index - 12), m.index)).match(/(\p{L}+)\.?\s*$/u)?.[1];
    const month = (after && MONTHS.get(after)) ?? (before && MONTHS.get(before));
    const day = Number(value);
    if (month && Number.isInteger(day) && day >= 1 && day <= 31) {
      out.push(`d:${month}-${day}`);
      continue;
    }
    if (value.length >= 2 || value.includes('.')) out.push(`#:${value}`);
  }
}

function normalizeNumber(raw: string, groupSep: string | undefined): string | null {
  let s = raw;
  if (groupSep !== undefined) {
    // Grouped thousands: the last separator is a decimal point only if it differs from the grouping one.
    const dec = /([.,])(\d+)$/.exec(s);
    const decimal = dec && dec[1] !== groupSep && dec[2]!.length !== 3 ? dec[2] : null;
    if (decimal) s = s.slice(0, -decimal.length - 1);
    s = s.replace(/[.,\u00a0\u202f]/g, '') + (decimal ? `.${decimal}` : '');
  } else {
    s = s.replace(',', '.');
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return String(n);
}
