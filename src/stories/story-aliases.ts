/**
 * Which story a merged story's id now stands for. A merge keeps the older id and records the
 * newer one here, so every URL and reference to either stays resolvable (the store keeps the same
 * pairs in story_aliases for pages to redirect).
 */
export class StoryAliases {
  private readonly to = new Map<string, string>();

  add(alias: string, story: string): void {
    if (alias !== story) this.to.set(alias, story);
  }

  /** The live story an id stands for, following chains of merges. */
  resolve(id: string): string {
    let cur = id;
    for (let i = 0; i < 64; i++) {
      const next = this.to.get(cur);
      if (next === undefined) return cur;
      cur = next;
    }
    return cur;
  }

  entries(): Array<[alias: string, story: string]> {
    return [...this.to];
  }
}
