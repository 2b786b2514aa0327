import { terms } from '../../src/stories/text-tokens.ts';
import { clusterScores, type ClusterScores } from './stories-metrics.ts';

/**
 * The README's baseline, reimplemented: single-pass TF-IDF centroid clustering with IDF computed
 * over the whole set in advance (which a stream cannot have), cosine threshold, best threshold
 * reported. Same tokenizer as ours, so the difference is the method, not the words.
 */
export function wholeSetBaseline(rows: Array<{ title: string | null; description: string | null; text: string | null; event_id: number }>): {
  scores: ClusterScores;
  threshold: number;
  /** Articles per second of the clustering pass at the best threshold (IDF and vectors made beforehand). */
  perSecond: number;
} {
  const docs = rows.map((r) => counts(terms(`${r.title ?? ''}\n${r.description ?? ''}\n${r.text ?? ''}`)));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = docs.map((d) => normalize(new Map([...d].map(([t, c]) => [t, (1 + Math.log(c)) * Math.log(docs.length / df.get(t)!)]))));
  const gold = rows.map((r) => String(r.event_id));
  let best = { scores: clusterScores(gold.map((_, i) => String(i)), gold), threshold: 0, perSecond: 0 };
  for (let th = 0.1; th <= 0.61; th += 0.05) {
    const t0 = performance.now();
    const centroids: Array<Map<string, number>> = [];
    const labels: string[] = [];
    for (const v of vecs) {
      let bi = -1;
      let bs = th;
      centroids.forEach((c, i) => {
        const s = cosine(v, c);
        if (s >= bs) [bi, bs] = [i, s];
      });
      if (bi < 0) centroids.push(new Map(v)), (bi = centroids.length - 1);
      else for (const [t, w] of v) centroids[bi]!.set(t, (centroids[bi]!.get(t) ?? 0) + w);
      labels.push(String(bi));
    }
    const perSecond = vecs.length / ((performance.now() - t0) / 1000);
    const scores = clusterScores(labels, gold);
    if (scores.bcubed.f1 > best.scores.bcubed.f1) best = { scores, threshold: +th.toFixed(2), perSecond };
  }
  return best;
}

function counts(ts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function normalize(v: Map<string, number>): Map<string, number> {
  const n = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)) || 1;
  for (const [t, w] of v) v.set(t, w / n);
  return v;
}

function cosine(a: Map<string, number>, c: Map<string, number>): number {
  let dot = 0;
  let n = 0;
  for (const w of c.values()) n += w * w;
  for (const [t, w] of a) dot += w * (c.get(t) ?? 0);
  return n ? dot / Math.sqrt(n) : 0;
}
