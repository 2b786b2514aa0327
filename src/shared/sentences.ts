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
  const re = /([.!?…]+)["”»’)]*\s+(?=["“«‘(¿¡]*\s?([\p{L}\d]))/gu;
  for (const m of text.matchAll(re)) {
    const stops = m[1]!;
    const first = m[2]!;
    const lastWord = wordBefore(text, start, m.index);
    if (stops.startsWith('.') && (ABBREV.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
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
 * The last word of text[start, end) in lower case, as abbreviations are listed: the letters after
 * the last dot of its run of letters and dots ("U.S" → "s", "EE" → "ee"). Read backwards: a
 * regex anchored at the end would scan the whole paragraph for every full stop.
 */
function wordBefore(text: string, start: number, end: number): string {
  let i = end;
  while (i > start && LETTER_OR_DOT.test(text[i - 1]!)) i--;
  const run = text.slice(i, end).toLowerCase().split('.').filter(Boolean);
  return run.at(-1) ?? '';
}

const LETTER_OR_DOT = /[\p{L}.]/u;
