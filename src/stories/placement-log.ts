import type { ArticleFeatures } from './article-features.ts';
import type { SplitMember, StoryClusterer } from './story-clusterer.ts';
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

/** The features a logged placement carries; null for a near-duplicate (its words were never added). */
export function loggedFeatures(e: LoggedPlacement): ArticleFeatures | null {
  if (e.duplicateOf !== undefined) return null;
  return {
    time: e.time,
    full: new Map(e.full ?? []),
    head: new Map(e.head ?? []),
    anchors: new Map(e.anchors ?? []),
    hasBody: e.hasBody ?? true,
  };
}

/** Applies a logged placement to `clusterer`: the article joins `storyId` as it did where it was placed. */
export function replayEntry(clusterer: StoryClusterer, storyId: string, e: LoggedPlacement): void {
  const features = loggedFeatures(e);
  if (!features) {
    clusterer.join(storyId, e.time);
    return;
  }
  clusterer.replay(features, storyId, e.merged ?? []);
}

/**
 * A change to stories outside a placement, logged beside the placements (story_events): a story
 * split in two — `story` keeps the `kept` articles, new story `other` takes the `moved` ones — or
 * story `other` merged into `story` by an editor.
 */
export interface LoggedStoryEvent {
  kind: 'split' | 'merge';
  story: string;
  other: string;
  /** Article ids in placement order (a split; empty for a merge). */
  kept: readonly string[];
  moved: readonly string[];
}

/**
 * Applies a story event to `clusterer` as the worker that logged it did. `logged` holds the
 * placement log's row of every article a split names (an article gone from the database is left
 * out: its story is built from the others).
 */
export function replayStoryEvent(clusterer: StoryClusterer, e: LoggedStoryEvent, logged: ReadonlyMap<string, LoggedPlacement>): void {
  if (e.kind === 'merge') {
    clusterer.mergeStories(e.story, e.other);
    return;
  }
  const members = (ids: readonly string[]): SplitMember[] =>
    ids.flatMap((id) => {
      const row = logged.get(id);
      return row ? [{ features: loggedFeatures(row), time: row.time }] : [];
    });
  clusterer.split(e.story, e.other, members(e.kept), members(e.moved));
}

/**
 * Placements and story events in the order they happened: an event comes right after the
 * placement it followed (its `afterSeq`), before any later one. Both lists are in their own order.
 */
export function inLogOrder<P extends { seq: number }, E extends { afterSeq: number }>(
  placements: readonly P[],
  events: readonly E[],
): Array<{ placement: P } | { event: E }> {
  const out: Array<{ placement: P } | { event: E }> = [];
  let e = 0;
  for (const p of placements) {
    while (e < events.length && events[e]!.afterSeq < p.seq) out.push({ event: events[e++]! });
    out.push({ placement: p });
  }
  while (e < events.length) out.push({ event: events[e++]! });
  return out;
}
