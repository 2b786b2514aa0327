/**
 * How an article is placed in a story. The defaults are reasoned, not fitted to one data set:
 * bench:stories prints F1 on a grid around them to show it is a plateau, not a peak.
 */
export interface ClusterOptions {
  /** An article joins the best story scoring at least this (decayed) similarity, else starts one. */
  threshold: number;
  /** Share of the score from names, numbers, dates and addresses; the rest from words. */
  anchorWeight: number;
  /** Similarity to a story decays with the time since its latest member: halved every this many hours… */
  halfLifeHours: number;
  /** …down to this share of itself (an old story still takes a report that matches it well)… */
  decayFloor: number;
  /** …a share that itself halves every this many days: the older the event, the closer a report must match to revive it. */
  resurfaceHalfLifeDays: number;
  /**
   * Stories quiet for longer are not compared (nor kept in memory)… A story one outlet told and
   * nobody followed is dropped after this; a story many covered is what people come back to.
   */
  windowDays: number;
  /** …a window that grows by this many windows for each doubling of the story's members (0: fixed). */
  windowGrowth: number;
  /** Share of the score from the closest of the story's latest members; the rest from its centroid. */
  memberWeight: number;
  /** How many latest members a story keeps for that. */
  membersKept: number;
  /** Two stories merge when an article scores at least this with both (it tells both halves of one event). */
  mergeThreshold: number;
  /** Two stories also merge when, compared as wholes after one grew, their similarity reaches this (above 1: never). */
  convergeThreshold: number;
  /** Terms kept per story centroid (words; head and anchors keep half as many). */
  centroidTerms: number;
  /** Candidate stories are found through an article's heaviest terms… */
  probeTerms: number;
  /**
   * …among the latest stories holding each term (older ones fall off the list: a word a hundred
   * recent stories share does not find an event, and decay favours the latest anyway)…
   */
  postingCap: number;
  /** …and only the candidates sharing the most weight are scored fully. */
  scoredCandidates: number;
  /**
   * Stories held in memory at most (about 3 KiB each): past it the least recently told leave, as
   * stories past their window do, so a worker's memory is bounded whatever the stream brings.
   */
  maxStories: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = Object.freeze({
  threshold: 0.15,
  anchorWeight: 0.3,
  halfLifeHours: 168,
  decayFloor: 0.6,
  resurfaceHalfLifeDays: 365,
  windowDays: 90,
  windowGrowth: 4,
  mergeThreshold: 0.4,
  convergeThreshold: 0.35,
  memberWeight: 0.5,
  membersKept: 8,
  centroidTerms: 128,
  probeTerms: 24,
  postingCap: 100,
  scoredCandidates: 40,
  maxStories: 200_000,
});
