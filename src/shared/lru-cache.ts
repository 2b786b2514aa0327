/** A second bound, besides the count: the entries' total weight (bytes, say). */
export interface LruWeight<V> {
  max: number;
  /** A value's weight; pure, as it is asked again when the entry leaves. */
  of: (value: V) => number;
}

/**
 * A map bounded to `maxEntries` (and to a total weight, when given), forgetting the entry used
 * least recently: a `get` or `set` makes an entry the most recent (a Map keeps insertion order, so
 * re-inserting moves it to the end and the first key is always the oldest). `peek` reads without
 * touching the order.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  private held = 0;

  constructor(
    readonly maxEntries: number,
    private readonly weight?: LruWeight<V>,
  ) {
    if (!(maxEntries >= 1)) throw new RangeError(`LruCache: maxEntries must be at least 1, got ${maxEntries}`);
  }

  get size(): number {
    return this.map.size;
  }

  /** The entries' total weight (0 without a weight bound). */
  get weightHeld(): number {
    return this.held;
  }

  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key)!;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    this.delete(key);
    this.map.set(key, value);
    this.held += this.weight?.of(value) ?? 0;
    while (this.map.size > this.maxEntries || (this.weight && this.held > this.weight.max)) this.delete(this.map.keys().next().value!);
    return this;
  }

  delete(key: K): boolean {
    if (!this.map.has(key)) return false;
    this.held -= this.weight?.of(this.map.get(key)!) ?? 0;
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.held = 0;
  }

  /** Entries from the least to the most recently used. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }
}
