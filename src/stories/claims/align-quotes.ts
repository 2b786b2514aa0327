import { STOPWORDS } from '../stopwords.ts';
import type { ClaimValue, Disagreement } from './claim-types.ts';
import type { QuoteClaim } from './quote-claims.ts';
import { sameSpeaker } from './speaker.ts';
import { INSTITUTION_WORDS } from './speech-words.ts';
import { keyOf } from './tokens.ts';
import { UnionFind } from './union-find.ts';

/** Share of the shorter quotation's words the other must have: outlets cut quotations differently. */
const SAME_WORDS = 0.75;
/** Words other than function words a quotation must have to be matched by its words. */
const MIN_CONTENT_WORDS = 3;
/** Numbers and names a quotation must have to be matched across languages. */
const MIN_ANCHORS = 2;

/**
 * Quotations of different members that are the same quotation, and the speakers they are given
 * to. In one language a quotation matches by its words (one may be cut shorter); across languages
 * only by its numbers and names, all of them and at least two: words alone would be a guess.
 */
export function speakerDisagreements(quotes: readonly QuoteClaim[]): Disagreement[] {
  const links = new UnionFind(quotes.length);
  for (let a = 0; a < quotes.length; a++) {
    for (let b = a + 1; b < quotes.length; b++) {
      if (quotes[a]!.source.articleId !== quotes[b]!.source.articleId && sameQuotation(quotes[a]!, quotes[b]!)) links.union(a, b);
    }
  }
  const out: Disagreement[] = [];
  for (const group of links.groups()) {
    // An institution speaks through people: "British Transport Police" and its officer Robin Smith
    // are not two speakers of one quotation.
    const members = group.map((i) => quotes[i]!).filter((q) => !isInstitution(q.speaker));
    const values: Array<{ speaker: QuoteClaim['speaker']; sources: ClaimValue[] }> = [];
    for (const q of members) {
      const v = values.find((x) => sameSpeaker(x.speaker, q.speaker));
      const source = { articleId: q.source.articleId, outlet: q.source.outlet, url: q.source.url, shown: q.speaker.shown };
      if (!v) values.push({ speaker: q.speaker, sources: [source] });
      else {
        if (!v.sources.some((s) => s.articleId === q.source.articleId)) v.sources.push(source);
        // The fullest form names the speaker: "Nikol Pashinyan" rather than "Pashinyan".
        if (q.speaker.name.length > v.speaker.name.length) v.speaker = q.speaker;
      }
    }
    // A member giving the quotation to two speakers contradicts itself: nothing to set against others.
    const perMember = new Map<string, number>();
    for (const v of values) for (const s of v.sources) perMember.set(s.articleId, (perMember.get(s.articleId) ?? 0) + 1);
    if (values.length < 2 || [...perMember.values()].some((n) => n > 1)) continue;
    values.sort((x, y) => y.sources.length - x.sources.length);
    out.push({ kind: 'speaker', claim: members[0]!.opening, values: values.map((v) => ({ value: v.speaker.name, sources: v.sources })) });
  }
  return out;
}

function sameQuotation(a: QuoteClaim, b: QuoteClaim): boolean {
  if (a.lang === b.lang) {
    // Content words only: a short quotation of "that I was in" is inside any long one.
    const [x, y] = [contentWords(a.words), contentWords(b.words)];
    const [short, long] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)];
    return short.length >= MIN_CONTENT_WORDS && short.filter((w) => long.has(w)).length / short.length >= SAME_WORDS;
  }
  if (a.anchors.length < MIN_ANCHORS || a.anchors.length !== b.anchors.length) return false;
  return a.anchors.every((x) => b.anchors.includes(x));
}

function isInstitution(speaker: QuoteClaim['speaker']): boolean {
  return speaker.shown.split(/\s+/).some((w) => INSTITUTION_WORDS.has(keyOf(w)));
}

function contentWords(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => w.length >= 3 && !STOPWORDS.has(w)))];
}
