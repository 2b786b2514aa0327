/** The article-extraction-benchmark pages and ground truth from ../shared/data (read once). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export const BENCHMARK_DIR = process.env.EXTRACTION_BENCHMARK_DIR ?? join(import.meta.dirname, '../../shared/data/article-extraction-benchmark');

export interface BenchmarkPage {
  id: string;
  url: string;
  expected: string;
  html: string;
}

export function loadTruth(): Record<string, { articleBody: string; url: string }> {
  return JSON.parse(readFileSync(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8'));
}

export function loadPages(): BenchmarkPage[] {
  const truth = loadTruth();
  return Object.entries(truth).map(([id, t]) => ({
    id,
    url: t.url,
    expected: t.articleBody,
    html: gunzipSync(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

/** A published output file: `{id: {articleBody}}`, possibly wrapped as `{version, output}`. */
export function loadOutput(name: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(BENCHMARK_DIR, 'output', name), 'utf8'));
  const map = (raw.output ?? raw) as Record<string, { articleBody: string }>;
  return Object.fromEntries(Object.entries(map).map(([id, v]) => [id, v.articleBody ?? '']));
}
