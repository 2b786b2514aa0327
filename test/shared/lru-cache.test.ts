import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/shared/lru-cache.ts';

describe('LruCache', () => {
  it('forgets the least recently used entry past its bound', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1).set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect([...c.entries()]).toEqual([['a', 1], ['c', 3]]);
    expect(c.has('b')).toBe(false);
  });
  it('peek reads without making an entry recent', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1).set('b', 2);
    expect(c.peek('a')).toBe(1);
    c.set('c', 3);
    expect(c.has('a')).toBe(false);
  });
  it('keeps undefined-free semantics for missing keys and refuses a bound below 1', () => {
    expect(new LruCache<string, number>(1).get('x')).toBeUndefined();
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
  it('with a weight bound, forgets the least recently used entries until the rest fit', () => {
    const c = new LruCache<string, string>(Infinity, { max: 10, of: (v) => v.length });
    c.set('a', 'xxxx').set('b', 'xxxx');
    expect(c.get('a')).toBe('xxxx');
    c.set('c', 'xxxxx');
    expect([...c.entries()].map(([k]) => k)).toEqual(['a', 'c']);
    expect(c.weightHeld).toBe(9);
    c.set('a', 'x');
    expect(c.weightHeld).toBe(6);
    c.delete('c');
    expect(c.weightHeld).toBe(1);
  });
});
