/** B-cubed (Bagga & Baldwin 1998) and pairwise precision, recall and F1 of a clustering against gold labels. */
export interface ClusterScores {
  bcubed: { p: number; r: number; f1: number };
  pairwise: { p: number; r: number; f1: number };
}

export function clusterScores(predicted: string[], gold: string[]): ClusterScores {
  const n = predicted.length;
  const byPred = groupCounts(predicted);
  const byGold = groupCounts(gold);
  const both = groupCounts(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const shared = both.get(`${predicted[i]}\u0000${gold[i]}`)!;
    p += shared / byPred.get(predicted[i]!)!;
    r += shared / byGold.get(gold[i]!)!;
  }
  p /= n;
  r /= n;
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const tp = pairs(both);
  const pp = tp / Math.max(1, pairs(byPred));
  const pr = tp / Math.max(1, pairs(byGold));
  return { bcubed: { p, r, f1: f1(p, r) }, pairwise: { p: pp, r: pr, f1: f1(pp, pr) } };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function groupCounts(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
