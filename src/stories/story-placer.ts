import { articleFeatures, leadOf } from './article-features.ts';
import type { ClusterOptions } from './cluster-options.ts';
import { sketch } from './minhash.ts';
import { findNearDuplicate, MemorySketchIndex, NEAR_DUPLICATE_JACCARD, type SketchIndex } from './near-duplicates.ts';
import type { StoryArticle, TranslatedHead, TranslateTexts } from './story-article.ts';
import { StoryClusterer } from './story-clusterer.ts';

export interface StoryPlacerOptions {
  /** The language heads are compared in (default en). */
  pivot?: string;
  /** Turns another language's title and lead into the pivot; without it such articles cluster only within their language and on anchors. */
  translate?: TranslateTexts | null;
  /** Where near-duplicate sketches live (default: this process's memory). */
  sketches?: SketchIndex;
  cluster?: Partial<ClusterOptions>;
  nearDuplicateJaccard?: number;
}

export interface StoryPlacement {
  id: string;
  story: string;
  /** The earlier article this one is a near-duplicate of (it joined that article's story). */
  duplicateOf?: string;
  /** Stories merged into `story` by this placement: their ids are now aliases of it. */
  merged: string[];
  /** Why it went where it went: the similarity to its story (1 for a near-duplicate). */
  score: number;
  /** The pivot-language head used, for a translated article. */
  translated?: TranslatedHead;
}

/**
 * Places articles in stories as they arrive, one at a time in arrival order (concurrent calls are
 * queued): a near-duplicate joins its original's story; any other article is clustered. The one
 * entry point for the pipeline and `transwire cluster`.
 */
export class StoryPlacer {
  readonly clusterer: StoryClusterer;
  private readonly pivot: string;
  private readonly translate: TranslateTexts | null;
  private readonly sketches: SketchIndex;
  private readonly jaccard: number;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(opts: StoryPlacerOptions = {}) {
    this.pivot = opts.pivot ?? 'en';
    this.translate = opts.translate ?? null;
    this.sketches = opts.sketches ?? new MemorySketchIndex();
    this.jaccard = opts.nearDuplicateJaccard ?? NEAR_DUPLICATE_JACCARD;
    this.clusterer = new StoryClusterer(opts.cluster);
  }

  place(article: StoryArticle): Promise<StoryPlacement> {
    const run = this.tail.then(() => this.placeNow(article));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The live story an id stands for (a merged story's id resolves to the story it joined). */
  resolve(storyId: string): string {
    return this.clusterer.aliases.resolve(storyId);
  }

  private async placeNow(article: StoryArticle): Promise<StoryPlacement> {
    const time = article.published ? article.published.getTime() : null;
    const sk = sketch(article.text);
    if (sk) {
      const dup = await findNearDuplicate(this.sketches, sk, this.jaccard);
      if (dup) {
        const story = this.clusterer.join(dup.storyId, time);
        await this.sketches.add(article.id, story, sk);
        return { id: article.id, story, duplicateOf: dup.articleId, merged: [], score: 1 };
      }
    }
    const translated = await this.translateHead(article);
    const placed = this.clusterer.place(articleFeatures(article, this.pivot, translated), article.id);
    if (sk) await this.sketches.add(article.id, placed.story, sk);
    return { id: article.id, story: placed.story, merged: placed.merged, score: placed.score, ...(translated ? { translated } : {}) };
  }

  private async translateHead(article: StoryArticle): Promise<TranslatedHead | null> {
    if (article.lang === this.pivot || !this.translate) return null;
    const [title = '', lead = ''] = await this.translate([article.title, leadOf(article)], article.lang, this.pivot);
    return { title, lead };
  }
}
