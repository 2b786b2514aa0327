import type { ClaimValue, Disagreement } from './claim-types.ts';
import { TOPICAL, type FigureClaim } from './figure-claims.ts';
import { baseLang } from './phrase-table.ts';
import { UnionFind } from './union-find.ts';

/**
 * Figures of different members that count the same thing, and where they disagree. Two figures
 * are about the same thing when they count the same category of the same group (or one says no
 * group) and their sides do not differ ("Armenian" and "armenios" agree, "Armenian" and
 * "Azerbaijani" do not). A pair is linked only when each is the one figure of its member closest
 * to the other: a member giving 105 Armenian and 50 Azerbaijani dead says nothing against one
 * giving 50 dead. A linked set disagrees where two of its figures' intervals do not meet.
 */
export function figureDisagreements(claims: readonly FigureClaim[]): Disagreement[] {
  const out: Disagreement[] = [];
  const byCategory = new Map<string, FigureClaim[]>();
  for (const c of dedupe(claims)) byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
  for (const [category, list] of byCategory) {
    const links = new UnionFind(list.length);
    const byMember = new Map<string, number[]>();
    list.forEach((c, i) => byMember.set(c.source.articleId, [...(byMember.get(c.source.articleId) ?? []), i]));
    const otherMember = (a: number, b: number) => list[a]!.source.articleId !== list[b]!.source.articleId;
    // How close each figure comes to any other member's: a disagreement is linked only at that.
    const best = list.map((x, a) => Math.max(0, ...list.map((y, b) => (otherMember(a, b) ? closeness(x, y) : 0))));
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (!otherMember(a, b) || !comparable(list[a]!, list[b]!)) continue;
        if (!onlyCandidate(list, byMember, a, b) || !onlyCandidate(list, byMember, b, a)) continue;
        // 105 armenios agree with 105 Armenian and say nothing against 50 Azerbaijani, though
        // "armenios" and "Azerbaijani" are words of two languages that spelling cannot compare.
        const near = closeness(list[a]!, list[b]!);
        if (meet(list[a]!, list[b]!) || (near === best[a] && near === best[b])) links.union(a, b);
      }
    }
    for (const group of links.groups()) {
      const members = group.map((i) => list[i]!);
      if (members.some((x) => members.some((y) => x.source.articleId === y.source.articleId && !meet(x, y)))) continue;
      if (!members.some((x) => members.some((y) => !meet(x, y)))) continue;
      // The claim is the category's word alone, as the page translates it; the group is in what each outlet wrote.
      out.push({ kind: 'figure', claim: category, values: valuesOf(members) });
    }
  }
  return out;
}

/** One figure per member, value, group and sides: an article repeats its toll in title and body. */
function dedupe(claims: readonly FigureClaim[]): FigureClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const k = `${c.source.articleId}|${c.category}|${c.value}|${c.lo}|${c.hi}|${c.group}|${c.sides.join(' ')}`;
    return !seen.has(k) && seen.add(k);
  });
}

/**
 * Content words near two figures they must share for percentages, amounts, dates or bare counts
 * of people to be about one thing: one or two are any words of the story ("North Korea").
 */
const SHARED_TOPIC = 3;

/**
 * Outlets that disagree on a count disagree by a little (105 and 50 killed, 30 and 45 injured);
 * figures further apart than this count different things (8 killed in an attack, 6,644 in a year).
 */
const MAX_RATIO = 3;
/** Likewise dates: one a day or two off is a disagreement (or a time zone); a month off is another day of the story. */
const MAX_DAYS_APART = 3;

function comparable(a: FigureClaim, b: FigureClaim): boolean {
  return closeness(a, b) > 0;
}

/**
 * 0: about different things; 1: nothing tells them apart (one names no side, or they name it in
 * two languages); 2: both name the same side ("Armenian", "armenios"). A figure is set against
 * the closest of a member's figures.
 */
function closeness(a: FigureClaim, b: FigureClaim): number {
  if (a.group !== null && b.group !== null && a.group !== b.group) return 0;
  if (a.category === 'date' ? Math.abs(a.lo - b.lo) > MAX_DAYS_APART : Math.max(a.hi, b.hi) > MAX_RATIO * Math.min(a.lo, b.lo)) return 0;
  if (TOPICAL.has(a.category) || a.category === a.category.toUpperCase()) {
    if (a.topic.filter((w) => b.topic.includes(w)).length < SHARED_TOPIC) return 0;
  }
  const sameSide = a.sides.some((s) => b.sides.some((t) => sameStem(s, t)));
  // People are counted for what they did, said by the word after them ("attended", "marched").
  if (a.category === 'people') return sameSide ? 2 : 0;
  if (a.sides.length === 0 && b.sides.length === 0) return 1;
  if (a.sides.length === 0 || b.sides.length === 0) {
    // "10 Americans" among "12 killed" are a part of the toll, not another toll.
    const [named, bare] = a.sides.length > 0 ? [a, b] : [b, a];
    return named.hi < bare.lo ? 0 : 1;
  }
  if (sameSide) return 2;
  // In two languages the sides' words cannot be told apart by spelling ("passengers", "pasajeros").
  return baseLang(a.source.lang) !== baseLang(b.source.lang) ? 1 : 0;
}

/** "armenian" and "armenios", "azerbaijani" and "azerbaiyanos": the first five letters. */
function sameStem(a: string, b: string): boolean {
  return a.slice(0, 5) === b.slice(0, 5);
}

/**
 * Whether list[a] is the one figure of its member (of another value) closest to list[b]: a member
 * giving 87 Tarvenian and 41 unnamed dead sets its 87 against another's 92 Tarvenian, but neither
 * figure against a bare 50.
 */
function onlyCandidate(list: readonly FigureClaim[], byMember: ReadonlyMap<string, number[]>, a: number, b: number): boolean {
  const x = list[a]!;
  const near = closeness(x, list[b]!);
  return !byMember.get(x.source.articleId)!.some((i) => i !== a && list[i]!.value !== x.value && closeness(list[i]!, list[b]!) >= near);
}

function meet(a: FigureClaim, b: FigureClaim): boolean {
  return a.lo <= b.hi + 1e-9 && b.lo <= a.hi + 1e-9;
}

function valuesOf(members: readonly FigureClaim[]): Disagreement['values'] {
  const by = new Map<string, { lo: number; sources: ClaimValue[] }>();
  for (const m of members) {
    const e = by.get(m.value) ?? { lo: m.lo, sources: [] };
    if (!e.sources.some((s) => s.articleId === m.source.articleId)) e.sources.push(valueOf(m));
    by.set(m.value, e);
  }
  return [...by].sort(([, a], [, b]) => b.sources.length - a.sources.length || a.lo - b.lo).map(([value, e]) => ({ value, sources: e.sources }));
}

function valueOf(c: FigureClaim): ClaimValue {
  return { articleId: c.source.articleId, outlet: c.source.outlet, url: c.source.url, shown: c.shown };
}
