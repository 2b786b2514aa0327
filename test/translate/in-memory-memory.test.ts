import { describe, expect, it } from 'vitest';
import { createInMemoryTranslationMemory, type MemoryEntry } from '../../src/translate/memory.ts';

const entry = (source: string): MemoryEntry => ({ hash: source, from: 'en', to: 'es', engine: 'apertium', engineVersion: '1', source, target: `${source}-es` });

describe('the in-process translation memory', () => {
  it('holds at most its bound, forgetting the entry written first however often it was read', async () => {
    const mem = createInMemoryTranslationMemory(2);
    await mem.put([entry('a'), entry('b')]);
    for (let i = 0; i < 3; i++) expect((await mem.get([entry('a')])).size).toBe(1);
    await mem.put([entry('c')]);
    expect(mem.size()).toBe(2);
    const found = await mem.get([entry('a'), entry('b'), entry('c')]);
    expect([...found.values()]).toEqual(['b-es', 'c-es']);
    expect(mem.hits).toBe(5);
  });
});
