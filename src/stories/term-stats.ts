/**
 * Term ids and document frequencies, kept as the stream goes: IDF at any moment is computed from
 * the articles seen so far, never from the future. Ids are dense integers so story centroids can
 * live in typed arrays (100,000 stories would not fit as Maps of strings).
 */
export class TermStats {
  private readonly ids = new Map<string, number>();
  private df = new Int32Array(1024);
  private docs = 0;

  get documents(): number {
    return this.docs;
  }

  get vocabulary(): number {
    return this.ids.size;
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      if (id >= this.df.length) {
        const grown = new Int32Array(this.df.length * 2);
        grown.set(this.df);
        this.df = grown;
      }
    }
    return id;
  }

  /** Counts one document with these distinct term ids. */
  observe(termIds: Iterable<number>): void {
    this.docs++;
    for (const id of termIds) this.df[id]!++;
  }

  /** Smoothed IDF: a term in every document still weighs a little (1), an unseen one the most. */
  idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df[id] ?? 0) + 1)) + 1;
  }
}

/** A sparse vector by term id. */
export type SparseVector = Map<number, number>;

/**
 * TF-IDF of weighted counts, sublinear in the count (a word said ten times is not ten times the
 * evidence), L2-normalized.
 */
export function tfidf(counts: Map<string, number>, stats: TermStats): SparseVector {
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [term, c] of counts) {
    const id = stats.id(term);
    const w = (1 + Math.log(c)) * stats.idf(id);
    v.set(id, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [id, w] of v) v.set(id, w / norm);
  return v;
}
