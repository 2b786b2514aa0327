import { MONTH_WORDS, OF_WORDS } from './unit-words.ts';
import { touching, type Token } from './tokens.ts';

/** A day of a month read from the tokens: "13 September", "September 13th", "13 de septiembre de 2022", "13. September". */
export interface ReadDate {
  month: number;
  day: number;
  year: number | null;
  start: number;
  end: number;
}

const ORDINAL = new Set(['st', 'nd', 'rd', 'th', 'er', 'o', 'a']);

/** The date whose first token is tokens[i], or null. */
export function readDate(tokens: readonly Token[], i: number, lang: string): ReadDate | null {
  const dayFirst = dayAt(tokens, i);
  if (dayFirst) {
    let k = dayFirst.end;
    if (OF_WORDS.has(tokens[k]?.key ?? '')) k++;
    const month = MONTH_WORDS.at(tokens, k, lang);
    if (month) return withYear(tokens, { month: month.value, day: dayFirst.day, year: null, start: i, end: k + month.length });
    return null;
  }
  const month = MONTH_WORDS.at(tokens, i, lang);
  if (!month) return null;
  let k = i + month.length;
  if (tokens[k]?.text === '.' && touching(tokens[k - 1], tokens[k])) k++;
  const day = dayAt(tokens, k);
  if (!day) return null;
  return withYear(tokens, { month: month.value, day: day.day, year: null, start: i, end: day.end });
}

/** A day of the month at tokens[i]: one or two digits, maybe with an ordinal or a German full stop. */
function dayAt(tokens: readonly Token[], i: number): { day: number; end: number } | null {
  const t = tokens[i];
  if (t?.kind !== 'number' || !/^\d{1,2}$/.test(t.text)) return null;
  const day = Number(t.text);
  if (day < 1 || day > 31) return null;
  const next = tokens[i + 1];
  if (next && touching(t, next) && (ORDINAL.has(next.key) || next.text === '.')) return { day, end: i + 2 };
  return { day, end: i + 1 };
}

/** The year after a date: "13 September 2022", "September 13, 2022", "13 de septiembre de 2022". */
function withYear(tokens: readonly Token[], date: ReadDate): ReadDate {
  let k = date.end;
  if (tokens[k]?.text === ',' || OF_WORDS.has(tokens[k]?.key ?? '')) k++;
  const t = tokens[k];
  if (t?.kind === 'number' && /^\d{4}$/.test(t.text)) return { ...date, year: Number(t.text), end: k + 1 };
  return date;
}
