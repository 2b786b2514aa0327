/**
 * Whether a member of a story says something its translated text so far (the lead and the updates
 * already translated) does not, so that translating it (as an update) is worth the engine's time.
 * The rule, kept simple on purpose:
 *   - at least two quotations of five words or more that none of them contains (compared only
 *     with those in the member's language: a quote in another language reads differently), or
 *   - at least three figures none of them has.
 * One new quote or a differing figure or two is not enough: every outlet quotes someone of its own
 * and rounds or times things its own way (bench/stories-spend.ts: with "one quote or two figures"
 * 241 of 319 members of news-clusters-en were updates), and where outlets disagree on a count
 * the story's disagreement table shows it without a translation. Years (1900–2099) and figures
 * under 10 are not facts of their own.
 */
import { quotations as quotedPassages } from '../shared/quotations.ts';

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
const MIN_NEW_FIGURES = 3;
const MIN_NEW_QUOTES = 2;

export function newFacts(member: FactSource, told: FactSource | readonly FactSource[]): NewFacts {
  const sources = Array.isArray(told) ? told : [told as FactSource];
  const known = new Set(sources.flatMap((s) => figures(`${s.title}\n${s.text}`)));
  const fresh = [...new Set(figures(`${member.title}\n${member.text}`))].filter((f) => !known.has(f));
  const sameLanguage = sources.filter((s) => s.lang === member.lang).map((s) => ` ${words(s.text).join(' ')} `);
  const quotes = quotations(member.text).filter((q) => {
    const said = ` ${words(q).join(' ')} `;
    return sources.some((s) => s.lang === member.lang) && !sameLanguage.some((t) => t.includes(said));
  });
  return { adds: quotes.length >= MIN_NEW_QUOTES || fresh.length >= MIN_NEW_FIGURES, figures: fresh, quotes };
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

/** Quoted passages of five words or more (“…”, «…», "…", „…“: the gate's reading of quotations), without their marks. */
export function quotations(text: string): string[] {
  return quotedPassages(text)
    .map((q) => q.slice(1, -1).trim())
    .filter((q) => words(q).length >= MIN_QUOTE_WORDS);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
