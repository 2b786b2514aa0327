import { articleFeatures, leadOf, type ArticleFeatures } from './article-features.ts';
import type { ClusterOptions } from './cluster-options.ts';
import { PlacedMembers } from './placed-members.ts';
import { logEntry, replayStoryEvent } from './placement-log.ts';
import { DEFAULT_SPLIT_OPTIONS, findSplit, splitDue, type SplitOptions } from './story-split.ts';
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
  /**
   * Look for a split after each placement, as the pipeline does from the store (story-split.ts),
   * keeping every placed article's features in memory to do it: for a bounded stream (`transwire
   * cluster`, the benches). Off by default: the pipeline reads the members from story_placements.
   */
  split?: boolean | Partial<SplitOptions>;
}

/** A story that split in two after a placement: `moved` left `story` for `newStory`. */
export interface PlacementSplit {
  story: string;
  newStory: string;
  moved: string[];
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
  /** The story split in two after this placement (only with the `split` option). */
  split?: PlacementSplit;
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
  private readonly members: PlacedMembers | null;
  private readonly splitOptions: SplitOptions;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(opts: StoryPlacerOptions = {}) {
    this.pivot = opts.pivot ?? 'en';
    this.translate = opts.translate ?? null;
    this.sketches = opts.sketches ?? new MemorySketchIndex();
    this.jaccard = opts.nearDuplicateJaccard ?? NEAR_DUPLICATE_JACCARD;
    this.clusterer = new StoryClusterer(opts.cluster);
    this.members = opts.split ? new PlacedMembers(this.clusterer.aliases) : null;
    this.splitOptions = { ...DEFAULT_SPLIT_OPTIONS, ...(typeof opts.split === 'object' ? opts.split : {}) };
  }

  place(article: StoryArticle): Promise<StoryPlacement> {
    return this.exclusive(async () => {
      const prepared = await this.prepare(article);
      const placement = await this.placePrepared(prepared, article.id);
      if (!this.members) return placement;
      this.members.add(article.id, placement.story, logEntry(prepared, placement), placement.merged);
      const split = placement.story !== article.id && !placement.duplicateOf && placement.merged.length === 0 ? this.maybeSplit(placement.story) : null;
      if (!split) return placement;
      return { ...placement, story: split.moved.includes(article.id) ? split.newStory : placement.story, split };
    });
  }

  /**
   * The story an article is in now: after later placements merged its story into another, or
   * split it (with the `split` option; without it, the story it was placed in, resolved).
   */
  storyOf(placement: Pick<StoryPlacement, 'id' | 'story'>): string {
    return this.members?.storyOf(placement.id) ?? this.resolve(placement.story);
  }

  /**
   * Whether the story `storyId` took in has grown into two events: the pipeline's step
   * (src/jobs/handlers/place-story.ts) on this placer's own record of the members, applied to the
   * clusterer as a logged split is replayed. The new story is named after its first member.
   */
  private maybeSplit(storyId: string): PlacementSplit | null {
    const members = this.members!;
    const story = this.resolve(storyId);
    if (!splitDue(members.size(story), this.splitOptions)) return null;
    const found = findSplit(this.clusterer, members.candidates(story), this.splitOptions);
    if (!found) return null;
    let newStory = found.move[0]!;
    for (let n = 2; members.knows(newStory); n++) newStory = `${found.move[0]!}~${n}`;
    replayStoryEvent(this.clusterer, { kind: 'split', story, other: newStory, kept: found.keep, moved: found.move }, members.logged([...found.keep, ...found.move]));
    members.moveOut(story, newStory, found.move);
    return { story, newStory, moved: found.move };
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
        // The original may have moved since its sketch was indexed (a split): this placer's record knows.
        const story = this.clusterer.join(this.members?.storyOf(dup.articleId) ?? dup.storyId, time);
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
