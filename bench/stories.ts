/**
 * `npm run bench:stories`: replays news-clusters-en (419 articles, 70 events) as a stream in
 * publication order through StoryPlacer — the code the pipeline and `transwire cluster` use — and
 * prints B-cubed P/R/F1, pairwise F1, articles/s and memory; the same on the even and the odd
 * events alone (a held-out check: defaults were chosen looking at the even ones); the README's
 * whole-set TF-IDF baseline reimplemented in this run, with ratios against it; F1 on a grid around
 * the chosen parameters (stability, not tuning); a cross-lingual run with every third article in
 * Spanish (real Apertium en→es beforehand, heads back through real Apertium es→en, both through
 * the project's engine one marked segment at a time and cached under .cache/stories-bench/); and
 * placement throughput (new events; a mix with copies) with 100,000 synthetic stories in the
 * index against 1,000, and the memory they hold.
 * `--quick` skips the grid and the scale part; `--scale` runs only the scale part.
 */
import { StoryPlacer, DEFAULT_CLUSTER_OPTIONS, leadOf, type ClusterOptions, type StoryArticle, type StoryPlacement, type TranslateTexts } from '../src/stories/index.ts';
import { apertiumSegments, CACHE_DIR } from './lib/stories-apertium.ts';
import { wholeSetBaseline } from './lib/stories-baseline.ts';
import { offlineReference } from './lib/stories-offline.ts';
import { clusterScores, type ClusterScores } from './lib/stories-metrics.ts';
import { syntheticArticles } from './lib/stories-synthetic.ts';
import { loadNewsClusters, type NewsClustersRow } from './lib/news-clusters.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const quick = process.argv.includes('--quick');
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

type Row = NewsClustersRow;

interface Replayed {
  scores: ClusterScores;
  perSecond: number;
  perCpuSecond: number;
  stories: number;
  duplicates: number;
  /** Stories that split in two after a placement (the pipeline's split step, story-split.ts). */
  splits: number;
  /** Heap the placer holds after the replay (MiB, before any collection: an upper bound). */
  heapMiB: number;
}

const f = (x: number) => x.toFixed(3);
const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;

if (process.argv.includes('--scale')) {
  await scale();
  console.log(`peak RSS ${peakRss()}`);
  process.exit(0);
}

const rows = loadNewsClusters();
const english = rows.map(toArticle);
console.log(`news-clusters-en: ${rows.length} articles, ${new Set(rows.map((r) => r.event_id)).size} events, replayed in publication order`);

const base = wholeSetBaseline(rows);
console.log(line('baseline: whole-set TF-IDF (best θ)', base.scores, `  (θ ${base.threshold}; IDF from all ${rows.length} — not a stream) · ${base.perSecond.toFixed(0)} articles/s`));

const all = rows.map((_, i) => i);
const mono = await replay(all, english, {});
console.log(line('transwire, monolingual', mono.scores, `  · ${mono.stories} stories, ${mono.duplicates} near-dup, ${mono.splits} split · ${rate(mono)} · heap ${mono.heapMiB.toFixed(0)} MiB, peak RSS so far ${peakRss()}`));
console.log(
  `  ratio to the baseline: F1 ×${(mono.scores.bcubed.f1 / base.scores.bcubed.f1).toFixed(3)}, recall ×${(mono.scores.bcubed.r / base.scores.bcubed.r).toFixed(3)}, ` +
    `articles/s ×${(mono.perSecond / base.perSecond).toFixed(2)} (same run, same machine)`,
);
for (const [name, keep] of [['even events (looked at)', 0], ['odd events (held out)', 1]] as const) {
  const idx = all.filter((i) => rows[i]!.event_id % 2 === keep);
  const r = await replay(idx, english, {});
  console.log(line(`  ${name}, ${idx.length} articles`, r.scores));
}

const unsplit = await replay(all, english, {}, null, false);
console.log(line('  placement alone, without the split step', unsplit.scores, `  · ${unsplit.stories} stories`));
const offline = await offlineOf(english);
console.log(
  line('  offline: same similarity, whole set', offline.scores, `  (average linkage, θ ${offline.threshold} picked with the labels, statistics of all ${rows.length} — no stream can)`),
);

// Cross-lingual: every third article arrives in Spanish, as Apertium en→es renders it.
const spanishIdx = all.filter((i) => i % 3 === 1);
const tStart = performance.now();
const mixed = await withSpanishThird(spanishIdx);
// The placer asks for es→en of title and lead: real Apertium, all asked once up front (and cached).
const heads = mixed.filter((a) => a.lang === 'es').flatMap((a) => [a.title, leadOf(a)]);
await apertiumSegments(heads, 'spa-eng');
const translate: TranslateTexts = (texts) => apertiumSegments(texts, 'spa-eng');
const prepSeconds = (performance.now() - tStart) / 1000;
const cross = await replay(all, mixed, {}, translate);
console.log(
  line(`transwire, ${spanishIdx.length} of ${rows.length} in Spanish [apertium]`, cross.scores, `  · ${cross.stories} stories · ${rate(cross)}`),
);
console.log(`  (Spanish made by apertium eng-spa beforehand, heads back by apertium spa-eng; both cached in ${CACHE_DIR}, preparing took ${prepSeconds.toFixed(1)} s)`);
for (const [name, keep] of [['even events (looked at)', 0], ['odd events (held out)', 1]] as const) {
  const idx = all.filter((i) => rows[i]!.event_id % 2 === keep);
  const r = await replay(idx, mixed, {}, translate);
  console.log(line(`  ${name}, ${idx.length} articles`, r.scores));
}
const noTr = await replay(all, mixed, {}, null);
console.log(line(`  same, without translating heads`, noTr.scores, '  (names, numbers, dates only across languages)'));

