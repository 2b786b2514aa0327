import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { createSqlTranslationMemory } from '../../src/store/translation-memory.ts';
import { createInMemoryTranslationMemory, hashSegment, memoryKeyId, type TranslationMemory } from '../../src/translate/index.ts';

let db: Db;
beforeAll(async () => {
  db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
});
afterAll(async () => db?.close());

const key = (source: string, engineVersion = 'v1') => ({ hash: hashSegment(source), from: 'en', to: 'es', engine: 'apertium', engineVersion });

describe.each<[string, () => TranslationMemory]>([
  ['sql (PGlite)', () => createSqlTranslationMemory(db)],
  ['in-memory', () => createInMemoryTranslationMemory()],
])('translation memory: %s', (_name, make) => {
  it('returns what was put, keyed by text, pair, engine and version', async () => {
    const mem = make();
    await mem.put([{ ...key('The house.'), source: 'The house.', target: 'La casa.' }, { ...key('Red.'), source: 'Red.', target: 'Rojo.' }]);
    const found = await mem.get([key('The house.'), key('Red.'), key('Blue.'), key('The house.', 'v2')]);
    expect(found.get(memoryKeyId(key('The house.')))).toBe('La casa.');
    expect(found.get(memoryKeyId(key('Red.')))).toBe('Rojo.');
    expect(found.size).toBe(2); // a new engine version is a miss
    await mem.put([{ ...key('Red.'), source: 'Red.', target: 'Rojo.' }]); // idempotent
  });
});

describe('sql memory', () => {
  it('records hits', async () => {
    const mem = createSqlTranslationMemory(db);
    await mem.put([{ ...key('Hit me.'), source: 'Hit me.', target: 'Golpéame.' }]);
    await mem.get([key('Hit me.')]);
    await mem.get([key('Hit me.')]);
    const { rows } = await db.query<{ hits: number }>('SELECT hits FROM translation_memory WHERE hash = $1', [hashSegment('Hit me.')]);
    expect(rows[0]!.hits).toBe(2);
  });
});
