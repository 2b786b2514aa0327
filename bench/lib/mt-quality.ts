/**
 * Translation quality against human references (mt-dev-wmt24-en-es in the shared data folder: 848 English
 * paragraphs with one Spanish reference each): chrF of raw `apertium -u eng-spa` (one line in,
 * one line out) and of the orchestrator on the same lines, in the same run. The orchestrator
 * gets each document as an article, one paragraph per line, as the workers would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Translator } from '../../src/translate/index.ts';
import { escapeHtml } from '../../src/shared/escape-html.ts';
import { htmlToText } from '../../src/translate/html-text.ts';
import { corpusChrf } from './chrf.ts';
import { sharedDataSet } from './shared-data.ts';

export interface QualityResult {
  lines: number;
  raw: number;
  orchestrator: number;
  byDomain: Array<{ domain: string; lines: number; raw: number; orchestrator: number }>;
}

export async function mtQuality(translator: Translator, concurrency: number): Promise<QualityResult> {
  const data = sharedDataSet('mt-dev-wmt24-en-es');
  const lines = (f: string) => readFileSync(join(data, f), 'utf8').split('\n').filter((_, i, all) => i < all.length - 1 || all[i] !== '');
  const source = lines('source.en');
  const reference = lines('reference.es');
  const docs = lines('docs.tsv').map((l) => l.split('\t') as [string, string]);
  if (reference.length !== source.length || docs.length !== source.length) throw new Error('mt-dev: source, reference and docs differ in length');

  const dir = mkdtempSync(join(tmpdir(), 'tw-chrf-'));
  let raw: string[];
  try {
    execFileSync('apertium', ['-u', 'eng-spa', join(data, 'source.en'), join(dir, 'out.es')]);
    raw = readFileSync(join(dir, 'out.es'), 'utf8').split('\n').slice(0, source.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const groups: number[][] = [];
  docs.forEach(([, id], i) => (i > 0 && docs[i - 1]![1] === id ? groups.at(-1)!.push(i) : groups.push([i])));
  const ours: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < groups.length) {
      const g = groups[next++]!;
      const a = await translator.translateArticle({ title: '', excerpt: null, html: g.map((i) => `<p>${escapeHtml(source[i]!)}</p>`).join('\n') }, 'en', 'es');
      const paras = [...a.html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => htmlToText(m[1]!));
      if (paras.length !== g.length) throw new Error(`mt-dev: document at line ${g[0]! + 1} came back with ${paras.length} paragraphs for ${g.length}`);
      g.forEach((i, k) => (ours[i] = paras[k]!));
    }
  }));

  // BENCH_CHRF_DUMP=dir: both outputs beside the references, one line each, to read where they differ.
  const dump = process.env.BENCH_CHRF_DUMP;
  if (dump) {
    writeFileSync(join(dump, 'raw.es'), `${raw.join('\n')}\n`);
    writeFileSync(join(dump, 'orchestrator.es'), `${ours.join('\n')}\n`);
  }
  const domains = [...new Set(docs.map(([d]) => d))];
  const pick = (xs: string[], d: string) => xs.filter((_, i) => docs[i]![0] === d);
  return {
    lines: source.length,
    raw: corpusChrf(raw, reference),
    orchestrator: corpusChrf(ours, reference),
    byDomain: domains.map((d) => ({ domain: d, lines: pick(source, d).length, raw: corpusChrf(pick(raw, d), pick(reference, d)), orchestrator: corpusChrf(pick(ours, d), pick(reference, d)) })),
  };
}
