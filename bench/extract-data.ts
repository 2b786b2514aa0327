/** The article-extraction-benchmark pages and ground truth from the shared data folder (bench/lib/shared-data.ts). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { sharedDataSet } from './lib/shared-data.ts';

const benchmarkDir = () => sharedDataSet('article-extraction-benchmark');

export interface BenchmarkPage {
  id: string;
  url: string;
  expected: string;
  html: string;
}

export function loadTruth(): Record<string, { articleBody: string; url: string }> {
  return JSON.parse(readFileSync(join(benchmarkDir(), 'ground-truth.json'), 'utf8'));
}

export function loadPages(): BenchmarkPage[] {
  const truth = loadTruth();
  const dir = benchmarkDir();
  return Object.entries(truth).map(([id, t]) => ({
    id,
    url: t.url,
    expected: t.articleBody,
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

/** A published output file: `{id: {articleBody}}`, possibly wrapped as `{version, output}`. */
export function loadOutput(name: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(benchmarkDir(), 'output', name), 'utf8'));
  const map = (raw.output ?? raw) as Record<string, { articleBody: string }>;
  return Object.fromEntries(Object.entries(map).map(([id, v]) => [id, v.articleBody ?? '']));
}
