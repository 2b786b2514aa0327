import type { ArticleFeatures } from './article-features.ts';
import { Centroid } from './centroid.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './cluster-options.ts';
import { StoryAliases } from './story-aliases.ts';
import { sortedVector, TermStats, tfidf, type SortedVector, type SparseVector } from './term-stats.ts';

interface Story {
  id: string;
  /** Creation order: on a merge the older story keeps its id. */
  seq: number;
  size: number;
  /** Members compared on their whole text (pivot-language bodies), not on a translated head only. */
  bodies: number;
  first: number | null;
  last: number | null;
  full: Centroid;
  head: Centroid;
  anchors: Centroid;
  /** The latest members' own vectors: a report close to one of them belongs even if far from the mean. */
  members: Member[];
  /**
   * True while the centroids are exactly one member's vector (most stories have one article):
   * that member is not stored twice, and is split off when a second one comes.
   */
  solo: boolean;
  /** Candidate search scratch: the probe that last touched this story, and the weight it shares with it. */
  probe: number;
  shared: number;
}

interface Member {
  full: Centroid;
  head: Centroid;
  anchors: Centroid;
  bodies: number;
}

interface Vectors {
  time: number | null;
  full: SparseVector;
  head: SparseVector;
  anchors: SparseVector;
  hasBody: boolean;
  /** The same sorted by term id, made when first scored: a centroid is then met in one merge pass. */
  sorted?: { full: SortedVector; head: SortedVector; anchors: SortedVector };
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
  private probes = 0;
  private droppedSinceSweep = 0;

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
    if (best) story = this.converge(story, merged);
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
      story.first = story.first === null ? time : Math.min(story.first, time);
      this.latest = Math.max(this.latest, time);
    }
    return story.id;
  }

  /**
   * Splits a story in two (story-split.ts found two events in it, or an editor did; every worker
   * replays it from the log): `storyId` is built again from the members it keeps and `newId` from
   * those it gave up, in placement order, each weighed with today's statistics (not counted again).
   * A member without features (a near-duplicate) counts with its time only.
   */
  split(storyId: string, newId: string, keep: readonly SplitMember[], move: readonly SplitMember[]): void {
    const id = this.aliases.resolve(storyId);
    const seq = this.stories.get(id)?.seq;
    const kept = this.create(id);
    // The kept story is as old as it was: a later merge keeps its id over the new one's.
    if (seq !== undefined) kept.seq = seq;
    const parts: Array<[Story, readonly SplitMember[]]> = [[kept, keep], [this.create(newId), move]];
    for (const [story, members] of parts) {
      for (const m of members) {
        if (m.features) this.addMember(story, this.weigh(m.features));
        else this.join(story.id, m.time);
      }
    }
  }

  /** Story `goneId` joins `keepId` (an editor's merge, replayed from the log): `goneId` becomes its alias. */
  mergeStories(keepId: string, goneId: string): void {
    const k = this.aliases.resolve(keepId);
    const g = this.aliases.resolve(goneId);
    if (k === g) return;
    const gone = this.stories.get(g);
    if (gone) this.merge(this.stories.get(k) ?? this.create(k), gone);
    else this.aliases.add(g, k);
  }

  /**
   * Groups of articles weighed as stories are, apart from this clusterer's stories: what split
   * detection (story-split.ts) compares. Features are weighed with this clusterer's statistics
   * (not counted again) and without their time: groups compare as wholes, undecayed — unless
   * `timed`, when they compare as two stories do, decayed by the time between them.
   */
  groups(timed = false): StoryGroups {
    const scratch = new StoryClusterer(this.opts);
    const weighed = new Map<ArticleFeatures, Vectors>();
    const weigh = (f: ArticleFeatures): Vectors => {
      let v = weighed.get(f);
      if (!v) weighed.set(f, (v = this.weigh(timed ? f : { ...f, time: null })));
      return v;
    };
    return {
      of: (members) => {
        const g = scratch.create(String(scratch.seq));
        for (const f of members) scratch.addMember(g, weigh(f));
        return g;
      },
      similarity: (a, b) => scratch.storySimilarity(a as Story, b as Story),
    };
  }

  /** An article's vectors under the current statistics, without counting it in them again. */
  private weigh(f: ArticleFeatures): Vectors {
    return { time: f.time, full: tfidf(f.full, this.stats), head: tfidf(f.head, this.stats), anchors: tfidf(f.anchors, this.stats), hasBody: f.hasBody };
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
    let closest = s.solo ? centroid : 0;
    for (const m of s.members) closest = Math.max(closest, this.similarity(v, m));
    const { memberWeight: mw } = this.opts;
    return ((1 - mw) * centroid + mw * closest) * this.decay(v.time, s);
  }

  /**
   * Bodies are compared with bodies; a story with none (translated heads only) with heads. Where
   * one side is a translated head and the other has bodies, the head is also compared with the
   * bodies, whichever says more: a headline's words are often in another report's text, not its title.
   */
  private similarity(v: Vectors, s: Member): number {
    const q = (v.sorted ??= { full: sortedVector(v.full), head: sortedVector(v.head), anchors: sortedVector(v.anchors) });
    let words = v.hasBody && s.bodies > 0 ? s.full.cosine(q.full) : s.head.cosine(q.head);
    if (!v.hasBody && s.bodies > 0) words = Math.max(words, s.full.cosine(q.head));
    else if (v.hasBody && s.bodies === 0) words = Math.max(words, s.head.cosine(q.full));
    const hasAnchors = v.anchors.size > 0 && s.anchors.norm > 0;
    return hasAnchors ? (1 - this.opts.anchorWeight) * words + this.opts.anchorWeight * s.anchors.cosine(q.anchors) : words;
  }

  private decay(t: number | null, s: Story): number {
    if (t === null || s.last === null) return 1;
    return this.decayAfter(Math.abs(t - s.last) / HOUR, s);
  }

  private decayAfter(hours: number, s: Story): number {
    if (hours > this.reachDays(s) * 24) return 0;
    const { decayFloor: floor, halfLifeHours: h, resurfaceHalfLifeDays: long } = this.opts;
    return floor * 2 ** (-hours / (long * 24)) + (1 - floor) * 2 ** (-hours / h);
  }

  /** Stories sharing the article's heaviest terms, ranked by the weight they share; the best few. */
  private candidates(v: Vectors): Story[] {
    // The shared weight is kept on the stories themselves (marked by probe number): at 100,000
    // stories a map from story to weight was most of the cost of placing an article.
    const probe = ++this.probes;
    const touched: Story[] = [];
    const add = (vec: SparseVector, n: number) => {
      for (const [id, w] of heaviest(vec, n)) {
        const list = this.postings.get(id);
        if (!list) continue;
        for (const s of list) {
          if (s.probe !== probe) {
            s.probe = probe;
            s.shared = 0;
            touched.push(s);
          }
          s.shared += w;
        }
      }
    };
    add(v.hasBody ? v.full : v.head, this.opts.probeTerms);
    add(v.anchors, this.opts.probeTerms >> 1);
    return best(
      touched.filter((s) => this.stories.get(s.id) === s),
      this.opts.scoredCandidates,
    );
  }

  /**
   * A second chance for stories that began apart: once a story grows, it is compared as a whole
   * with its neighbours, and two whose centroids have converged (two early halves of one event,
   * each started by a report that told one side) become one. Repeats while it finds one.
   */
  private converge(story: Story, merged: string[]): Story {
    const th = this.opts.convergeThreshold;
    if (th > 1) return story;
    for (let round = 0; round < 4; round++) {
      let closest: Story | null = null;
      let best = th;
      for (const other of this.neighbours(story)) {
        const sim = this.storySimilarity(story, other);
        if (sim >= best) [closest, best] = [other, sim];
      }
      if (!closest) break;
      const [keep, gone] = story.seq <= closest.seq ? [story, closest] : [closest, story];
      this.merge(keep, gone);
      merged.push(gone.id);
      story = keep;
    }
    return story;
  }

  /** Live stories sharing the most of a story's heaviest terms. */
  private neighbours(story: Story): Story[] {
    const shared = new Map<Story, number>();
    const probe = (ids: number[]) => {
      for (const id of ids) for (const s of this.postings.get(id) ?? []) if (s !== story) shared.set(s, (shared.get(s) ?? 0) + 1);
    };
    probe(story.full.top(this.opts.probeTerms));
    probe(story.anchors.top(this.opts.probeTerms >> 1));
    return [...shared]
      .filter(([s]) => this.stories.get(s.id) === s)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.opts.scoredCandidates)
      .map(([s]) => s);
  }

  /** Two stories as wholes, decayed by the time between them (none while they overlap). */
  private storySimilarity(a: Story, b: Story): number {
    const words = a.bodies > 0 && b.bodies > 0 ? a.full.cosineWith(b.full) : a.head.cosineWith(b.head);
    const aw = this.opts.anchorWeight;
    const sim = a.anchors.norm > 0 && b.anchors.norm > 0 ? (1 - aw) * words + aw * a.anchors.cosineWith(b.anchors) : words;
    if (a.first === null || a.last === null || b.first === null || b.last === null) return sim;
    const gap = Math.max(0, a.first - b.last, b.first - a.last) / HOUR;
    return sim * this.decayAfter(gap, a.size >= b.size ? a : b);
  }

  /**
   * How long after its latest member a story is still compared: the window, longer for a story
   * many outlets covered (anniversaries, trials and follow-ups come back to big events).
   */
  private reachDays(s: Story): number {
    return this.opts.windowDays * (1 + this.opts.windowGrowth * Math.log2(Math.max(1, s.size)));
  }

  private create(id: string): Story {
    const half = this.opts.centroidTerms >> 1;
    const story: Story = {
      id,
      seq: this.seq++,
      size: 0,
      bodies: 0,
      first: null,
      last: null,
      full: new Centroid(this.opts.centroidTerms),
      head: new Centroid(half),
      anchors: new Centroid(half),
      members: [],
      solo: false,
      probe: 0,
      shared: 0,
    };
    // A story built again under its id (a split) leaves its old self in the postings.
    if (this.stories.has(id)) this.droppedSinceSweep++;
    this.stories.set(id, story);
    return story;
  }

  private addMember(story: Story, v: Vectors): void {
    this.splitSolo(story);
    const first = story.size === 0 && story.members.length === 0;
    story.size++;
    if (v.hasBody) story.bodies++;
    story.full.add(v.full);
    story.head.add(v.head);
    story.anchors.add(v.anchors);
    if (first) story.solo = this.opts.memberWeight > 0;
    else if (this.opts.memberWeight > 0) {
      const half = this.opts.centroidTerms >> 1;
      const m = { full: new Centroid(half), head: new Centroid(half >> 1), anchors: new Centroid(half >> 1), bodies: v.hasBody ? 1 : 0 };
      m.full.add(v.full);
      m.head.add(v.head);
      m.anchors.add(v.anchors);
      story.members.push(m);
      if (story.members.length > this.opts.membersKept) story.members.shift();
    }
    if (v.time !== null) {
      story.last = story.last === null ? v.time : Math.max(story.last, v.time);
      story.first = story.first === null ? v.time : Math.min(story.first, v.time);
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

  /** A solo story's one member gets vectors of its own before anything else is added to the story's. */
  private splitSolo(story: Story): void {
    if (!story.solo) return;
    story.solo = false;
    const half = this.opts.centroidTerms >> 1;
    story.members.push({
      full: story.full.truncated(half),
      head: story.head.truncated(half >> 1),
      anchors: story.anchors.truncated(half >> 1),
      bodies: story.bodies,
    });
  }

  private merge(keep: Story, gone: Story): void {
    this.splitSolo(keep);
    this.splitSolo(gone);
    keep.full.addCentroid(gone.full);
    keep.head.addCentroid(gone.head);
    keep.anchors.addCentroid(gone.anchors);
    keep.size += gone.size;
    keep.bodies += gone.bodies;
    if (gone.first !== null) keep.first = keep.first === null ? gone.first : Math.min(keep.first, gone.first);
    keep.members = [...keep.members, ...gone.members].slice(-this.opts.membersKept);
    if (gone.last !== null) keep.last = keep.last === null ? gone.last : Math.max(keep.last, gone.last);
    for (const id of gone.full.top(this.opts.probeTerms)) this.post(id, keep);
    for (const id of gone.anchors.top(this.opts.probeTerms >> 1)) this.post(id, keep);
    this.stories.delete(gone.id);
    this.aliases.add(gone.id, keep.id);
    this.droppedSinceSweep++;
  }

  /**
   * Stories quiet for longer than the window leave memory, and past `maxStories` the least
   * recently told go too, so a worker's memory is bounded whatever the stream (an id that left
   * still resolves through the aliases; a report of it later starts it again here, and the
   * placement log replays the same everywhere).
   */
  private maybeSweep(): void {
    if (++this.placedSinceSweep < 1000) return;
    this.placedSinceSweep = 0;
    const before = this.stories.size;
    if (Number.isFinite(this.latest)) {
      for (const [id, s] of this.stories) if (s.last !== null && s.last < this.latest - this.reachDays(s) * 24 * HOUR) this.stories.delete(id);
    }
    const over = this.stories.size - this.opts.maxStories;
    if (over > 0) {
      const byLast = [...this.stories.values()].sort((a, b) => (a.last ?? -Infinity) - (b.last ?? -Infinity) || a.seq - b.seq);
      for (const s of byLast.slice(0, over)) this.stories.delete(s.id);
    }
    // Postings are cleaned once the stories gone since reach a twentieth of those held: a full
    // pass costs the whole index, so it is amortized over as many placements as it frees.
    this.droppedSinceSweep += before - this.stories.size;
    if (this.droppedSinceSweep === 0 || this.droppedSinceSweep * 20 < this.stories.size) return;
    this.droppedSinceSweep = 0;
    for (const [term, list] of this.postings) {
      const live = list.filter((s) => this.stories.get(s.id) === s);
      if (live.length === 0) this.postings.delete(term);
      else if (live.length !== list.length) this.postings.set(term, live);
    }
  }
}

/**
 * The `k` stories sharing the most weight, most first, ties in the order they were found (what a
 * stable sort would give), through a heap of `k`: thousands are touched at 100,000 stories.
 */
function best(stories: Story[], k: number): Story[] {
  if (stories.length <= k) return stories.sort((a, b) => b.shared - a.shared);
  // worse(i, j): stories[i] ranks below stories[j].
  const worse = (i: number, j: number) => stories[i]!.shared < stories[j]!.shared || (stories[i]!.shared === stories[j]!.shared && i > j);
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let w = at;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === at) return;
      [heap[at], heap[w]] = [heap[w]!, heap[at]!];
      at = w;
    }
  };
  for (let i = 0; i < stories.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const up = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[up]!)) break;
        [heap[at], heap[up]] = [heap[up]!, heap[at]!];
        at = up;
      }
    } else if (worse(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((i, j) => (worse(i, j) ? 1 : worse(j, i) ? -1 : 0)).map((i) => stories[i]!);
}

function heaviest(v: SparseVector, n: number): Array<[number, number]> {
  if (v.size <= n) return [...v];
  return [...v].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** A member of a story being split: its logged features, or none (a near-duplicate) and its time. */
export interface SplitMember {
  features: ArticleFeatures | null;
  time: number | null;
}

/** A group of articles weighed as a story (StoryClusterer.groups); opaque. */
export interface StoryGroup {
  readonly size: number;
}

export interface StoryGroups {
  of(members: readonly ArticleFeatures[]): StoryGroup;
  /** The two groups compared as two stories are before they converge (undecayed). */
  similarity(a: StoryGroup, b: StoryGroup): number;
}
