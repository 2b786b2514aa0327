import { describe, expect, it } from 'vitest';
import { articleFeatures, MemorySketchIndex, sketch, StoryClusterer, findNearDuplicate } from '../../src/stories/index.ts';
import { termId } from '../../src/stories/term-stats.ts';
import { article, quake, quakeRepublished } from './fixtures.ts';

/** A distinct little event per index: words of its own (made up), so no two events meet. */
function event(i: number, published = new Date(Date.UTC(2026, 0, 1, 0, i))) {
  const w = (k: number) => `zq${i.toString(36)}v${'aeiou'[k % 5]}${k}`;
  return article({
    id: `e${i}`,
    title: `${w(0)} ${w(1)} ${w(2)}`,
    lead: `${w(3)} ${w(4)} ${w(5)} ${w(0)} ${w(6)}`,
    text: `${w(7)} ${w(8)} ${w(1)} ${w(9)} ${w(10)} ${w(11)} ${w(2)} ${w(12)} ${w(13)} ${w(14)}.`,
    published,
  });
}

describe('story memory is bounded', () => {
  it('past maxStories the least recently told stories leave: a later report of one starts a story, a recent one still joins', () => {
    const c = new StoryClusterer({ maxStories: 100 });
    for (let i = 0; i < 1000; i++) c.place(articleFeatures(event(i), 'en', null), `s${i}`);
    // The sweep runs every 1,000 placements: now at most the cap are held.
    expect(c.size).toBeLessThanOrEqual(100);
    const again = (i: number) => c.place(articleFeatures({ ...event(i), id: `again${i}`, published: new Date(Date.UTC(2026, 0, 2)) }, 'en', null), `again${i}`).story;
    expect(again(999)).toBe('s999');
    expect(again(3)).toBe('again3');
    // Without the cap the old one is still there.
    const uncapped = new StoryClusterer();
    for (let i = 0; i < 1000; i++) uncapped.place(articleFeatures(event(i), 'en', null), `s${i}`);
    expect(uncapped.place(articleFeatures({ ...event(3), id: 'again3', published: new Date(Date.UTC(2026, 0, 2)) }, 'en', null), 'again3').story).toBe('s3');
  });

  it('the in-memory sketch index keeps the latest articles only', async () => {
    const index = new MemorySketchIndex(2);
    await index.add('quake-1', 'q', sketch(quake.text)!);
    expect(await findNearDuplicate(index, sketch(quakeRepublished.text)!)).toMatchObject({ articleId: 'quake-1' });
    const long = (from: number) => [0, 1, 2, 3].map((k) => event(from + k).text).join(' ');
    await index.add('a', 'a', sketch(long(1))!);
    await index.add('b', 'b', sketch(long(5))!);
    expect(await findNearDuplicate(index, sketch(quakeRepublished.text)!)).toBeNull();
  });

  it('a term has one id in every process, whatever order terms arrived in', () => {
    expect(termId('valparaiso')).toBe(termId('valparaiso'));
    expect(termId('valparaiso')).not.toBe(termId('valparaíso'));
    expect(termId('n:boric')).toBeGreaterThanOrEqual(0);
    expect(termId('n:boric')).toBeLessThan(1 << 22);
  });
});
