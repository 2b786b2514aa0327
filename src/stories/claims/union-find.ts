/** Disjoint sets over 0…n−1: the claims linked into one aligned claim. */
export class UnionFind {
  private readonly parent: number[];

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    // Path compression: later finds are one step.
    while (this.parent[i] !== r) [this.parent[i], i] = [r, this.parent[i]!];
    return r;
  }

  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }

  /** The sets with more than one member, each as indexes in ascending order. */
  groups(): number[][] {
    const by = new Map<number, number[]>();
    this.parent.forEach((_, i) => {
      const r = this.find(i);
      by.set(r, [...(by.get(r) ?? []), i]);
    });
    return [...by.values()].filter((g) => g.length > 1);
  }
}
