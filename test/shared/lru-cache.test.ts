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
});