if (!quick) {
  console.log('\nstability: monolingual / cross-lingual B-cubed F1 with one parameter moved from its default');
  const d = DEFAULT_CLUSTER_OPTIONS;
  const grid: Array<[keyof ClusterOptions, number[]]> = [
    ['threshold', [d.threshold * 0.8, d.threshold * 1.2]],
    ['anchorWeight', [d.anchorWeight - 0.1, d.anchorWeight + 0.1]],
    ['memberWeight', [d.memberWeight - 0.25, d.memberWeight + 0.25]],
    ['halfLifeHours', [d.halfLifeHours / 2, d.halfLifeHours * 2]],
    ['decayFloor', [d.decayFloor - 0.1, d.decayFloor + 0.1]],
    ['windowDays', [d.windowDays / 2, d.windowDays * 2]],
    ['windowGrowth', [0, d.windowGrowth * 2]],
    ['resurfaceHalfLifeDays', [d.resurfaceHalfLifeDays / 2, d.resurfaceHalfLifeDays * 2]],
    ['mergeThreshold', [d.mergeThreshold - 0.1, d.mergeThreshold + 0.1]],
    ['convergeThreshold', [d.convergeThreshold - 0.1, d.convergeThreshold + 0.1]],
  ];
  for (const [key, values] of grid) {
    const cells: string[] = [];
    for (const v of values) {
      const m = await replay(all, english, { [key]: v });
      const c = await replay(all, mixed, { [key]: v }, translate);
      cells.push(`${+v.toFixed(3)}: ${f(m.scores.bcubed.f1)} / ${f(c.scores.bcubed.f1)}`);
    }
    console.log(`  ${key.padEnd(17)} default ${d[key]}  →  ${cells.join('   ')}`);
  }
  await scale();
}

console.log(`\npeak RSS ${peakRss()} (whole bench)`);

function toArticle(r: Row): StoryArticle {
  return {
    id: r.id,
    lang: 'en',
    title: r.title ?? '',
    lead: r.description,
    text: r.text ?? '',
    published: r.published ? new Date(r.published) : null,
    url: r.url,
    outlet: r.outlet,
  };
}

/** The articles at `idx` (in order) replayed into a fresh placer, scored against their events. */
async function replay(idx: number[], articles: StoryArticle[], cluster: Partial<ClusterOptions>, translate: TranslateTexts | null = null, split = true): Promise<Replayed> {
  const heap0 = process.memoryUsage().heapUsed;
  const placer = new StoryPlacer({ cluster, translate, split });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const placed: StoryPlacement[] = [];
  let duplicates = 0;
  let splits = 0;
  for (const i of idx) {
    const p = await placer.place(articles[i]!);
    placed.push(p);
    if (p.duplicateOf) duplicates++;
    if (p.split) splits++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  const heapMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  // Where each article ended: later merges and splits move articles placed before them.
  const resolved = placed.map((p) => placer.storyOf(p));
  const gold = idx.map((i) => String(rows[i]!.event_id));
  return { scores: clusterScores(resolved, gold), perSecond: idx.length / seconds, perCpuSecond: idx.length / cpu, stories: new Set(resolved).size, duplicates, splits, heapMiB };
}

/** offlineReference (bench/lib/stories-offline.ts) on the articles, weighed with the statistics of them all. */
async function offlineOf(articles: StoryArticle[]): Promise<ReturnType<typeof offlineReference>> {
  const placer = new StoryPlacer();
  const features = [];
  for (const a of articles) {
    const p = await placer.prepare(a);
    await placer.placePrepared(p, a.id);
    features.push(p.features);
  }
  return offlineReference(placer.clusterer, features, rows.map((r) => String(r.event_id)));
}

/** The English articles with those at `idx` replaced by Apertium's Spanish (title, lead and each paragraph one segment). */
async function withSpanishThird(idx: number[]): Promise<StoryArticle[]> {
  const toEs = idx.map((i) => rows[i]!);
  const paragraphs = toEs.map((r) => (r.text ?? '').split('\n'));
  const [esTitles, esLeads, esParas] = await Promise.all([
    apertiumSegments(toEs.map((r) => r.title ?? ''), 'eng-spa'),
    apertiumSegments(toEs.map((r) => r.description ?? ''), 'eng-spa'),
    apertiumSegments(paragraphs.flat(), 'eng-spa'),
  ]);
  let at = 0;
  const out = [...english];
  toEs.forEach((r, k) => {
    const text = paragraphs[k]!.map(() => esParas[at++]!).join('\n');
    out[idx[k]!] = { ...english[idx[k]!]!, lang: 'es', title: esTitles[k]!, lead: r.description ? esLeads[k]! : null, text };
  });
  return out;
}

/** CPU seconds since `from`: on a shared machine, wall time measures the neighbours too. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

function rate(r: Pick<Replayed, 'perSecond' | 'perCpuSecond'>): string {
  return `${r.perSecond.toFixed(0)} articles/s (${r.perCpuSecond.toFixed(0)} per CPU-second)`;
}

function line(name: string, s: ClusterScores, extra = ''): string {
  return `${name.padEnd(40)} B-cubed P ${f(s.bcubed.p)} R ${f(s.bcubed.r)} F1 ${f(s.bcubed.f1)} · pairwise F1 ${f(s.pairwise.f1)}${extra}`;
}

/** Articles placed per second (wall, CPU) into `placer` as it is. */
async function placeAll(placer: StoryPlacer, articles: StoryArticle[]): Promise<{ perSecond: number; perCpuSecond: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const a of articles) await placer.place(a);
  return { perSecond: articles.length / ((performance.now() - t0) / 1000), perCpuSecond: articles.length / cpuSeconds(c0) };
}

