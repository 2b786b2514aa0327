import type { SparseVector } from './term-stats.ts';

/**
 * The sum of a story's member vectors, kept to its `capacity` heaviest terms in typed arrays
 * sorted by term id: bounded memory per story whatever its size, a dot product with an article
 * that walks `capacity` numbers, and one with another centroid that is a single merge pass.
 */
export class Centroid {
  ids: Int32Array;
  weights: Float32Array;
  norm = 0;

  constructor(readonly capacity: number) {
    this.ids = new Int32Array(0);
    this.weights = new Float32Array(0);
  }

  add(v: SparseVector, scale = 1): void {
    const sum = new Map<number, number>();
    for (let i = 0; i < this.ids.length; i++) sum.set(this.ids[i]!, this.weights[i]!);
    for (const [id, w] of v) sum.set(id, (sum.get(id) ?? 0) + w * scale);
    this.keepTop(sum);
  }

  addCentroid(other: Centroid): void {
    const sum = new Map<number, number>();
    for (let i = 0; i < this.ids.length; i++) sum.set(this.ids[i]!, this.weights[i]!);
    for (let i = 0; i < other.ids.length; i++) sum.set(other.ids[i]!, (sum.get(other.ids[i]!) ?? 0) + other.weights[i]!);
    this.keepTop(sum);
  }

  /** Cosine with a normalized sparse vector. */
  cosine(v: SparseVector): number {
    if (this.norm === 0) return 0;
    let dot = 0;
    for (let i = 0; i < this.ids.length; i++) {
      const w = v.get(this.ids[i]!);
      if (w !== undefined) dot += w * this.weights[i]!;
    }
    return dot / this.norm;
  }

  /** Cosine with another centroid (both sorted by id: one pass, no allocation). */
  cosineWith(other: Centroid): number {
    if (this.norm === 0 || other.norm === 0) return 0;
    const a = this.ids;
    const b = other.ids;
    let dot = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else dot += this.weights[i++]! * other.weights[j++]!;
    }
    return dot / (this.norm * other.norm);
  }

  /** The heaviest `n` term ids, heaviest first. */
  top(n: number): number[] {
    return [...this.ids.keys()].sort((a, b) => this.weights[b]! - this.weights[a]!).slice(0, n).map((i) => this.ids[i]!);
  }

  private keepTop(sum: Map<number, number>): void {
    let entries = [...sum];
    if (entries.length > this.capacity) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, this.capacity);
    entries.sort((a, b) => a[0] - b[0]);
    this.ids = Int32Array.from(entries, (e) => e[0]);
    this.weights = Float32Array.from(entries, (e) => e[1]);
    let norm = 0;
    for (const w of this.weights) norm += w * w;
    this.norm = Math.sqrt(norm);
  }
}
