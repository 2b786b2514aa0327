import type { Db } from '../../src/store/db.ts';
import { recordUpdateOutcome } from '../../src/store/article-updates.ts';
import { addRevision, ensureFirstRevision } from '../../src/store/translation-revisions.ts';
import type { TranslationRow } from '../../src/store/translations.ts';

/**
 * A source update the gate held, as a refetch leaves it (refetch-article.ts): the update with what
 * changed, the held text kept as a revision, and the outcome 'held' in the translation's language.
 * Returns the held update's id (the review queue's `/admin/review/update/:id`).
 */
export async function seedHeldUpdate(db: Db, t: TranslationRow, held: { title: string; html: string; reason?: string }): Promise<number> {
  const reason = held.reason ?? 'hold: numbers (error)';
  const changes = { headlineChanged: false, paragraphsAdded: 0, paragraphsChanged: 1, paragraphsRemoved: 0, figures: [{ from: 800, to: 900 }] };
  const update = (await db.query<{ id: number }>(
    `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash)
     SELECT id, $2, title, html, content_hash, content_hash || '-updated' FROM articles WHERE id = $1 RETURNING id`,
    [t.article_id, JSON.stringify(changes)],
  )).rows[0]!.id;
  await ensureFirstRevision(db, t);
  const revision = await addRevision(db, t.id, {
    kind: 'machine', title: held.title, excerpt: t.excerpt, html: held.html, engine: t.engine, checks: t.checks, verdict: 'hold', editor: null,
    note: `source updated; held (${reason}): the earlier translation stays live`,
  });
  await recordUpdateOutcome(db, update, t.lang, { outcome: 'held', reason, revisionId: revision.id, cost: { engine: t.engine, characters: held.html.length, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null } });
  return (await db.query<{ id: number }>('SELECT id FROM article_update_translations WHERE update_id = $1 AND lang = $2', [update, t.lang])).rows[0]!.id;
}
