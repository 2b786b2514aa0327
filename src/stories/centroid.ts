import type { SortedVector, SparseVector } from './term-stats.ts';

/**
 * The sum of a story's member vectors, kept to its `capacity` heaviest terms in typed arrays
 * sorted by term id: bounded memory per story whatever its size, a dot product with an article
 * that walks `capacity` numbers, and one with another centroid that is a single merge pass. Ids
 * and weights share one buffer: at 100,000 stories every buffer the collector tracks counts.
 */
export class Centroid {
  ids: Int32Array;
  weights: Float32Array;
  norm = 0;

  constructor(readonly capacity: number) {
    this.ids = EMPTY_IDS;
    this.weights = EMPTY_WEIGHTS;
  }

  add(v: SparseVector, scale = 1): void {
    const ids = [...v.keys()].sort((a, b) => a - b);
    const weights = ids.map((id) => v.get(id)! * scale);
    this.mergeSorted(ids, weights);
  }

  addCentroid(other: Centroid): void {
    this.mergeSorted(other.ids, other.weights);
  }

  /** A copy holding only the `capacity` heaviest terms of this one. */
  truncated(capacity: number): Centroid {
    const c = new Centroid(capacity);
    c.mergeSorted(this.ids, this.weights);
    return c;
  }

  /** Cosine with a normalized sparse vector sorted by id (one merge pass). */
  cosine(v: SortedVector): number {
    if (this.norm === 0) return 0;
    const a = this.ids;
    const b = v.ids;
    let dot = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else dot += v.weights[j++]! * this.weights[i++]!;
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
    return heaviestFirst(this.weights).slice(0, n).map((i) => this.ids[i]!);
  }

  /** Adds id-sorted terms to these: one merge pass, then the heaviest `capacity` are kept. */
  private mergeSorted(bIds: ArrayLike<number>, bW: ArrayLike<number>): void {
    const a = this.ids;
    const aW = this.weights;
    const ids: number[] = [];
    const ws: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < bIds.length) {
      if (j >= bIds.length || (i < a.length && a[i]! < bIds[j]!)) {
        ids.push(a[i]!);
        ws.push(aW[i++]!);
      } else if (i >= a.length || a[i]! > bIds[j]!) {
        ids.push(bIds[j]!);
        ws.push(bW[j++]!);
      } else {
        ids.push(a[i]!);
        ws.push(aW[i++]! + bW[j++]!);
      }
    }
    let keep: number[] | null = null;
    if (ids.length > this.capacity) keep = heaviestFirst(ws).slice(0, this.capacity).sort((x, y) => x - y);
    const n = keep ? keep.length : ids.length;
    const buffer = new ArrayBuffer(n * 8);
    this.ids = new Int32Array(buffer, 0, n);
    this.weights = new Float32Array(buffer, n * 4, n);
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const at = keep ? keep[k]! : k;
      this.ids[k] = ids[at]!;
      this.weights[k] = ws[at]!;
      norm += this.weights[k]! * this.weights[k]!;
    }
    this.norm = Math.sqrt(norm);
  }
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float32Array(0);

/** Indices by weight, heaviest first; equal weights in index (term id) order, so every process keeps the same terms. */
function heaviestFirst(ws: ArrayLike<number>): number[] {
  return Array.from({ length: ws.length }, (_, i) => i).sort((x, y) => ws[y]! - ws[x]! || x - y);
}
