import type { Db } from './db.ts';

export interface ItemRow {
  id: number;
  source_id: number;
  guid: string;
  url: string | null;
  url_key: string | null;
  title: string | null;
  summary: string | null;
  published_at: Date | null;
  /** The first category the feed gave the item, as written; extraction normalizes it. */
  category: string | null;
  status: string;
  error: string | null;
  attempts: number;
}

export interface NewItem {
  sourceId: number;
  guid: string;
  url: string | null;
  urlKey: string | null;
  title: string | null;
  summary: string | null;
  publishedAt: string | null;
  category?: string | null;
}

/** Inserts an item unless its guid (per source) or its normalized URL is already known. */
export async function insertItemIfNew(db: Db, item: NewItem): Promise<ItemRow | null> {
  const { rows } = await db.query<ItemRow>(
    `INSERT INTO items (source_id, guid, url, url_key, title, summary, published_at, category)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8
      WHERE $4::text IS NULL OR NOT EXISTS (SELECT 1 FROM items WHERE url_key = $4)
     ON CONFLICT DO NOTHING
     RETURNING *`,
    [item.sourceId, item.guid, item.url, item.urlKey, item.title, item.summary, item.publishedAt, item.category?.slice(0, 200) ?? null],
  );
  return rows[0] ?? null;
}

export async function getItem(db: Db, id: number): Promise<ItemRow | null> {
  return (await db.query<ItemRow>('SELECT * FROM items WHERE id = $1', [id])).rows[0] ?? null;
}

export async function setItemStatus(db: Db, id: number, status: string, error: string | null = null): Promise<void> {
  await db.query('UPDATE items SET status = $2, error = $3, attempts = attempts + 1, updated_at = now() WHERE id = $1', [id, status, error]);
}

/** Extraction failed for good: the item says why (its attempts were counted as they ran). */
export async function markItemFailed(db: Db, id: number, error: string): Promise<void> {
  await db.query(`UPDATE items SET status = 'failed', error = $2, updated_at = now() WHERE id = $1 AND status <> 'extracted'`, [id, error]);
}
