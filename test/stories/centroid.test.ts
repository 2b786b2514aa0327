import { describe, expect, it } from 'vitest';
import { Centroid } from '../../src/stories/centroid.ts';

const unit = (entries: Array<[number, number]>) => {
  const n = Math.hypot(...entries.map((e) => e[1]));
  return new Map(entries.map(([id, w]) => [id, w / n]));
};

describe('story centroid', () => {
  it('centroid-to-centroid cosine equals the cosine of the summed vectors, whatever order terms arrived in', () => {
    const a = new Centroid(16);
    a.add(unit([[9, 1], [2, 2], [40, 0.5]]));
    a.add(unit([[2, 1], [7, 3]]));
    const b = new Centroid(16);
    b.add(unit([[7, 1], [40, 2], [1, 1]]));
    // By hand: sums over the same ids, then cosine.
    const sum = (vs: Array<Map<number, number>>) => {
      const m = new Map<number, number>();
      for (const v of vs) for (const [id, w] of v) m.set(id, (m.get(id) ?? 0) + w);
      return m;
    };
    const sa = sum([unit([[9, 1], [2, 2], [40, 0.5]]), unit([[2, 1], [7, 3]])]);
    const sb = sum([unit([[7, 1], [40, 2], [1, 1]])]);
    let dot = 0;
    for (const [id, w] of sa) dot += w * (sb.get(id) ?? 0);
    const expected = dot / (Math.hypot(...sa.values()) * Math.hypot(...sb.values()));
    expect(a.cosineWith(b)).toBeCloseTo(expected, 5);
    expect(b.cosineWith(a)).toBeCloseTo(expected, 5);
    expect(a.cosineWith(a)).toBeCloseTo(1, 5);
    expect(a.cosineWith(new Centroid(4))).toBe(0);
  });

  it('keeps only its heaviest terms, so a story of any size costs the same', () => {
    const c = new Centroid(3);
    c.add(unit([[1, 5], [2, 4], [3, 3], [4, 2], [5, 1]]));
    expect([...c.ids].sort()).toEqual([1, 2, 3]);
    expect(c.top(2)).toEqual([1, 2]);
  });
});
