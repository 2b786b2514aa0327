import { renderIfLive, restore, takeDown } from '../../jobs/takedown.ts';
import { addCorrection } from '../../store/corrections.ts';
import { articlePublications } from '../../store/published-stories.ts';
import type { AdminContext } from '../admin-route.ts';
import { redirect } from '../admin-responses.ts';
import { esc, renderAdminPage } from '../render-admin-page.ts';
import { applyEdit, oneLine } from './apply-edit.ts';
import { loadPublished } from './published-pages.ts';

function refused(ctx: AdminContext, back: string, text: string, status = 400): Response {
  return renderAdminPage(ctx, { title: 'Not done', active: 'published', status, body: `<p>${esc(text)} <a href="${esc(back)}">Back</a>.</p>` });
}

/**
 * Corrects a published story: the edit (a revision, the gate, the memory), a dated note shown on
 * the article and in its JSON-LD, and the page, feeds and sitemaps rendered again with `dateModified`.
 */
export async function correctPublished(ctx: AdminContext): Promise<Response> {
  const d = await loadPublished(ctx);
  if (!d?.publication) return refused(ctx, '/admin/published', 'No such publication.', 404);
  const pub = d.publication;
  const base = `/admin/published/${pub.id}`;
  if (pub.status !== 'live') return refused(ctx, base, 'This story is taken down: restore it before correcting it.', 409);
  const form = await ctx.form();
  const note = oneLine(form.get('note'), 500);
  if (!note) return refused(ctx, base, 'A correction needs a note saying what was corrected.');
  const { db } = ctx.services;
  const edit = await applyEdit(ctx.services, d.translation, d.article, form, { editor: ctx.user.email, kind: 'correction', sourceUrl: d.sourceUrl, note, render: false });
  const correction = await db.transaction(async (tx) => {
    // dateModified: the translation's updated_at, moved even when only a note was added.
    await tx.query('UPDATE translations SET updated_at = now(), reviewed_at = coalesce(reviewed_at, now()) WHERE id = $1', [d.translation.id]);
    await tx.query('UPDATE publications SET updated_at = now() WHERE id = $1', [pub.id]);
    return addCorrection(tx, { publicationId: pub.id, revisionId: edit.revision?.id ?? null, note, editor: ctx.user.email });
  });
  await renderIfLive(db, ctx.services.site, d.translation.id, 'correction');
  await ctx.audit({
    action: 'published.correct',
    target: `publication:${pub.id}`,
    before: Object.fromEntries(edit.changed.map((c) => [c.key, c.before])),
    after: { ...Object.fromEntries(edit.changed.map((c) => [c.key, c.after])), note, correction: correction.id, revision: edit.revision?.n ?? null, verdict: edit.verdict },
  });
  return redirect(`${base}?done=corrected`);
}

/** Takes this language, or every language of the story, down with a reason (the CLI's takedown). */
export async function takeDownPublished(ctx: AdminContext): Promise<Response> {
  const d = await loadPublished(ctx);
  if (!d?.publication) return refused(ctx, '/admin/published', 'No such publication.', 404);
  const pub = d.publication;
  const base = `/admin/published/${pub.id}`;
  const form = await ctx.form();
  const reason = oneLine(form.get('reason'), 300);
  if (!reason) return refused(ctx, base, 'A takedown needs a reason.');
  const all = form.get('scope') === 'all';
  const targets = all ? (await articlePublications(ctx.services.db, d.article.id)).filter((p) => p.status === 'live') : [pub];
  for (const p of targets) {
    const gone = await takeDown(ctx.services.db, ctx.services.site, p.id, reason);
    if (gone) await ctx.audit({ action: 'takedown', target: `publication:${p.id}`, before: { path: p.path, status: p.status }, after: { status: 'gone', reason, scope: all ? 'all languages' : 'one language' } });
  }
  return redirect(`${base}?done=down`);
}

/** Puts a taken-down publication back online. */
export async function restorePublished(ctx: AdminContext): Promise<Response> {
  const d = await loadPublished(ctx);
  if (!d?.publication) return refused(ctx, '/admin/published', 'No such publication.', 404);
  const pub = d.publication;
  await ctx.form();
  if (pub.status === 'live') return redirect(`/admin/published/${pub.id}`);
  await restore(ctx.services.db, ctx.services.site, pub.id);
  await ctx.audit({ action: 'restore', target: `publication:${pub.id}`, before: { path: pub.path, status: 'gone', reason: pub.gone_reason }, after: { status: 'live' } });
  return redirect(`/admin/published/${pub.id}?done=restored`);
}
