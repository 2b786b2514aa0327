import type { ArticleFeatures } from './article-features.ts';
import { Centroid } from './centroid.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './cluster-options.ts';
import { StoryAliases } from './story-aliases.ts';
import { TermStats, tfidf, type SparseVector } from './term-stats.ts';

interface Story {
  id: string;
  /** Creation order: on a merge the older story keeps its id. */
  seq: number;
  size: number;
  last: number | null;
  full: Centroid;
  head: Centroid;
  anchors: Centroid;
  /** The latest members' own vectors: a report close to one of them belongs even if far from the mean. */
  members: Member[];
}

interface Member {
  full: Centroid;
  head: Centroid;
  anchors: Centroid;
}

interface Vectors {
  time: number | null;
  full: SparseVector;
  head: SparseVector;
  anchors: SparseVector;
  hasBody: boolean;
}

export interface Placement {
  story: string;
  /** Best decayed similarity to an existing story (0 when the article started one). */
  score: number;
  /** Stories merged into `story` because this article joined them (their ids now alias it). */
  merged: string[];
}

const HOUR = 3_600_000;

/**
 * Online story clustering: each article is placed on arrival in the story it is most similar to,
 * or starts one, using only the articles before it (incremental document frequencies, centroids
 * that grow). Similarity is TF-IDF cosine of words (title and lead weighted up) blended with
 * cosine of language-independent anchors, decayed by the time since the story's latest member.
 * State is in memory; what must be shared across workers (near-duplicate sketches, aliases) has
 * its own port.
 */
export class StoryClusterer {
  readonly opts: ClusterOptions;
  readonly aliases: StoryAliases;
  private readonly stats = new TermStats();
  private readonly stories = new Map<string, Story>();
  private readonly postings = new Map<number, Story[]>();
  private seq = 0;
  private latest = -Infinity;
  private placedSinceSweep = 0;

  constructor(opts: Partial<ClusterOptions> = {}, aliases = new StoryAliases()) {
    this.opts = { ...DEFAULT_CLUSTER_OPTIONS, ...opts };
    this.aliases = aliases;
  }

  get size(): number {
    return this.stories.size;
  }

  /** Places an article: joins the best story above threshold (merging others it bridges) or starts one with `newId`. */
  place(features: ArticleFeatures, newId: string): Placement {
    const v = this.vectorize(features);
    const scored = this.candidates(v)
      .map((story) => ({ story, score: this.score(v, story) }))
      .filter((c) => c.score >= this.opts.threshold)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    let story: Story;
    const merged: string[] = [];
    if (!best) {
      story = this.create(newId);
    } else {
      story = best.story;
      // An article that belongs clearly to two stories shows they are one event told in two parts.
      for (const other of scored.slice(1)) {
        if (best.score >= this.opts.mergeThreshold && other.score >= this.opts.mergeThreshold) {
          const [keep, gone] = story.seq <= other.story.seq ? [story, other.story] : [other.story, story];
          this.merge(keep, gone);
          merged.push(gone.id);
          story = keep;
        }
      }
    }
    this.addMember(story, v);
    this.maybeSweep();
    return { story: story.id, score: best?.score ?? 0, merged };
  }

  /**
   * Replays a placement another worker decided (the placement log, src/stories/placement-log.ts):
   * the article joins `storyId`, created when unknown here, after the `merged` stories are merged
   * into it. Nothing is scored: every worker ends with the state of the one that placed it.
   */
  replay(features: ArticleFeatures, storyId: string, merged: readonly string[] = []): void {
    const v = this.vectorize(features);
    const story = this.stories.get(this.aliases.resolve(storyId)) ?? this.create(storyId);
    for (const id of merged) {
      const gone = this.stories.get(this.aliases.resolve(id));
      if (gone && gone !== story) this.merge(story, gone);
      else this.aliases.add(id, story.id);
    }
    this.addMember(story, v);
    this.maybeSweep();
  }

  /** A near-duplicate joins its original's story: counted as a member, its words not added again. */
  join(storyId: string, time: number | null): string {
    const story = this.stories.get(this.aliases.resolve(storyId));
    if (!story) return this.aliases.resolve(storyId);
    story.size++;
    if (time !== null) {
      story.last = story.last === null ? time : Math.max(story.last, time);
      this.latest = Math.max(this.latest, time);
    }
    return story.id;
  }

  private vectorize(f: ArticleFeatures): Vectors {
    // The article counts in the statistics it is weighed by: its own rare words are rare, not unseen.
    const ids = new Set<number>();
    for (const t of f.full.keys()) ids.add(this.stats.id(t));
    for (const t of f.anchors.keys()) ids.add(this.stats.id(t));
    this.stats.observe(ids);
    return {
      time: f.time,
      full: tfidf(f.full, this.stats),
      head: tfidf(f.head, this.stats),
      anchors: tfidf(f.anchors, this.stats),
      hasBody: f.hasBody,
    };
  }

