/**
 * chrF (Popović 2015) as sacreBLEU 2.x computes it by default: character n-grams of orders 1–6,
 * whitespace removed, statistics summed over the corpus before scoring, precision and recall
 * averaged over the orders both sides have, then F-β with β = 2. `epsSmoothing` is sacreBLEU's
 * other mode (the F-score of each order, averaged over all orders, as chrF++.py and NLTK do).
 * Checked against sacreBLEU's own test values in test/translate/chrf.test.ts.
 */
export interface ChrfOptions {
  order?: number;
  beta?: number;
  keepWhitespace?: boolean;
  epsSmoothing?: boolean;
}

/** Per order n (1-based): [n-grams in the hypothesis, in the reference, in both]. */
export type ChrfStats = number[];

export function chrfStats(hypothesis: string, reference: string, opts: ChrfOptions = {}): ChrfStats {
  const order = opts.order ?? 6;
  // Python's str.split() whitespace: \s in a Unicode regex is the same set.
  const prep = (s: string) => (opts.keepWhitespace ? s : s.replace(/\s+/gu, ''));
  const hyp = [...prep(hypothesis)];
  const ref = [...prep(reference)];
  const stats: number[] = [];
  for (let n = 1; n <= order; n++) {
    const h = ngrams(hyp, n);
    const r = ngrams(ref, n);
    let common = 0;
    for (const [g, c] of h) common += Math.min(c, r.get(g) ?? 0);
    stats.push(Math.max(0, hyp.length - n + 1), Math.max(0, ref.length - n + 1), common);
  }
  return stats;
}

export function chrfScore(stats: ChrfStats, opts: ChrfOptions = {}): number {
  const order = opts.order ?? 6;
  const factor = (opts.beta ?? 2) ** 2;
  const eps = 1e-16;
  let smoothed = 0;
  let prec = 0;
  let rec = 0;
  let effective = 0;
  for (let i = 0; i < order; i++) {
    const [nHyp, nRef, nMatch] = [stats[3 * i]!, stats[3 * i + 1]!, stats[3 * i + 2]!];
    const p = nHyp > 0 ? nMatch / nHyp : eps;
    const r = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * p + r;
    smoothed += denom > 0 ? ((1 + factor) * p * r) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      prec += p;
      rec += r;
      effective++;
    }
  }
  if (opts.epsSmoothing) return (100 * smoothed) / order;
  if (effective === 0) return 0;
  prec /= effective;
  rec /= effective;
  return prec + rec > 0 ? (100 * (1 + factor) * prec * rec) / (factor * prec + rec) : 0;
}

/** Corpus chrF: one hypothesis per reference, statistics summed over all lines. */
export function corpusChrf(hypotheses: string[], references: string[], opts: ChrfOptions = {}): number {
  if (hypotheses.length !== references.length) throw new Error(`chrF: ${hypotheses.length} hypotheses for ${references.length} references`);
  const total: number[] = [];
  hypotheses.forEach((h, i) => chrfStats(h, references[i]!, opts).forEach((v, k) => (total[k] = (total[k] ?? 0) + v)));
  return chrfScore(total, opts);
}

function ngrams(chars: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}
