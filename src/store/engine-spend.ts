import type { TranslationCost } from '../domain/translation.ts';
import type { Db } from './db.ts';

/**
 * The cost ledger (migration 100): one dated row per engine run. Each run is booked by the store
 * function that keeps its result, in the caller's transaction, so a run whose result is lost is
 * never booked and one that is kept always is.
 */

/** Why the engine ran; a story's spend counts all but `label` (a section's name is the site's). */
export type SpendReason = 'translation' | 'retranslation' | 'update' | 'placement' | 'label';

export interface EngineRun {
  reason: SpendReason;
  articleId: number | null;
  /** The target language; null where it was not recorded. */
  lang: string | null;
  /** The engine route (`apertium`, `apertium>deepl`); null where it was not recorded. */
  engine: string | null;
  characters: number;
  memoryCharacters?: number;
  memoryHits?: number;
  money?: number | null;
}

/** The ledger's fields of an engine's report on a run. */
export function spentIn(cost: TranslationCost): Pick<EngineRun, 'engine' | 'characters' | 'memoryCharacters' | 'memoryHits' | 'money'> {
  return { engine: cost.engine, characters: cost.characters, memoryCharacters: cost.memoryCharacters, memoryHits: cost.memoryHits, money: cost.money };
}

export async function recordEngineSpend(tx: Db, run: EngineRun): Promise<void> {
  await tx.query(
    `INSERT INTO engine_spend (reason, article_id, lang, engine, characters, memory_characters, memory_hits, money)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [run.reason, run.articleId, run.lang, run.engine, run.characters, run.memoryCharacters ?? 0, run.memoryHits ?? 0, run.money ?? null],
  );
}

export interface EngineSpendRow {
  id: number;
  at: Date;
  reason: SpendReason;
  article_id: number | null;
  lang: string | null;
  engine: string | null;
  characters: number;
  memory_characters: number;
  memory_hits: number;
  money: number | null;
}

/** An article's runs, oldest first: what each cost and when. */
export async function engineSpendOf(db: Db, articleId: number): Promise<EngineSpendRow[]> {
  const { rows } = await db.query<EngineSpendRow>(
    `SELECT id, at, reason, article_id, lang, engine, characters, memory_characters, memory_hits, money
       FROM engine_spend WHERE article_id = $1 ORDER BY at, id`,
    [articleId],
  );
  return rows;
}
