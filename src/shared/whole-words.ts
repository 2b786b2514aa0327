/**
 * Where a phrase stands as whole words in a text: not inside a longer word ("CMAL" is not in
 * "CMAL3"). A plain string search and a look at the character on each side, instead of a Unicode
 * regex compiled per phrase: an article asks this for each of its hundred-odd names, and the
 * regexes were a sixth of the translator's time.
 */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;

export type WordBoundary = 'word' | 'letter';

function codePointBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
}

function codePointAt(text: string, at: number): string {
  const cp = text.codePointAt(at);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * The indexes at which `phrase` stands as a whole word. `boundary` says what may not touch it:
 * letters, marks and digits (`word`, the default) or letters only (`letter`).
 */
export function wholeWordIndexes(text: string, phrase: string, boundary: WordBoundary = 'word', limit = Infinity): number[] {
  const out: number[] = [];
  if (!phrase) return out;
  const inWord = boundary === 'word' ? WORD_CHAR : LETTER;
  for (let at = text.indexOf(phrase); at !== -1 && out.length < limit; at = text.indexOf(phrase, at + 1)) {
    const before = codePointBefore(text, at);
    const after = codePointAt(text, at + phrase.length);
    if ((before && inWord.test(before)) || (after && inWord.test(after))) continue;
    out.push(at);
  }
  return out;
}

/** Whether `phrase` stands in `text` as a whole word at least once. */
export function hasWholeWord(text: string, phrase: string, boundary: WordBoundary = 'word'): boolean {
  return wholeWordIndexes(text, phrase, boundary, 1).length > 0;
}
