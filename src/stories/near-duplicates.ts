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

/** The sketch index of one process. */
export class MemorySketchIndex implements SketchIndex {
  private readonly byBand = new Map<string, SketchEntry[]>();

  async candidates(bands: Int32Array): Promise<SketchEntry[]> {
    const seen = new Set<SketchEntry>();
    bands.forEach((key, b) => {
      for (const e of this.byBand.get(`${b}:${key}`) ?? []) seen.add(e);
    });
    return [...seen];
  }

  async add(articleId: string, storyId: string, s: Sketch): Promise<void> {
    const entry: SketchEntry = { articleId, storyId, signature: s.signature };
    s.bands.forEach((key, b) => {
      const k = `${b}:${key}`;
      const list = this.byBand.get(k);
      if (list) list.push(entry);
      else this.byBand.set(k, [entry]);
    });
  }
}
