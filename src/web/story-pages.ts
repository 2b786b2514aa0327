import type { Db } from '../store/db.ts';
import { markStale } from '../store/pages.ts';
import { memberPagePaths, storyOfPublication } from '../store/story-reads.ts';
import { storyPath } from './site-paths.ts';
import type { SiteOptions } from './web-types.ts';

/** What a render job says changed: a publication (its article's story) and/or a story itself. */
export interface StoryChange {
  publicationId?: number;
  /** A member joined the story, or it merged (its pages now redirect) or took another in. */
  storyId?: number;
}

/**
 * Story pages show their members and every list counts them, so a content change reaches them:
 * the pages of the stories concerned become tombstones in every language (rendered again on their
 * next request, or answered with a redirect once merged); a story that itself changed adds every
 * language to `langs`, whose lists and feeds the render job marks stale; the members' article
 * pages become tombstones too. Returns the story ids.
 */
export async function markStoriesChanged(db: Db, site: SiteOptions, change: StoryChange, langs: Set<string>): Promise<number[]> {
  const ids = new Set<number>();
  if (change.storyId !== undefined) {
    ids.add(change.storyId);
    for (const l of site.languages) langs.add(l);
  }
  if (change.publicationId !== undefined) {
    const story = await storyOfPublication(db, change.publicationId);
    if (story !== null) ids.add(story);
  }
  if (ids.size === 0) return [];
  const paths = [...ids].flatMap((id) => site.languages.map((l) => storyPath(l, id)));
  // Every member's page says how many outlets told its story, and a second member makes the link
  // appear: whatever changed the story (a member listed or published, a merge, a split) changes
  // them too. The publication being rendered is rendered again right after, eagerly.
  paths.push(...(await memberPagePaths(db, [...ids])));
  await markStale(db, { paths });
  return [...ids];
}
