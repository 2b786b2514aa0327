/**
 * `npm run bench:stories`: replays news-clusters-en (419 articles, 70 events) as a stream in
 * publication order through StoryPlacer — the code the pipeline and `transwire cluster` use — and
 * prints B-cubed P/R/F1, pairwise F1, articles/s and peak memory; F1 on a grid around the chosen
 * parameters (stability, not tuning); the README's whole-set TF-IDF baseline reimplemented in this
 * run; a cross-lingual run with every third article in Spanish (real `apertium eng-spa`
 * beforehand, heads back through real `apertium spa-eng`, both cached under .cache/stories-bench/);
 * and placement throughput with 100,000 synthetic stories in the index.
 * `--quick` skips the grid and the scale part; `--scale` runs only the scale part.
 */
import { readFileSync } from 'node:fs';
import { StoryPlacer, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type StoryArticle, type TranslateTexts } from '../src/stories/index.ts';
import { apertiumLines } from './lib/stories-apertium.ts';
import { wholeSetBaseline } from './lib/stories-baseline.ts';
import { clusterScores, type ClusterScores } from './lib/stories-metrics.ts';
import { syntheticArticles } from './lib/stories-synthetic.ts';

const DATA = '/work/shared/data/news-clusters-en/articles.jsonl';
const quick = process.argv.includes('--quick');

interface Row {
  id: string;
  title: string | null;
  description: string | null;
  text: string | null;
  published: string | null;
  url: string;
  outlet: string;
  event_id: number;
}

let dataPath = DATA;
try {
  dataPath = new URL('../../shared/data/news-clusters-en/articles.jsonl', import.meta.url).pathname;
  readFileSync(dataPath);
} catch {
  dataPath = DATA;
}
const rows = readFileSync(dataPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
const gold = rows.map((r) => String(r.event_id));

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

async function replay(articles: StoryArticle[], cluster: Partial<ClusterOptions>, translate: TranslateTexts | null = null) {
  const placer = new StoryPlacer({ cluster, translate });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const stories: string[] = [];
  let duplicates = 0;
  for (const a of articles) {
    const p = await placer.place(a);
    stories.push(p.story);
    if (p.duplicateOf) duplicates++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  const resolved = stories.map((s) => placer.resolve(s));
  return { scores: clusterScores(resolved, gold), perSecond: articles.length / seconds, perCpuSecond: articles.length / cpu, stories: new Set(resolved).size, duplicates };
}

/** CPU seconds since `from`: on a shared machine, wall time measures the neighbours too. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

const f = (x: number) => x.toFixed(3);
function line(name: string, s: ClusterScores, extra = ''): string {
  return `${name.padEnd(34)} B-cubed P ${f(s.bcubed.p)} R ${f(s.bcubed.r)} F1 ${f(s.bcubed.f1)} · pairwise F1 ${f(s.pairwise.f1)}${extra}`;
}

if (process.argv.includes('--scale')) {
  await scale();
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  process.exit(0);
}

const english = rows.map(toArticle);
console.log(`news-clusters-en: ${rows.length} articles, ${new Set(gold).size} events, replayed in publication order`);

const base = wholeSetBaseline(rows);
console.log(line('baseline: whole-set TF-IDF (best θ)', base.scores, `  (θ ${base.threshold}; IDF from all 419 — not a stream)`));

const mono = await replay(english, {});
console.log(line('transwire, monolingual', mono.scores, `  · ${mono.stories} stories, ${mono.duplicates} near-dup · ${mono.perSecond.toFixed(0)} articles/s (${mono.perCpuSecond.toFixed(0)} per CPU-second)`));

// Cross-lingual: every third article arrives in Spanish, as Apertium en→es renders it.
const spanishIdx = rows.map((_, i) => i).filter((i) => i % 3 === 1);
const toEs = spanishIdx.map((i) => rows[i]!);
const paragraphs = toEs.map((r) => (r.text ?? '').split('\n'));
const tStart = performance.now();
const [esTitles, esLeads, esParas] = await Promise.all([
  apertiumLines(toEs.map((r) => r.title ?? ''), 'eng-spa'),
  apertiumLines(toEs.map((r) => r.description ?? ''), 'eng-spa'),
  apertiumLines(paragraphs.flat(), 'eng-spa'),
]);
let at = 0;
const mixed = [...english];
toEs.forEach((r, k) => {
  const text = paragraphs[k]!.map(() => esParas[at++]!).join('\n');
  mixed[spanishIdx[k]!] = { ...english[spanishIdx[k]!]!, lang: 'es', title: esTitles[k]!, lead: r.description ? esLeads[k]! : null, text };
});
// The clusterer asks for es→en of title and lead: real Apertium, all asked once up front (and cached).
const heads = mixed.filter((a) => a.lang === 'es').flatMap((a) => [a.title, a.lead ?? a.text.split(/\s+/).slice(0, 60).join(' ')]);
await apertiumLines(heads, 'spa-eng');
const translate: TranslateTexts = (texts) => apertiumLines(texts, 'spa-eng');
const prepSeconds = (performance.now() - tStart) / 1000;
const cross = await replay(mixed, {}, translate);
console.log(
  line(`transwire, ${toEs.length} of ${rows.length} in Spanish [apertium]`, cross.scores, `  · ${cross.stories} stories · ${cross.perSecond.toFixed(0)} articles/s (translations cached; preparing them took ${prepSeconds.toFixed(1)} s)`),
);
const noTr = await replay(mixed, {}, null);
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
    ['mergeThreshold', [d.mergeThreshold - 0.1, d.mergeThreshold + 0.1]],
  ];
  for (const [key, values] of grid) {
    const cells: string[] = [];
    for (const v of values) {
      const m = await replay(english, { [key]: v });
      const c = await replay(mixed, { [key]: v }, translate);
      cells.push(`${+v.toFixed(3)}: ${f(m.scores.bcubed.f1)} / ${f(c.scores.bcubed.f1)}`);
    }
    console.log(`  ${key.padEnd(15)} default ${d[key]}  →  ${cells.join('   ')}`);
  }
  await scale();
}

async function scale(): Promise<void> {
  const STORIES = 100_000;
  console.log(`\nscale: synthetic news, ${STORIES.toLocaleString('en')} stories in the index (one article each), then 5,000 more placed`);
  const heapBefore = process.memoryUsage().heapUsed;
  const placer = new StoryPlacer();
  // Every seeded article its own event: 100,000 distinct stories.
  const seed = syntheticArticles(STORIES, { events: 10_000_000, seed: 7 });
  const t0 = performance.now();
  for (const a of seed) await placer.place(a);
  const seedSeconds = (performance.now() - t0) / 1000;
  const more = syntheticArticles(5_000, { events: 10_000_000, seed: 7, start: Date.parse('2026-01-31T00:00:00Z'), spanDays: 1 })
    .map((a, i) => (i % 2 === 0 ? { ...seed[STORIES - 1 - i * 7]!, id: `again-${i}`, text: `${a.text}`, published: a.published } : a));
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for (const a of more) await placer.place(a);
  const seconds = (performance.now() - t1) / 1000;
  const cpu = cpuSeconds(c1);
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(
    `  ${placer.clusterer.size.toLocaleString('en')} stories held · seeding ${(STORIES / seedSeconds).toFixed(0)} articles/s on average as the index grew · ` +
      `at ${STORIES.toLocaleString('en')}: ${(more.length / seconds).toFixed(0)} articles/s, ${(more.length / cpu).toFixed(0)} per CPU-second (goal ≥ 500; half join an existing story, half start one) · heap +${heap.toFixed(0)} MiB`,
  );
}

console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (whole bench)`);
