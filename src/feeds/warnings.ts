/** Problems the liberal parser recovered from, deduplicated and capped: a source's record, not a log. */
export class Warnings {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly cap = 20) {}

  add(message: string): void {
    if (this.seen.has(message) || this.list.length >= this.cap) return;
    this.seen.add(message);
    this.list.push(message);
  }
}