  /**
   * Similarity to the story as a whole (its centroid) blended with similarity to its closest
   * member: the mean alone loses a report that tells one side of a big story, the closest member
   * alone chains unrelated stories through one broad article.
   */
  private score(v: Vectors, s: Story): number {
    const centroid = this.similarity(v, s);
    let closest = 0;
    for (const m of s.members) closest = Math.max(closest, this.similarity(v, m));
    const { memberWeight: mw } = this.opts;
    return ((1 - mw) * centroid + mw * closest) * this.decay(v.time, s.last);
  }

  private similarity(v: Vectors, s: Member): number {
    const words = v.hasBody ? s.full.cosine(v.full) : s.head.cosine(v.head);
    const hasAnchors = v.anchors.size > 0 && s.anchors.norm > 0;
    return hasAnchors ? (1 - this.opts.anchorWeight) * words + this.opts.anchorWeight * s.anchors.cosine(v.anchors) : words;
  }

  private decay(t: number | null, last: number | null): number {
    if (t === null || last === null) return 1;
    const hours = Math.abs(t - last) / HOUR;
    if (hours > this.opts.windowDays * 24) return 0;
    const { decayFloor: floor, halfLifeHours: h } = this.opts;
    return floor + (1 - floor) * 2 ** (-hours / h);
  }

  /** Stories sharing the article's heaviest terms, ranked by the weight they share; the best few. */
  private candidates(v: Vectors): Story[] {
    const shared = new Map<Story, number>();
    const probe = (vec: SparseVector, n: number) => {
      for (const [id, w] of heaviest(vec, n)) {
        for (const s of this.postings.get(id) ?? []) shared.set(s, (shared.get(s) ?? 0) + w);
      }
    };
    probe(v.hasBody ? v.full : v.head, this.opts.probeTerms);
    probe(v.anchors, this.opts.probeTerms >> 1);
    return [...shared]
      .filter(([s]) => this.stories.get(s.id) === s)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.opts.scoredCandidates)
      .map(([s]) => s);
  }

  private create(id: string): Story {
    const half = this.opts.centroidTerms >> 1;
    const story: Story = {
      id,
      seq: this.seq++,
      size: 0,
      last: null,
      full: new Centroid(this.opts.centroidTerms),
      head: new Centroid(half),
      anchors: new Centroid(half),
      members: [],
    };
    this.stories.set(id, story);
    return story;
  }

  private addMember(story: Story, v: Vectors): void {
    story.size++;
    story.full.add(v.full);
    story.head.add(v.head);
    story.anchors.add(v.anchors);
    if (this.opts.memberWeight > 0) {
      const half = this.opts.centroidTerms >> 1;
      const m = { full: new Centroid(half), head: new Centroid(half >> 1), anchors: new Centroid(half >> 1) };
      m.full.add(v.full);
      m.head.add(v.head);
      m.anchors.add(v.anchors);
      story.members.push(m);
      if (story.members.length > this.opts.membersKept) story.members.shift();
    }
    if (v.time !== null) {
      story.last = story.last === null ? v.time : Math.max(story.last, v.time);
      this.latest = Math.max(this.latest, v.time);
    }
    for (const [id] of heaviest(v.hasBody ? v.full : v.head, this.opts.probeTerms)) this.post(id, story);
    for (const [id] of heaviest(v.anchors, this.opts.probeTerms >> 1)) this.post(id, story);
  }

  private post(termId: number, story: Story): void {
    let list = this.postings.get(termId);
    if (!list) this.postings.set(termId, (list = []));
    if (list[list.length - 1] === story) return;
    list.push(story);
    // Amortized: the oldest half goes once the list is twice its cap.
    if (list.length > 2 * this.opts.postingCap) list.splice(0, list.length - this.opts.postingCap);
  }

  private merge(keep: Story, gone: Story): void {
    keep.full.addCentroid(gone.full);
    keep.head.addCentroid(gone.head);
    keep.anchors.addCentroid(gone.anchors);
    keep.size += gone.size;
    keep.members = [...keep.members, ...gone.members].slice(-this.opts.membersKept);
    if (gone.last !== null) keep.last = keep.last === null ? gone.last : Math.max(keep.last, gone.last);
    for (const id of gone.full.top(this.opts.probeTerms)) this.post(id, keep);
    for (const id of gone.anchors.top(this.opts.probeTerms >> 1)) this.post(id, keep);
    this.stories.delete(gone.id);
    this.aliases.add(gone.id, keep.id);
  }

  /** Stories quiet for longer than the window leave memory (their aliases stay resolvable). */
  private maybeSweep(): void {
    if (++this.placedSinceSweep < 1000 || !Number.isFinite(this.latest)) return;
    this.placedSinceSweep = 0;
    const horizon = this.latest - this.opts.windowDays * 24 * HOUR;
    for (const [id, s] of this.stories) if (s.last !== null && s.last < horizon) this.stories.delete(id);
    for (const [term, list] of this.postings) {
      const live = list.filter((s) => this.stories.get(s.id) === s);
      if (live.length === 0) this.postings.delete(term);
      else if (live.length !== list.length) this.postings.set(term, live);
    }
  }
}

function heaviest(v: SparseVector, n: number): Array<[number, number]> {
  if (v.size <= n) return [...v];
  return [...v].sort((a, b) => b[1] - a[1]).slice(0, n);
}
