/**
 * Throughput: end-to-end articles/s (fetched → extracted → translated → published) with 1, 2 and 4
 * `transwire worker` processes on a fresh database each, beside one raw `apertium eng-spa` on the
 * newsroom's text in the same run. CPU time is split between the workers' Node processes and their
 * Apertium pipelines, to say what bounds the rate.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadArticles } from '../../demo/newsroom/load-articles.ts';
import { machineCpu, processCpuSeconds } from './cpu.ts';
import { publishedCount } from './invariants.ts';
import type { DrillPostgres } from './postgres.ts';
import { Supervisor } from './processes.ts';
import { heading, table, type Report } from './report.ts';
import { prepareDatabase, writeConfig } from './setup.ts';
import type { World } from './world.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One `apertium eng-spa` (English→Spanish) over the newsroom's stories: words per second, process start included. */
export async function rawApertium(): Promise<{ words: number; seconds: number; wordsPerSecond: number; cpuSeconds: number }> {
  const text = loadArticles()
    .map((a) => [a.title, a.standfirst, ...a.blocks.map((b) => (b.kind === 'ul' ? b.items.join('\n') : b.text))].join('\n\n'))
    .join('\n\n');
  const words = text.split(/\s+/).filter(Boolean).length;
  const t0 = performance.now();
  const children0 = processCpuSeconds('self', 'children');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('apertium', ['eng-spa'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`apertium eng-spa exited ${code}: ${err.trim()}`))));
    child.stdin.end(text);
  });
  const seconds = (performance.now() - t0) / 1000;
  return { words, seconds, wordsPerSecond: words / seconds, cpuSeconds: processCpuSeconds('self', 'children') - children0 };
}

export interface ThroughputRow {
  workers: number;
  firstPublishedS: number;
  articlesPerSecond: number;
  wordsPerSecond: number;
  published: number;
  machineBusyPct: number;
  apertiumCpuPct: number;
  nodeCpuPct: number;
  /** CPU seconds per article published: a figure the machine's other load hardly changes. */
  nodeCpuPerArticle: number;
  apertiumCpuPerArticle: number;
}

