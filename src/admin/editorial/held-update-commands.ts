import { PermanentError } from '../../domain/errors.ts';
import { publishTranslation } from '../../jobs/publish-translation.ts';
import { renderIfLive } from '../../jobs/takedown.ts';
import { getArticle } from '../../store/articles.ts';
import { decideHeldUpdate, getHeldUpdate, type HeldUpdate } from '../../store/held-updates.ts';
import { addRevision } from '../../store/translation-revisions.ts';
import type { TranslationRow } from '../../store/translations.ts';
import { htmlToText } from '../../translate/html-text.ts';
import { segmentHtml } from '../../translate/segmenter.ts';
import type { AdminServices } from '../admin-route.ts';

/**
 * An editor's two answers to a source update the gate held: publish it anyway (the held version
 * becomes the live translation, the page says the source was updated) or dismiss it (the earlier
 * translation stays). The console and the API call the same functions; each returns plain data
 * and refuses with a PermanentError carrying the HTTP status.
 */
export async function heldUpdateOrFail(services: Pick<AdminServices, 'db'>, action: string, id: number): Promise<HeldUpdate> {
  const h = await getHeldUpdate(services.db, id);
  if (!h) throw new PermanentError(`review ${action}: no held update ${id}`, 'review.not_found', { httpStatus: 404 });
  if (h.outcome !== 'held') {
    const why = h.outcome === 'superseded' ? 'a later update of the source replaced it' : `it was ${h.outcome}${h.decided_by ? ` by ${h.decided_by}` : ''}`;
    throw new PermanentError(`review ${action}: update ${id} is no longer held (${why})`, 'review.decided', { httpStatus: 409 });
  }
  return h;
}

export interface PublishedUpdate {
  updateId: number;
  translationId: number;
  path: string;
}

/**
 * The held version becomes the live translation as an editor decided: reviewed, not flagged, a
 * revision noting the decision, and the page, feeds and sitemaps rendered again with the update's
 * note and dateModified (what a refetch does for an update the gate passes).
 */
export async function publishHeldUpdate(services: AdminServices, id: number, editor: string): Promise<PublishedUpdate> {
  const { db } = services;
  const h = await heldUpdateOrFail(services, 'publish-update', id);
  const r = h.revision;
  if (!r || h.translation_id === null) {
    throw new PermanentError(`review publish-update: the held text of update ${id} was not kept; dismiss it (the next change at the source is translated again)`, 'review.no_text', { httpStatus: 409 });
  }
  const article = (await getArticle(db, h.article_id))!;
  const text = segmentHtml(r.html).segments.map(htmlToText).filter(Boolean).join('\n\n');
  const result = await db.transaction(async (tx) => {
    const { rows } = await tx.query<TranslationRow>(
      `UPDATE translations SET title = $2, excerpt = $3, html = $4, text = $5, engine = $6, checks = $7, verdict = $8,
         image_caption = COALESCE($9, image_caption), status = 'approved', hold_reason = NULL, reviewed_at = now(), updated_at = now()
       WHERE id = $1 RETURNING *`,
      [h.translation_id, r.title, r.excerpt, r.html, text, r.engine, JSON.stringify(r.checks), r.verdict, r.image_caption],
    );
    const t = rows[0]!;
    if (!(await decideHeldUpdate(tx, id, 'published', editor))) {
      throw new PermanentError(`review publish-update: update ${id} was decided meanwhile`, 'review.decided', { httpStatus: 409 });
    }
    await addRevision(tx, t.id, {
      kind: 'edit', title: r.title, excerpt: r.excerpt, html: r.html, image_caption: r.image_caption, engine: r.engine, checks: r.checks, verdict: r.verdict, editor,
      note: `source update published by an editor (held: ${h.reason ?? 'by the gate'})`,
    });
    const pub = await publishTranslation(tx, article, t, false);
    return { translationId: t.id, path: pub.path };
  });
  await renderIfLive(db, services.site, result.translationId, 'correction');
  return { updateId: id, ...result };
}

/** The earlier translation stays live; the update leaves the queue (its text is kept in the history). */
export async function dismissHeldUpdate(services: Pick<AdminServices, 'db'>, id: number, editor: string): Promise<{ updateId: number }> {
  await heldUpdateOrFail(services, 'dismiss-update', id);
  if (!(await decideHeldUpdate(services.db, id, 'dismissed', editor))) {
    throw new PermanentError(`review dismiss-update: update ${id} was decided meanwhile`, 'review.decided', { httpStatus: 409 });
  }
  return { updateId: id };
}
