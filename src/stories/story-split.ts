import type { ArticleFeatures } from './article-features.ts';
import type { StoryClusterer, StoryGroup, StoryGroups } from './story-clusterer.ts';

/**
 * When a story has grown into two events. Two stories can be glued together (an article that
 * told both, a broad report close to one member of each) and then grow apart, each event's later
 * reports joining its own half. The split undoes that with the clusterer's own similarity: the
 * members are grouped bottom-up (average linkage: a bridging article does not chain the halves as
 * it would with closest-member linkage) until no two groups are as alike as an article must be to
 * join a story, and the two largest groups are two events when, compared as wholes, they are
 * further apart than two stories that converge (a margin below that, so the next article does not
 * merge them back on its own).
 */
export interface SplitOptions {
  /** A story is looked at from this many members with words of their own (not near-duplicates)… */
  minMembers: number;
  /** …up to this many: a bigger story is one big event, and reading its members back costs. */
  maxMembers: number;
  /** Each part has at least this many of those members… */
  minPart: number;
  /** …and this share of them: a stray report or two is not a second event. */
  minShare: number;
  /** The parts, compared as wholes, stay below this share of the clusterer's convergeThreshold. */
  apart: number;
}

export const DEFAULT_SPLIT_OPTIONS: SplitOptions = Object.freeze({
  minMembers: 6,
  maxMembers: 200,
  minPart: 3,
  minShare: 0.2,
  apart: 0.6,
});

/** A member of the story being looked at, in placement order (the first is the story's first member). */
export interface SplitCandidate {
  key: string;
  /** Its logged features; null for a near-duplicate. */
  features: ArticleFeatures | null;
  /** The member a near-duplicate copies: it goes where that one goes. */
  duplicateOf: string | null;
}

export interface FoundSplit {
  /** Members that stay in the story (the part holding its first member), in placement order. */
  keep: string[];
  /** Members that become a new story, in placement order. */
  move: string[];
  /** The two parts' similarity as wholes (below the split's bar). */
  similarity: number;
}

/**
 * Whether a story of `members` members is looked at now: at every size up to 16, then four times
 * per doubling (20, 24, 28, 32, 40, 48 … 128, 160, 192). Looking costs time quadratic in the
 * members (their pairwise similarity; 0.1–0.4 s at 200 on a loaded machine, under the placement
 * lock), so a big story is looked at rarely; a second event large enough to matter still shows.
 */
export function splitDue(members: number, opts: SplitOptions = DEFAULT_SPLIT_OPTIONS): boolean {
  if (members < opts.minMembers || members > opts.maxMembers) return false;
  if (members <= 16) return true;
  const step = 2 ** (Math.floor(Math.log2(members)) - 2);
  return members % step === 0;
}

/** The two events a story's members tell, when they tell two (see SplitOptions); null otherwise. */
export function findSplit(clusterer: StoryClusterer, members: readonly SplitCandidate[], opts: SplitOptions = DEFAULT_SPLIT_OPTIONS): FoundSplit | null {
  const own = members.filter((m): m is SplitCandidate & { features: ArticleFeatures } => m.features !== null);
  const n = own.length;
  if (n < opts.minMembers || n > opts.maxMembers) return null;
  const groups = clusterer.groups();
  const sims = linkageMatrix(groups, own.map((m) => m.features));
  const clusters = averageLinkage(sims, n, clusterer.opts.threshold);
  if (clusters.length < 2) return null;
  const bySize = [...clusters].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const parts: [number[], number[]] = [[...bySize[0]!], [...bySize[1]!]];
  if (parts[1].length < opts.minPart) return null;
  // Stray members join the part they are most like (ties: the larger part).
  for (const rest of bySize.slice(2)) {
    const [a, b] = parts.map((p) => meanLinkage(sims, n, rest, p));
    (b! > a! ? parts[1] : parts[0]).push(...rest);
  }
  const [keepIdx, moveIdx] = parts[0].includes(0) ? parts : [parts[1], parts[0]];
  if (Math.min(keepIdx.length, moveIdx.length) < opts.minShare * n) return null;
  const whole = (idx: number[]): StoryGroup => groups.of(idx.sort((x, y) => x - y).map((i) => own[i]!.features));
  const similarity = groups.similarity(whole(keepIdx), whole(moveIdx));
  if (similarity >= opts.apart * clusterer.opts.convergeThreshold) return null;
  const moving = new Set(moveIdx.map((i) => own[i]!.key));
  // A near-duplicate goes with the member it copies (one whose original is not here stays).
  for (const m of members) if (m.features === null && m.duplicateOf !== null && moving.has(m.duplicateOf)) moving.add(m.key);
  return {
    keep: members.filter((m) => !moving.has(m.key)).map((m) => m.key),
    move: members.filter((m) => moving.has(m.key)).map((m) => m.key),
    similarity,
  };
}

/** Pairwise similarity of single articles, each weighed as a story of one (row-major n×n). */
export function linkageMatrix(groups: StoryGroups, features: readonly ArticleFeatures[]): Float64Array {
  const n = features.length;
  const singles = features.map((f) => groups.of([f]));
  const sims = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sims[i * n + j] = sims[j * n + i] = groups.similarity(singles[i]!, singles[j]!);
  }
  return sims;
}

function meanLinkage(sims: Float64Array, n: number, a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (const i of a) for (const j of b) sum += sims[i * n + j]!;
  return sum / (a.length * b.length);
}

/**
 * Bottom-up grouping: the two groups with the highest mean pairwise similarity join while it is at
 * least `stop`. Deterministic: ties go to the earliest pair. Returns groups of indices.
 */
export function averageLinkage(sims: Float64Array, n: number, stop: number): number[][] {
  // Sums of pairwise similarity between live clusters, kept up to date as they join.
  const sum = Float64Array.from(sims);
  const members: Array<number[] | null> = Array.from({ length: n }, (_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      const a = members[i];
      if (!a) continue;
      for (let j = i + 1; j < n; j++) {
        const b = members[j];
        if (!b) continue;
        const mean = sum[i * n + j]! / (a.length * b.length);
        if (mean > best) [best, bi, bj] = [mean, i, j];
      }
    }
    if (bi < 0 || best < stop) break;
    members[bi]!.push(...members[bj]!);
    members[bj] = null;
    for (let k = 0; k < n; k++) {
      if (k === bi || !members[k]) continue;
      sum[bi * n + k] = sum[k * n + bi] = sum[bi * n + k]! + sum[bj * n + k]!;
    }
  }
  return members.filter((m): m is number[] => m !== null);
}
