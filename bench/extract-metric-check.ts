/**
 * Checks our metric against the two published outputs in the benchmark's output/ folder: it must
 * give 0.947 (Readability.js) and 0.958 (trafilatura) F1, and their P, R and accuracy, to three
 * decimals. Run alone (`npx tsx bench/extract-metric-check.ts`) or from bench/extract.ts.
 */
import { pathToFileURL } from 'node:url';
import { loadOutput, loadTruth } from './extract-data.ts';
import { scoreCorpus, scorePage } from './lib/extraction-metric.ts';

const PUBLISHED: Record<string, [number, number, number, number]> = {
  'readability_js.json': [0.947, 0.914, 0.982, 0.166],
  'trafilatura.json': [0.958, 0.938, 0.978, 0.293],
};

/** Prints one line per published output; true when every figure matches. */
export function checkMetric(): boolean {
  const truth = loadTruth();
  let ok = true;
  for (const [file, want] of Object.entries(PUBLISHED)) {
    const out = loadOutput(file);
    const s = scoreCorpus(Object.entries(truth).map(([id, t]) => scorePage(t.articleBody, out[id] ?? '')));
    const got = [s.f1, s.precision, s.recall, s.accuracy].map((x) => x.toFixed(3));
    const match = got.every((g, i) => g === want[i]!.toFixed(3));
    ok &&= match;
    console.log(`metric check ${file.padEnd(20)} F1 ${got[0]} P ${got[1]} R ${got[2]} acc ${got[3]}  published ${want.map((w) => w.toFixed(3)).join('/')}  ${match ? 'MATCH' : 'MISMATCH'}`);
  }
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = checkMetric() ? 0 : 1;
