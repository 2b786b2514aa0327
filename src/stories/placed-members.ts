import type { LoggedPlacement } from './placement-log.ts';
import type { SplitCandidate } from './story-split.ts';
import { loggedFeatures } from './placement-log.ts';
import type { StoryAliases } from './story-aliases.ts';

/**
 * Which articles each story holds, in placement order, with the log entry each was placed with:
 * what a placer without the database (`transwire cluster`, the benches) needs to look for a split
 * as the pipeline does from story_placements. Memory grows with the articles placed: it is for a
 * bounded stream (a file, a data set), not for a worker's lifetime (the pipeline reads the store).
 */
export class PlacedMembers {
  private readonly byStory = new Map<string, string[]>();
  private readonly entries = new Map<string, LoggedPlacement>();
  private readonly storyOfKey = new Map<string, string>();
  private readonly order = new Map<string, number>();

  constructor(private readonly aliases: StoryAliases) {}

  /** `key` was placed in `story` (after `merged` joined it), as `entry` logs it. */
  add(key: string, story: string, entry: LoggedPlacement, merged: readonly string[] = []): void {
    const live = this.aliases.resolve(story);
    const keys = this.take(live);
    for (const gone of merged) keys.push(...this.take(gone));
    this.order.set(key, this.order.size);
    this.entries.set(key, entry);
    keys.push(key);
    keys.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    this.storyOfKey.set(key, live);
    this.byStory.set(live, keys);
  }

  /** The story's members as a split looks at them (placement order). */
  candidates(story: string): SplitCandidate[] {
    return (this.byStory.get(this.aliases.resolve(story)) ?? []).map((key) => {
      const entry = this.entries.get(key)!;
      return { key, features: loggedFeatures(entry), duplicateOf: entry.duplicateOf ?? null };
    });
  }

  size(story: string): number {
    return this.byStory.get(this.aliases.resolve(story))?.length ?? 0;
  }

  /** The log entries of the given members (what replaying a split reads). */
  logged(keys: readonly string[]): Map<string, LoggedPlacement> {
    return new Map(keys.map((k) => [k, this.entries.get(k)!]));
  }

  /** `moved` left `story` for `newStory`. */
  moveOut(story: string, newStory: string, moved: readonly string[]): void {
    const live = this.aliases.resolve(story);
    const leaving = new Set(moved);
    this.byStory.set(live, (this.byStory.get(live) ?? []).filter((k) => !leaving.has(k)));
    this.byStory.set(newStory, [...moved]);
    for (const k of moved) this.storyOfKey.set(k, newStory);
  }

  /** Whether an id was ever a story here (live or merged away): a new story must not take it. */
  knows(story: string): boolean {
    return this.byStory.has(story) || this.aliases.resolve(story) !== story;
  }

  /** The story an article is in now (after merges and splits), or null if it was never placed here. */
  storyOf(key: string): string | null {
    const s = this.storyOfKey.get(key);
    return s === undefined ? null : this.aliases.resolve(s);
  }

  private take(story: string): string[] {
    const keys = this.byStory.get(story) ?? [];
    this.byStory.delete(story);
    return keys;
  }
}
