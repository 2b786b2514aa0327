import { averageLinkage, linkageMatrix } from '../../src/stories/story-split.ts';
import type { ArticleFeatures, StoryClusterer } from '../../src/stories/index.ts';
import { clusterScores, type ClusterScores } from './stories-metrics.ts';

/**
 * What the clusterer's similarity gives offline, with everything a stream lacks: every article
 * compared with every other at once (a story of one each, decayed by the time between them,
 * weighed with the statistics of the whole set), grouped bottom-up by average linkage, the
 * stopping threshold picked with the labels. When the online F1 reaches it, what is left to gain
 * is in the features (what the similarity sees), not in how articles are placed.
 */
export function offlineReference(clusterer: StoryClusterer, features: readonly ArticleFeatures[], gold: string[]): { scores: ClusterScores; threshold: number } {
  const n = features.length;
  const sims = linkageMatrix(clusterer.groups(true), features);
  let best: { scores: ClusterScores; threshold: number } | null = null;
  for (let th = 0.04; th <= 0.301; th += 0.01) {
    const labels = new Array<string>(n);
    averageLinkage(sims, n, th).forEach((members, c) => {
      for (const i of members) labels[i] = String(c);
    });
    const scores = clusterScores(labels, gold);
    if (!best || scores.bcubed.f1 > best.scores.bcubed.f1) best = { scores, threshold: +th.toFixed(2) };
  }
  return best!;
}