export async function throughputPart(o: { bin: string; pg: DrillPostgres; world: World; runDir: string; report: Report; counts: number[]; windowS: number; firstTimeoutS: number }): Promise<{ raw: Awaited<ReturnType<typeof rawApertium>>; rows: ThroughputRow[] }> {
  heading('Throughput');
  const raw = await rawApertium();
  console.log(`  raw apertium eng-spa: ${raw.words} words in ${raw.seconds.toFixed(1)} s = ${raw.wordsPerSecond.toFixed(0)} words/s (one process, start included)`);
  const rows: ThroughputRow[] = [];
  for (const n of o.counts) {
    const url = await o.pg.createDatabase(`drill_tp_${n}`);
    const db = await prepareDatabase(url, o.world);
    const config = join(o.runDir, `throughput-${n}.yaml`);
    writeConfig(config, { databaseUrl: url, world: o.world, poll: { minSeconds: 60, maxSeconds: 300 }, leaseSeconds: 30, mediaDir: join(o.runDir, `media-${n}`) });
    const sup = new Supervisor(o.bin, config, o.runDir);
    const started = Date.now();
    for (let i = 0; i < n; i++) sup.start('worker', i);
    try {
      while ((await publishedCount(db)) === 0) {
        if (Date.now() - started > o.firstTimeoutS * 1000) throw new Error(`throughput: nothing published ${o.firstTimeoutS} s after starting ${n} worker(s); logs in ${o.runDir}`);
        await sleep(500);
      }
      const firstPublishedS = (Date.now() - started) / 1000;
      const workerPids = sup.list('worker').map((p) => p.child.pid!);
      const cpuOf = () => {
        const apertium = sup.descendants(workerPids).reduce((s, d) => s + processCpuSeconds(d.pid), 0);
        const node = workerPids.reduce((s, pid) => s + processCpuSeconds(pid), 0);
        return { apertium, node, machine: machineCpu() };
      };
      const p0 = await publishedCount(db);
      const c0 = cpuOf();
      const t0 = Date.now();
      await sleep(o.windowS * 1000);
      const p1 = await publishedCount(db);
      const c1 = cpuOf();
      const seconds = (Date.now() - t0) / 1000;
      const capacity = seconds * cpus().length;
      const row: ThroughputRow = {
        workers: n,
        firstPublishedS,
        articlesPerSecond: (p1 - p0) / seconds,
        wordsPerSecond: ((p1 - p0) * o.world.meanWords) / seconds,
        published: p1 - p0,
        machineBusyPct: (100 * (c1.machine.busy - c0.machine.busy)) / (c1.machine.total - c0.machine.total),
        // Apertium pipelines that were restarted in the window lose their seconds: a lower bound.
        apertiumCpuPct: (100 * (c1.apertium - c0.apertium)) / capacity,
        nodeCpuPct: (100 * (c1.node - c0.node)) / capacity,
        nodeCpuPerArticle: (c1.node - c0.node) / Math.max(1, p1 - p0),
        apertiumCpuPerArticle: (c1.apertium - c0.apertium) / Math.max(1, p1 - p0),
      };
      rows.push(row);
      console.log(`  ${n} worker(s): ${row.articlesPerSecond.toFixed(2)} articles/s over ${seconds.toFixed(0)} s (${row.published} published; first after ${firstPublishedS.toFixed(0)} s)`);
      if (sup.unexpected.length) o.report.notes.push(`throughput with ${n} workers: ${sup.unexpected.length} worker exit(s) nobody asked for`);
    } finally {
      await sup.stopAll(10_000);
      await db.close();
    }
  }
  console.log(
    '\n' +
      table([
        ['workers', 'articles/s', 'words/s', 'published', 'first (s)', 'machine busy', 'apertium CPU', 'workers\' node CPU', 'CPU-s/article node', 'CPU-s/article apertium'],
        ...rows.map((r) => [r.workers, r.articlesPerSecond.toFixed(2), r.wordsPerSecond.toFixed(0), r.published, r.firstPublishedS.toFixed(0), `${r.machineBusyPct.toFixed(0)} %`, `${r.apertiumCpuPct.toFixed(0)} %`, `${r.nodeCpuPct.toFixed(0)} %`, r.nodeCpuPerArticle.toFixed(2), r.apertiumCpuPerArticle.toFixed(2)]),
        ['raw apertium', '', raw.wordsPerSecond.toFixed(0), '', '', '', '', '', '', (raw.cpuSeconds / (raw.words / o.world.meanWords)).toFixed(2)],
      ]),
  );
  console.log(`  (CPU shares are of all ${cpus().length} cores; words/s = articles/s × ${o.world.meanWords} words, the mean story; raw apertium's CPU-s per ${o.world.meanWords} words)`);
  const best = rows.reduce((a, b) => (b.articlesPerSecond > a.articlesPerSecond ? b : a), rows[0]!);
  const perArticle = best.nodeCpuPerArticle + best.apertiumCpuPerArticle;
  // Where it stops scaling: more workers help only while the cores have time to give them.
  console.log(
    `  where it stops: ${rows.map((r) => `${r.workers} → ${r.articlesPerSecond.toFixed(2)}`).join(', ')} articles/s with the machine ${rows.map((r) => `${r.machineBusyPct.toFixed(0)} %`).join(' / ')} busy. ` +
      `Each article costs ${best.nodeCpuPerArticle.toFixed(2)} CPU-s in the workers' Node and ${best.apertiumCpuPerArticle.toFixed(2)} in Apertium: ` +
      `${cpus().length} idle cores would carry about ${(cpus().length / Math.max(0.01, perArticle)).toFixed(1)} articles/s, and ${best.nodeCpuPerArticle > best.apertiumCpuPerArticle ? 'the Node side (extraction, the gate, rendering, the database) is the larger share, not Apertium' : 'Apertium is the larger share'}.`,
  );
  return { raw, rows };
}
