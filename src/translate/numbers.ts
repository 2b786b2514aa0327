import { NUMBER_RE, convertNumber, notationFor, parseNumber } from '../shared/number-notation.ts';

export { NUMBER_RE, convertNumber, notationFor, parseNumber };

/**
 * Engines that copy digits verbatim (Apertium) leave 2,000 in Spanish text, where it reads as two.
 * Rewrites each number still in source notation whose source value the source segment has.
 */
export function localizeNumbers(target: string, source: string, from: string, to: string): string {
  // Most paragraphs have no number: nothing to rewrite.
  if (sameNotation(from, to) || !/\d/.test(source)) return target;
  const literals = source.match(NUMBER_RE) ?? [];
  const verbatim = new Set(literals.filter((l) => /[.,]/.test(l)));
  const values = new Set(literals.map((l) => parseNumber(l, from)).filter((v) => v !== null));
  return target.replace(NUMBER_RE, (lit) => {
    const asSource = parseNumber(lit, from);
    const asTarget = parseNumber(lit, to);
    if (asSource === null || !values.has(asSource)) return lit;
    // Copied verbatim from the source (as Apertium does), or unreadable in the target notation.
    if (asTarget !== null && values.has(asTarget) && !verbatim.has(lit)) return lit;
    return convertNumber(lit, from, to) ?? lit;
  });
}

function sameNotation(a: string, b: string): boolean {
  const x = notationFor(a);
  const y = notationFor(b);
  return x.decimal === y.decimal && x.group[0] === y.group[0];
}
