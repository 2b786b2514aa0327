import { LruCache } from '../shared/lru-cache.ts';

/**
 * `compute` remembered for the `max` keys asked most recently (the orchestrator and the gate ask
 * the text helpers about the same paragraphs several times per article).
 */
export function boundedMemo<T>(max: number, compute: (key: string) => T): (key: string) => T {
  const known = new LruCache<string, T>(max);
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
