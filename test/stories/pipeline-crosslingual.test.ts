import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { article, portStrike, quake } from './fixtures.ts';
import { articleStory, storeArticle, worker } from './pipeline-helpers.ts';

/** The quake from a Spanish outlet, in its own words. */
const quakeSpanish = article({
  id: 'quake-es',
  lang: 'es',
  title: 'Un terremoto deja 42 muertos en Valparaíso',
  lead: 'Un terremoto de magnitud 6,8 sacudió la ciudad portuaria chilena de Valparaíso y dejó al menos 42 muertos.',
  text: [
    'Un terremoto de magnitud 6,8 sacudió el martes la ciudad costera de Valparaíso, en Chile, y dejó al menos 42 muertos y 310 heridos, según las autoridades.',
    'El presidente Gabriel Boric declaró el estado de catástrofe en la región de Valparaíso y prometió reconstruir todas las escuelas dañadas.',
    'Los equipos de rescate buscaron sobrevivientes entre los edificios derrumbados del barrio del puerto durante toda la noche.',
  ].join('\n'),
  published: new Date('2026-03-03T12:00:00Z'),
  outlet: 'diario.example',
});

describe('cross-lingual placement through the configured engines (Apertium spa-eng)', () => {
  let db: Db;
  let translator: Translator;
  beforeAll(async () => {
    requireApertiumPair('spa-eng');
    db = await openTestDb();
    translator = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'es-en': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  });
  afterAll(async () => {
    await translator?.close();
    await db?.close();
  });

  it('a Spanish report joins the English story through its title and lead in English; the engine characters are on the log', async () => {
    const w = worker(db, { translator, targets: ['es'] });
    const en = await w.place(await storeArticle(db, quake));
    await w.place(await storeArticle(db, portStrike));
    const es = await storeArticle(db, quakeSpanish);
    const placed = await w.place(es);
    expect(placed!.storyId).toBe(en!.storyId);
    // A Spanish article is not translated into Spanish; the story's Spanish page leads with the English report's translation.
    expect(placed!.translating).toEqual([]);
    expect((await articleStory(db, es.id)).story_role).toBe('report');
    const { rows } = await db.query<{ engine_characters: number }>('SELECT engine_characters FROM story_placements WHERE article_id = $1', [es.id]);
    expect(rows[0]!.engine_characters).toBeGreaterThan(quakeSpanish.title.length);
    // The same run is in the cost ledger, under the engine that ran it and the pivot it went into.
    const { rows: ledger } = await db.query<{ reason: string; lang: string; engine: string; characters: number }>(
      `SELECT reason, lang, engine, characters FROM engine_spend WHERE article_id = $1`, [es.id]);
    expect(ledger).toEqual([{ reason: 'placement', lang: 'en', engine: 'apertium', characters: rows[0]!.engine_characters }]);
    expect(w.lines.join('')).not.toContain('no engine');
  });
});
