import type { ClaimValue, Disagreement } from './claim-types.ts';
import type { QuoteClaim } from './quote-claims.ts';
import { sameSpeaker } from './speaker.ts';
import { UnionFind } from './union-find.ts';

/** Share of the shorter quotation's words the other must have: outlets cut quotations differently. */
const SAME_WORDS = 0.75;
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
    const members = group.map((i) => quotes[i]!);
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
    const [short, long] = a.words.length <= b.words.length ? [a.words, new Set(b.words)] : [b.words, new Set(a.words)];
    return short.filter((w) => long.has(w)).length / short.length >= SAME_WORDS;
  }
  if (a.anchors.length < MIN_ANCHORS || a.anchors.length !== b.anchors.length) return false;
  return a.anchors.every((x) => b.anchors.includes(x));
}
