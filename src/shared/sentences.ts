/** Abbreviations (lower case, without their full stop) that do not end a sentence: "Mr. Smith", "EE. UU.". */
const ABBREV = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'sra', 'srta', 'gen', 'lt', 'col', 'sgt', 'gov', 'sen', 'rep', 'no', 'vs', 'etc', 'prof', 'mt', 'ee', 'uu', 'u', 's', 'd', 'dña', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'av', 'núm', 'pág']);

/**
 * Sentences of a plain-text paragraph; abbreviations and initials do not end one. A sentence may
 * open with a space inside its quotation mark (Apertium writes `dijo. “ Es…`) and, after a full
 * stop, with a small letter: Apertium reorders "There is…" into "hay…" without the capital.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  // A closing quotation may be a straight apostrophe: Apertium writes ‘…’ as ‘…'.
  const re = /([.!?…]+)["”»’')]*\s+(?=["“«‘(¿¡]*\s?([\p{L}\d]))/gu;
  for (const m of text.matchAll(re)) {
    const stops = m[1]!;
    const first = m[2]!;
    // Only one full stop may be an abbreviation's or an initial's: "y..." ends a sentence.
    if (stops === '.' && abbreviationBefore(text, start, m.index, first)) continue;
    // Only a full stop ends a sentence before a small letter ("Why?” she asked" is one).
    if (/\p{Ll}/u.test(first) && !/^\.+$/.test(stops)) continue;
    out.push(text.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * Whether the full stop at `end` closes an abbreviation or an initial rather than a sentence: the
 * word before it (the letters after the last dot of its run of letters and dots: "U.S" → "S",
 * "EE" → "EE") is listed, or is one capital letter ("J. Abrams") or the last letter of a dotted
 * run ("e.g", "a.m"). One small letter alone is a word (Spanish "a", "y": "proyectos a. Dirigí"),
 * and "no" (Spanish "núm.") is the abbreviation of "number" only before one ("No. 5", not "o no. En"). Read
 * backwards: a regex anchored at the end would scan the whole paragraph for every full stop.
 */
function abbreviationBefore(text: string, start: number, end: number, next: string): boolean {
  let i = end;
  while (i > start && LETTER_OR_DOT.test(text[i - 1]!)) i--;
  const run = text.slice(i, end).split('.').filter(Boolean);
  const word = run.at(-1) ?? '';
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'núm') return /\d/.test(next);
  if (ABBREV.has(lower)) return true;
  return /^\p{L}$/u.test(word) && (run.length > 1 || /\p{Lu}/u.test(word));
}

const LETTER_OR_DOT = /[\p{L}.]/u;