/**
 * 100,000 distinct synthetic stories in the index, then 5,000 articles of new events placed (each
 * starts a story: every candidate is scored and rejected, the dearest case), then 5,000 more (half
 * a copy of a seeded story's article, half a new event); the same placed into an index of 1,000
 * is the baseline the rates are compared with (what the size of the index costs). Memory is the
 * heap the placer holds after a collection, and the process's peak RSS.
 */
async function scale(): Promise<void> {
  const STORIES = 100_000;
  const SMALL = 1_000;
  console.log(`\nscale: synthetic news, ${STORIES.toLocaleString('en')} stories in the index (one article each), then 5,000 new events and 5,000 mixed placed`);
  // Some synthetic reports join another's story (their common words meet): seeded until 100,000 are held.
  const seed = syntheticArticles(STORIES * 1.3, { events: 10_000_000, seed: 7 });
  const later = { events: 10_000_000, start: Date.parse('2026-01-31T00:00:00Z'), spanDays: 1 };
  const fresh = syntheticArticles(5_000, { ...later, seed: 11 }).map((a, i) => ({ ...a, id: `new-${i}` }));
  const more = syntheticArticles(5_000, { ...later, seed: 13 }).map((a, i) =>
    i % 2 === 0 ? { ...seed[STORIES - 1 - i * 7]!, id: `again-${i}`, published: a.published } : a,
  );
  // (the copies are of articles seeded in any case: the first 100,000 always are)
  const small = new StoryPlacer();
  await placeAll(small, seed.slice(STORIES - SMALL, STORIES));
  const baseFresh = await placeAll(small, fresh);
  const baseMixed = await placeAll(small, more);

  const heapBefore = heldHeap();
  const placer = new StoryPlacer();
  const t0 = performance.now();
  let seeded = 0;
  while (placer.clusterer.size < STORIES) {
    // In steps, with a line each: on a loaded machine seeding takes minutes.
    const n = Math.min(20_000, Math.max(1_000, STORIES - placer.clusterer.size));
    const step = await placeAll(placer, seed.slice(seeded, (seeded += n)));
    console.log(`  seeded ${seeded.toLocaleString('en')} articles, ${placer.clusterer.size.toLocaleString('en')} stories: ${rate(step)} for the last ${n.toLocaleString('en')}`);
  }
  const seeding = { perSecond: seeded / ((performance.now() - t0) / 1000) };
  const held = (heldHeap() - heapBefore) / 2 ** 20;
  const heldStories = placer.clusterer.size;
  const bigFresh = await placeAll(placer, fresh);
  const bigMixed = await placeAll(placer, more);
  console.log(
    `  ${placer.clusterer.size.toLocaleString('en')} stories held at the end · seeding ${seeding.perSecond.toFixed(0)} articles/s on average as the index grew · ` +
      `heap held at ${heldStories.toLocaleString('en')} stories ${held.toFixed(0)} MiB (${((held * 2 ** 20) / heldStories / 1024).toFixed(1)} KiB a story, the sketches of the latest 100,000 articles and the term statistics included)\n` +
      `  at ${STORIES.toLocaleString('en')}, new events: ${rate(bigFresh)} (goal ≥ 500; each starts a story) · ×${(bigFresh.perCpuSecond / baseFresh.perCpuSecond).toFixed(2)} per CPU-second of the same into ${SMALL.toLocaleString('en')} (${rate(baseFresh)})\n` +
      `  at ${STORIES.toLocaleString('en')}, mixed: ${rate(bigMixed)} (half a copy of a seeded story's article, half a new event) · ×${(bigMixed.perCpuSecond / baseMixed.perCpuSecond).toFixed(2)} of the same into ${SMALL.toLocaleString('en')} (${rate(baseMixed)}) · peak RSS ${peakRss()}`,
  );
}

/** Heap in use after a full collection (the bench turns the collector on for itself). */
function heldHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}
