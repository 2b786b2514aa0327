import { articleFeatures, leadOf, type ArticleFeatures } from './article-features.ts';
import type { ClusterOptions } from './cluster-options.ts';
import { sketch, type Sketch } from './minhash.ts';
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

/** An article ready to be placed: what is slow (translating its head) is done, nothing is decided yet. */
export interface PreparedArticle {
  article: StoryArticle;
  sketch: Sketch | null;
  features: ArticleFeatures;
  translated: TranslatedHead | null;
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
    return this.exclusive(async () => this.placePrepared(await this.prepare(article), article.id));
  }

  /** Runs `fn` after every placement queued before it: one placement at a time in this process. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * The article's sketch and features. `translated` is its title and lead in the pivot when the
   * caller translated them (null: none could); left out, the placer's own `translate` is asked.
   */
  async prepare(article: StoryArticle, translated?: TranslatedHead | null): Promise<PreparedArticle> {
    const head = translated === undefined ? await this.translateHead(article) : translated;
    return { article, sketch: sketch(article.text), features: articleFeatures(article, this.pivot, head), translated: head };
  }

  /**
   * Places a prepared article: a near-duplicate (found in `sketches`, the shared index when the
   * caller holds the placement lock) joins its original's story; any other is clustered, starting
   * story `newId` when it fits none.
   */
  async placePrepared(p: PreparedArticle, newId: string, sketches: SketchIndex = this.sketches): Promise<StoryPlacement> {
    const { article, sketch: sk } = p;
    const time = article.published ? article.published.getTime() : null;
    if (sk) {
      const dup = await findNearDuplicate(sketches, sk, this.jaccard);
      if (dup) {
        const story = this.clusterer.join(dup.storyId, time);
        await sketches.add(article.id, story, sk);
        return { id: article.id, story, duplicateOf: dup.articleId, merged: [], score: 1 };
      }
    }
    const placed = this.clusterer.place(p.features, newId);
    if (sk) await sketches.add(article.id, placed.story, sk);
    return { id: article.id, story: placed.story, merged: placed.merged, score: placed.score, ...(p.translated ? { translated: p.translated } : {}) };
  }

  /** The live story an id stands for (a merged story's id resolves to the story it joined). */
  resolve(storyId: string): string {
    return this.clusterer.aliases.resolve(storyId);
  }

  private async translateHead(article: StoryArticle): Promise<TranslatedHead | null> {
    if (article.lang === this.pivot || !this.translate) return null;
    const [title = '', lead = ''] = await this.translate([article.title, leadOf(article)], article.lang, this.pivot);
    // Nothing came back (no engine for the pair): its own words still compare with its language's stories.
    return title.trim() || lead.trim() ? { title, lead } : null;
  }
}
