/**
 * `compute` remembered for the last `max` keys, all forgotten at once when full: cheaper than an
 * LRU, and the orchestrator and the gate only ask again about the article in hand (the text
 * helpers are asked the same paragraphs several times per article).
 */
export function boundedMemo<T>(max: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
