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
  // A band key most articles hold alone maps to its entry, not to a list of one.
  private readonly byBand = new Map<number, SketchEntry | SketchEntry[]>();
  private readonly order: Array<{ entry: SketchEntry; bands: Int32Array } | undefined> = [];
  private oldest = 0;

  constructor(readonly capacity = 100_000) {}

  async candidates(bands: Int32Array): Promise<SketchEntry[]> {
    const seen = new Set<SketchEntry>();
    bands.forEach((key, b) => {
      const hit = this.byBand.get(bandKey(b, key));
      if (Array.isArray(hit)) for (const e of hit) seen.add(e);
      else if (hit) seen.add(hit);
    });
    return [...seen];
  }

  async add(articleId: string, storyId: string, s: Sketch): Promise<void> {
    const entry: SketchEntry = { articleId, storyId, signature: s.signature };
    s.bands.forEach((key, b) => {
      const k = bandKey(b, key);
      const hit = this.byBand.get(k);
      if (Array.isArray(hit)) hit.push(entry);
      else this.byBand.set(k, hit ? [hit, entry] : entry);
    });
    this.order.push({ entry, bands: s.bands });
    if (this.order.length - this.oldest > this.capacity) this.forgetOldest();
  }

  private forgetOldest(): void {
    const { entry, bands } = this.order[this.oldest]!;
    this.order[this.oldest++] = undefined;
    bands.forEach((key, b) => {
      const k = bandKey(b, key);
      const hit = this.byBand.get(k);
      if (hit === entry) this.byBand.delete(k);
      else if (Array.isArray(hit)) {
        const at = hit.indexOf(entry);
        if (at >= 0) hit.splice(at, 1);
        if (hit.length === 1) this.byBand.set(k, hit[0]!);
      }
    });
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
