/**
 * A headline in Title Case ("Radio Telescope Finds Signal Near Skerry") brought to sentence case
 * before the engine: Apertium reads a capitalized word as a name and leaves it, or moves it
 * (`Skerry El radiotelescopio localiza…`). The first word keeps its capital, and so do the words
 * the article writes with one inside its sentences (its names), acronyms and "I".
 */
const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs']);

/** Whether a headline is in Title Case: most of its words of four letters or more open with a capital. */
export function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  const long = words.filter((w) => w.length >= 4 && !SMALL.has(w.toLowerCase()));
  if (long.length < 2 || text === text.toUpperCase()) return false;
  const capitals = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitals === long.length || (capitals / long.length >= 0.8 && words.slice(1).some((w) => SMALL.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)));
}

/** The headline in sentence case; `names` are the words the article capitalizes inside sentences. */
export function toSentenceCase(text: string, names: Set<string>, opensHeadline = true): string {
  let first = opensHeadline;
  return text.replace(/[\p{L}][\p{L}\p{M}'’.-]*/gu, (w) => {
    const keep = first || names.has(w) || w === 'I' || (w.length > 1 && w === w.toUpperCase()) || /\p{Lu}/u.test(w.slice(1));
    first = false;
    return keep ? w : w.charAt(0).toLowerCase() + w.slice(1);
  });
}
