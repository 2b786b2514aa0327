import { similarity, type Sketch } from './minhash.ts';

/** A stored sketch: whose it is and which story that article is in. */
export interface SketchEntry {
  articleId: string;
  storyId: string;
  signature: ArrayLike<number>;
}

/**
 * Where sketches live: in memory for one process, in PostgreSQL (src/store/story-sketches.ts) so
 * every worker sees every other's articles.
 */
export interface SketchIndex {
  /** Entries sharing at least one band key with `bands`. */
  candidates(bands: Int32Array): Promise<SketchEntry[]>;
  add(articleId: string, storyId: string, sketch: Sketch): Promise<void>;
}

/** Wire copy republished with another headline, an added paragraph or leftover chrome stays above this. */
export const NEAR_DUPLICATE_JACCARD = 0.7;

export interface NearDuplicate {
  articleId: string;
  storyId: string;
  jaccard: number;
}

/** The most similar earlier article at or above the threshold, or null. */
export async function findNearDuplicate(index: SketchIndex, s: Sketch, threshold = NEAR_DUPLICATE_JACCARD): Promise<NearDuplicate | null> {
  let best: NearDuplicate | null = null;
  for (const c of await index.candidates(s.bands)) {
    const j = similarity(s.signature, c.signature);
    if (j >= threshold && (!best || j > best.jaccard)) best = { articleId: c.articleId, storyId: c.storyId, jaccard: j };
  }
  return best;
}

/**
 * The sketch index of one process, holding the latest `capacity` articles (the oldest leave
 * first): `transwire cluster` and the bench stream any number of articles through it in bounded
 * memory. Band keys are numbers (band and key mixed); two bands meeting on one number only adds a
 * candidate that the signature then rejects.
 */
export class MemorySketchIndex implements SketchIndex {
  private readonly byBand = new Map<number, SketchEntry[]>();
  private readonly order: Array<{ entry: SketchEntry; keys: number[] } | undefined> = [];
  private oldest = 0;

  constructor(readonly capacity = 100_000) {}

  async candidates(bands: Int32Array): Promise<SketchEntry[]> {
    const seen = new Set<SketchEntry>();
    bands.forEach((key, b) => {
      for (const e of this.byBand.get(bandKey(b, key)) ?? []) seen.add(e);
    });
    return [...seen];
  }

  async add(articleId: string, storyId: string, s: Sketch): Promise<void> {
    const entry: SketchEntry = { articleId, storyId, signature: s.signature };
    const keys = Array.from(s.bands, (key, b) => bandKey(b, key));
    for (const k of keys) {
      const list = this.byBand.get(k);
      if (list) list.push(entry);
      else this.byBand.set(k, [entry]);
    }
    this.order.push({ entry, keys });
    if (this.order.length - this.oldest > this.capacity) this.forgetOldest();
  }

  private forgetOldest(): void {
    const { entry, keys } = this.order[this.oldest]!;
    this.order[this.oldest++] = undefined;
    for (const k of keys) {
      const list = this.byBand.get(k);
      if (!list) continue;
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.byBand.delete(k);
    }
    // The queue's spent head is cut off now and then, not on every article.
    if (this.oldest > 4096 && this.oldest * 2 > this.order.length) {
      this.order.splice(0, this.oldest);
      this.oldest = 0;
    }
  }
}

function bandKey(band: number, key: number): number {
  return Math.imul(band + 1, 0x9e3779b1) ^ key;
}
