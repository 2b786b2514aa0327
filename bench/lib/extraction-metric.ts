/**
 * The article-extraction-benchmark metric, written from its README: 4-token shingles of \w+
 * tokens, per-page TP/FP/FN normalized to sum to one, corpus P and R as plain means (empty
 * predictions left out of P, empty truths out of R), F1 from those means, accuracy = exact token match.
 */

export interface PageScore {
  precision: number | null;
  recall: number | null;
  exact: boolean;
}

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

export function tokenize(text: string): string[] {
  // Python's \w with Unicode: letters, digits and numerics, and the underscore (not combining marks).
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(tokens: string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const add = (key: string): void => {
    out.set(key, (out.get(key) ?? 0) + 1);
  };
  if (tokens.length < 4) add(tokens.join('\u0000'));
  else for (let i = 0; i + 4 <= tokens.length; i++) add(tokens.slice(i, i + 4).join('\u0000'));
  return out;
}

export function scorePage(expected: string, predicted: string): PageScore {
  const te = tokenize(expected);
  const tp_ = tokenize(predicted);
  const e = shingles(te);
  const p = shingles(tp_);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, t] of e) {
    const c = p.get(k) ?? 0;
    tp += Math.min(t, c);
    if (t > c) fn += t - c;
  }
  for (const [k, c] of p) {
    const t = e.get(k) ?? 0;
    if (c > t) fp += c - t;
  }
  const exact = te.length === tp_.length && te.every((x, i) => x === tp_[i]);
  const sum = tp + fp + fn;
  if (sum === 0) return { precision: 1, recall: 1, exact };
  const [TP, FP, FN] = [tp / sum, fp / sum, fn / sum];
  if (FP === 0 && FN === 0) return { precision: 1, recall: 1, exact };
  return {
    precision: TP + FP === 0 ? null : TP / (TP + FP),
    recall: TP + FN === 0 ? null : TP / (TP + FN),
    exact,
  };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const precision = mean(pages.flatMap((p) => (p.precision === null ? [] : [p.precision])));
  const recall = mean(pages.flatMap((p) => (p.recall === null ? [] : [p.recall])));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: mean(pages.map((p) => (p.exact ? 1 : 0))), pages: pages.length };
}
