import { createHash } from 'node:crypto';
import { LruCache } from '../shared/lru-cache.ts';

/** What a remembered translation is keyed by: the same text, pair, engine and engine version. */
export interface MemoryKey {
  hash: string;
  from: string;
  to: string;
  engine: string;
  engineVersion: string;
}

export interface MemoryEntry extends MemoryKey {
  source: string;
  target: string;
}

/** The translation memory port; `src/store/translation-memory.ts` is the SQL implementation. */
export interface TranslationMemory {
  /** Found entries, keyed by `memoryKeyId(key)`; records a hit on each. */
  get(keys: MemoryKey[]): Promise<Map<string, string>>;
  put(entries: MemoryEntry[]): Promise<void>;
  /**
   * Units as an editor translated them (source hash → target), for any engine: they win over
   * machine output. Optional: a memory without editors has none.
   */
  human?(hashes: string[], from: string, to: string): Promise<Map<string, string>>;
}

export function hashSegment(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

export function memoryKeyId(k: MemoryKey): string {
  return `${k.hash}|${k.from}|${k.to}|${k.engine}|${k.engineVersion}`;
}

/**
 * In-process memory for the CLI, tests and benches; bounded so a long run cannot grow forever.
 * Reads `peek`, so the entry written first is the one forgotten first, however often it is read.
 */
export function createInMemoryTranslationMemory(maxEntries = 100_000): TranslationMemory & { hits: number; size(): number } {
  const map = new LruCache<string, string>(maxEntries);
  const mem = {
    hits: 0,
    size: () => map.size,
    async get(keys: MemoryKey[]) {
      const found = new Map<string, string>();
      for (const k of keys) {
        const id = memoryKeyId(k);
        const v = map.peek(id);
        if (v !== undefined) {
          found.set(id, v);
          mem.hits++;
        }
      }
      return found;
    },
    async put(entries: MemoryEntry[]) {
      for (const e of entries) map.set(memoryKeyId(e), e.target);
    },
  };
  return mem;
}
