/**
 * bench:stories-split — how story splits (src/stories/story-split.ts) behave on real news:
 * news-clusters-en from the shared data folder (419 articles, 70 labelled events; bench/lib/shared-data.ts).
 *
 * - False splits: each gold event of six articles or more, taken as one story in arrival order,
 *   is looked at as the pipeline would once it has all its members: how many are split.
 * - Glued pairs: two events taken together as one story (their articles in arrival order), as a
 *   bridging article would glue them: how many are split, and how many splits give back exactly
 *   the two events (the near-duplicates aside).
 *
 * The clusterer's statistics are those of the whole stream placed first (as a worker that has seen
 * it), so each article is weighed as it would be at the end. Prints one line per figure.
 */
import { performance } from 'node:perf_hooks';
import {
  articleFeatures, DEFAULT_SPLIT_OPTIONS, findSplit, StoryPlacer, type ArticleFeatures, type SplitCandidate, type SplitOptions, type StoryArticle,
} from '../src/stories/index.ts';
import { loadNewsClusters } from './lib/news-clusters.ts';

const rows = loadNewsClusters();
const articles: StoryArticle[] = rows.map((r) => ({
  id: r.id, lang: 'en', title: r.title ?? '', lead: r.description, text: r.text ?? '', published: r.published ? new Date(r.published) : null, url: r.url, outlet: r.outlet,
}));
const placer = new StoryPlacer();
for (const a of articles) await placer.place(a);

const features = new Map<string, ArticleFeatures>(articles.map((a) => [a.id, articleFeatures(a, 'en', null)]));
const byEvent = new Map<number, string[]>();
rows.forEach((r) => byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r.id]));
const order = new Map(rows.map((r, i) => [r.id, i]));
const candidates = (ids: string[]): SplitCandidate[] =>
  [...ids].sort((a, b) => order.get(a)! - order.get(b)!).map((id) => ({ key: id, features: features.get(id)!, duplicateOf: null }));

const events = [...byEvent.entries()].filter(([, ids]) => ids.length >= 3).sort((a, b) => a[0] - b[0]);

function measure(opts: SplitOptions): { looked: number; falseSplits: number; pairs: number; split: number; exact: number; ms: number } {
  let looked = 0;
  let falseSplits = 0;
  let ms = 0;
  for (const ids of byEvent.values()) {
    if (ids.length < 6) continue;
    looked++;
    const t = performance.now();
    if (findSplit(placer.clusterer, candidates(ids), opts)) falseSplits++;
    ms += performance.now() - t;
  }
  let pairs = 0;
  let split = 0;
  let exact = 0;
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      // Every third pair, deterministically: enough to measure, quick to run.
      if ((i * 31 + j) % 3 !== 0) continue;
      pairs++;
      const [a, b] = [new Set(events[i]![1]), new Set(events[j]![1])];
      const t = performance.now();
      const found = findSplit(placer.clusterer, candidates([...a, ...b]), opts);
      ms += performance.now() - t;
      if (!found) continue;
      split++;
      const keep = new Set(found.keep);
      const pure = (ids: Set<string>) => [...ids].every((id) => keep.has(id)) || [...ids].every((id) => !keep.has(id));
      if (pure(a) && pure(b)) exact++;
    }
  }
  return { looked, falseSplits, pairs, split, exact, ms };
}

const m = measure(DEFAULT_SPLIT_OPTIONS);
console.log(`events of 6+ articles looked at as one story: ${m.looked}; split (wrongly): ${m.falseSplits} (${pct(m.falseSplits, m.looked)})`);
console.log(`pairs of events (3+ articles each) glued into one story: ${m.pairs}; split: ${m.split} (${pct(m.split, m.pairs)}); split exactly into the two events: ${m.exact} (${pct(m.exact, m.pairs)})`);
console.log(`findSplit: ${(m.ms / (m.looked + m.pairs)).toFixed(1)} ms per story looked at (mean; ${m.looked + m.pairs} stories, members 6–${Math.max(...events.map(([, ids]) => ids.length)) * 2})`);
// The largest story looked at (maxMembers): the first 200 articles of the stream as one story.
{
  const big = candidates(rows.slice(0, DEFAULT_SPLIT_OPTIONS.maxMembers).map((r) => r.id));
  const t = performance.now();
  findSplit(placer.clusterer, big);
  console.log(`findSplit on a story of ${big.length} members (the most looked at): ${(performance.now() - t).toFixed(0)} ms`);
}
// The bar (apart × convergeThreshold) around its default: a plateau, not a peak.
for (const apart of [0.4, 0.5, 0.7, 0.8, 1]) {
  const g = measure({ ...DEFAULT_SPLIT_OPTIONS, apart });
  console.log(`  apart ${apart.toFixed(1)}: wrong splits ${pct(g.falseSplits, g.looked)}, glued pairs split exactly ${pct(g.exact, g.pairs)}`);
}

function pct(n: number, of: number): string {
  return of ? `${((100 * n) / of).toFixed(1)} %` : '–';
}
