import { figureDisagreements } from './align-figures.ts';
import { speakerDisagreements } from './align-quotes.ts';
import type { ClaimSource, Disagreement } from './claim-types.ts';
import { figureClaims } from './figure-claims.ts';
import { quoteClaims } from './quote-claims.ts';

/**
 * Where the members of a story disagree: figures that count the same thing with values that do
 * not fit together (105 soldiers killed per one, 50 per another), and one quotation given to two
 * speakers. Notation never makes a disagreement (2,000 = two thousand = 2.000 = 2 000 = 2k), nor
 * does a qualifier on the same number ("at least 50" and "50"); a claim that cannot be aligned
 * with certainty is left out rather than guessed.
 */
export function findDisagreements(members: readonly ClaimSource[]): Disagreement[] {
  const figures = members.flatMap(figureClaims);
  const quotes = members.flatMap(quoteClaims);
  const out = [...figureDisagreements(figures), ...speakerDisagreements(quotes)];
  return out.sort((a, b) => rank(a) - rank(b));
}

const ORDER = ['killed', 'injured', 'missing', 'arrested', 'evacuated', 'troops', 'people'];

function rank(d: Disagreement): number {
  if (d.kind === 'speaker') return 100;
  const at = ORDER.indexOf(d.claim);
  return at >= 0 ? at : d.claim === 'percent' ? 51 : 50;
}
