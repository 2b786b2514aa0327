/**
 * Whether a member of a story says something its translated lead does not, so that translating
 * it (as an update) is worth the engine's time. The rule, kept simple on purpose:
 *   - a quotation of five words or more that the lead does not contain (compared only when both
 *     are in one language: a quote in another language reads differently), or
 *   - at least two figures the lead does not have.
 * One differing figure alone is not enough: outlets differ in one number all the time (a time of
 * day, a rounded total), and where they disagree on a count the story's disagreement table shows
 * it without a translation. Years (1900–2099) and figures under 10 are not facts of their own.
 */
export interface FactSource {
  lang: string;
  title: string;
  text: string;
}

export interface NewFacts {
  adds: boolean;
  figures: string[];
  quotes: string[];
}

const MIN_QUOTE_WORDS = 5;
const MIN_NEW_FIGURES = 2;

export function newFacts(member: FactSource, lead: FactSource): NewFacts {
  const known = new Set(figures(`${lead.title}\n${lead.text}`));
  const fresh = [...new Set(figures(`${member.title}\n${member.text}`))].filter((f) => !known.has(f));
  let quotes: string[] = [];
  if (member.lang === lead.lang) {
    const leadWords = ` ${words(lead.text).join(' ')} `;
    quotes = quotations(member.text).filter((q) => !leadWords.includes(` ${words(q).join(' ')} `));
  }
  return { adds: quotes.length > 0 || fresh.length >= MIN_NEW_FIGURES, figures: fresh, quotes };
}

/** Figures as numbers written one way: "2,000" and "2.000" are 2000; "3,5" and "3.5" are 3.5. */
export function figures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const [first, ...rest] = m[0].split(/[.,]/);
    // Groups of exactly three digits after the first are thousands; a last group of another length is decimals.
    const last = rest.length > 0 && rest[rest.length - 1]!.length !== 3 ? rest.pop()! : '';
    if (rest.some((g) => g.length !== 3)) continue; // "1.2.3": a version or a reference, not a figure
    const n = Number(`${first!}${rest.join('')}${last ? `.${last}` : ''}`);
    const isYear = !last && rest.length === 0 && n >= 1900 && n <= 2099;
    if (Number.isFinite(n) && n >= 10 && !isYear) out.push(String(n));
  }
  return out;
}

/** Quoted passages of five words or more (“…”, «…», "…"). */
export function quotations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“«"„]([^”»"“]+)[”»"“]/g)) {
    const q = m[1]!.trim();
    if (words(q).length >= MIN_QUOTE_WORDS) out.push(q);
  }
  return out;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
