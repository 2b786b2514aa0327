import { describe, expect, it } from 'vitest';
import { cachedTranslate } from '../../src/stories/cached-translate.ts';
import type { NameReading } from '../../src/translate/engine.ts';
import { ReadingCache } from '../../src/translate/repair/prepare-units.ts';

// The in-process caches are bounded by the one LruCache (shared/lru-cache.ts): when full they
// forget the entry used least recently, not everything at once (a cache cleared when full asks
// the engine again for every headline of the day at once).
describe('cachedTranslate (stories)', () => {
  function counting() {
    const sent: string[] = [];
    const translate = cachedTranslate(async (texts) => {
      sent.push(...texts);
      return texts.map((t) => t.toUpperCase());
    }, 3);
    return { sent, translate };
  }

  it('when full, forgets the text used least recently and keeps the rest', async () => {
    const { sent, translate } = counting();
    await translate(['a', 'b', 'c'], 'es', 'en');
    await translate(['a'], 'es', 'en'); // a is now the most recent; b the least
    await translate(['d'], 'es', 'en');
    sent.length = 0;
    expect(await translate(['a', 'c', 'd'], 'es', 'en')).toEqual(['A', 'C', 'D']);
    expect(sent).toEqual([]);
    expect(await translate(['b'], 'es', 'en')).toEqual(['B']);
    expect(sent).toEqual(['b']);
  });

  it('answers a call with more texts than it can hold', async () => {
    const { sent, translate } = counting();
    expect(await translate(['a', 'b', 'c', 'd', 'e', ''], 'es', 'en')).toEqual(['A', 'B', 'C', 'D', 'E', '']);
    expect(sent).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('ReadingCache (translate/repair)', () => {
  it('is bounded, and when full forgets the phrase used least recently', async () => {
    const cache = new ReadingCache(2);
    const asked: string[][] = [];
    const ask = async (p: string[]): Promise<NameReading[]> => {
      asked.push(p);
      return p.map(() => 'proper');
    };
    await cache.get(['Grace', 'Swift'], ask);
    await cache.get(['Grace'], ask); // Swift is now the least recent
    await cache.get(['Trump'], ask);
    expect(cache.size).toBe(2);
    asked.length = 0;
    expect(await cache.get(['Grace', 'Trump'], ask)).toEqual(new Map([['Grace', 'proper'], ['Trump', 'proper']]));
    expect(asked).toEqual([]);
    await cache.get(['Swift'], ask);
    expect(asked).toEqual([['Swift']]);
  });
});
