/**
 * Term ids and document frequencies, kept as the stream goes: IDF at any moment is computed from
 * the articles seen so far, never from the future. A term's id is its hash (the hashing trick):
 * no vocabulary is held, so memory is a fixed 16 MiB however many names and words a year of news
 * brings, and every worker gives a term the same id whatever order it saw the terms in. With 2^22
 * ids, two terms sharing one is rare enough (a few in a million for a rare word meeting a common
 * one) to change no placement that matters.
 */
export class TermStats {
  // Allocated with the first document: a clusterer that only weighs with another's statistics
  // (split detection's scratch) costs nothing.
  private df: Int32Array | null = null;
  private docs = 0;

  get documents(): number {
    return this.docs;
  }

  id(term: string): number {
    return termId(term);
  }

  /** Counts one document with these distinct term ids. */
  observe(termIds: Iterable<number>): void {
    this.docs++;
    const df = (this.df ??= new Int32Array(TERM_IDS));
    for (const id of termIds) df[id]!++;
  }

  /** Smoothed IDF: a term in every document still weighs a little (1), an unseen one the most. */
  idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df?.[id] ?? 0) + 1)) + 1;
  }
}

const TERM_IDS = 1 << 22;

/** FNV-1a over the UTF-16 units, finished with murmur3's mix so the low bits are well spread. */
export function termId(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & (TERM_IDS - 1);
}

/** A sparse vector by term id. */
export type SparseVector = Map<number, number>;

/** A sparse vector as two arrays sorted by term id. */
export interface SortedVector {
  ids: Int32Array;
  weights: Float64Array;
}

export function sortedVector(v: SparseVector): SortedVector {
  const ids = Int32Array.from(v.keys()).sort();
  return { ids, weights: Float64Array.from(ids, (id) => v.get(id)!) };
}

/**
 * TF-IDF of weighted counts, sublinear in the count (a word said ten times is not ten times the
 * evidence), L2-normalized. Terms that hash to one id add up.
 */
export function tfidf(counts: Map<string, number>, stats: TermStats): SparseVector {
  const v: SparseVector = new Map();
  for (const [term, c] of counts) {
    const id = stats.id(term);
    // A count under 1 (a word far down the text) weighs its share; above 1, its logarithm.
    const tf = c > 1 ? 1 + Math.log(c) : c;
    v.set(id, (v.get(id) ?? 0) + tf * stats.idf(id));
  }
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [id, w] of v) v.set(id, w / norm);
  return v;
}
