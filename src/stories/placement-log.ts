import type { ArticleFeatures } from './article-features.ts';
import type { StoryClusterer } from './story-clusterer.ts';
import type { PreparedArticle, StoryPlacement } from './story-placer.ts';

/**
 * One row of the placement log (story_placements.features) as JSON: what a worker that did not
 * place the article needs to bring its clusterer to the same state — the article's raw features
 * (the clusterer weighs them with its own statistics on replay), or, for a near-duplicate, only
 * its time (its words were never added), and the stories this placement merged.
 */
export interface LoggedPlacement {
  time: number | null;
  /** Set for a near-duplicate: the article it copies. */
  duplicateOf?: string;
  full?: Array<[string, number]>;
  head?: Array<[string, number]>;
  anchors?: Array<[string, number]>;
  hasBody?: boolean;
  merged?: string[];
}

export function logEntry(prepared: PreparedArticle, placement: StoryPlacement): LoggedPlacement {
  const f = prepared.features;
  if (placement.duplicateOf) return { time: f.time, duplicateOf: placement.duplicateOf };
  return {
    time: f.time,
    full: [...f.full],
    head: [...f.head],
    anchors: [...f.anchors],
    hasBody: f.hasBody,
    ...(placement.merged.length ? { merged: placement.merged } : {}),
  };
}

/** Applies a logged placement to `clusterer`: the article joins `storyId` as it did where it was placed. */
export function replayEntry(clusterer: StoryClusterer, storyId: string, e: LoggedPlacement): void {
  if (e.duplicateOf !== undefined) {
    clusterer.join(storyId, e.time);
    return;
  }
  const features: ArticleFeatures = {
    time: e.time,
    full: new Map(e.full ?? []),
    head: new Map(e.head ?? []),
    anchors: new Map(e.anchors ?? []),
    hasBody: e.hasBody ?? true,
  };
  clusterer.replay(features, storyId, e.merged ?? []);
}
