import type { AdminContext } from '../admin-route.ts';
import { redirect } from '../admin-responses.ts';
import { esc, renderAdminPage } from '../render-admin-page.ts';
import { applyEdit, oneLine, type EditResult } from './apply-edit.ts';
import { idParam, loadReview, type ReviewData } from './load-review.ts';
import { approveTranslation, engineRefusal, holdTranslation, queueRetranslation, rejectTranslation } from './review-commands.ts';
import { stateOf } from './review-page.ts';

type Action = 'save' | 'approve' | 'hold' | 'reject' | 'retranslate';

const snapshot = (d: ReviewData) => ({ state: stateOf(d), status: d.translation.status, verdict: d.translation.verdict, publication: d.publication ? { path: d.publication.path, status: d.publication.status, flagged: d.publication.flagged } : null });

/** The audit's before/after of an edit: only the units that changed, and the gate's verdict. */
const editAudit = (e: EditResult) => ({
  before: Object.fromEntries(e.changed.map((c) => [c.key, c.before])),
  after: { ...Object.fromEntries(e.changed.map((c) => [c.key, c.after])), verdict: e.verdict, revision: e.revision?.n ?? null },
});

/** One POST action of the review page: save, approve, hold, reject or retranslate. */
export function reviewAction(action: Action) {
  return async (ctx: AdminContext): Promise<Response> => {
    const id = idParam(ctx.params.id);
    const d = id ? await loadReview(ctx.services.db, id) : null;
    if (!d) return renderAdminPage(ctx, { title: 'Not found', active: 'review', status: 404, body: '<p>No such translation.</p>' });
    const form = await ctx.form();
    const base = `/admin/review/${d.translation.id}`;
    const target = `translation:${d.translation.id}`;
    const services = ctx.services;

    if (action === 'retranslate') {
      const engine = form.get('engine') ?? '';
      const refusal = engineRefusal(services, engine);
      if (refusal) {
        return renderAdminPage(ctx, { title: 'Engine not configured', active: 'review', status: 400, body: `<p>Not retranslated: ${esc(refusal)}. <a href="${base}">Back</a>.</p>` });
      }
      await queueRetranslation(services.db, d.translation, engine);
      await ctx.audit({ action: 'review.retranslate', target, before: { engine: d.translation.engine, ...snapshot(d) }, after: { engine, queued: true } });
      return redirect(`${base}?done=retranslate`);
    }
    if (action === 'reject') {
      await rejectTranslation(services, d.translation);
      await ctx.audit({ action: 'review.reject', target, before: snapshot(d), after: { status: 'rejected' } });
      return redirect(`${base}?done=rejected`);
    }

    // Save, approve and hold take the editor's edits first: one form, works without JavaScript.
    const edit = await applyEdit(services, d.translation, d.article, form, { editor: ctx.user.email, kind: 'edit', sourceUrl: d.sourceUrl });
    if (edit.revision) await ctx.audit({ action: 'review.edit', target, ...editAudit(edit) });
    if (action === 'save') return redirect(`${base}?done=${edit.revision ? 'saved' : 'unchanged'}`);
    if (action === 'approve') {
      const { path } = await approveTranslation(services, edit.translation, d.article);
      await ctx.audit({ action: 'review.approve', target, before: snapshot(d), after: { status: 'approved', path, verdict: edit.verdict } });
      return redirect(`${base}?done=approved`);
    }
    const reason = oneLine(form.get('reason'), 300) || 'held by an editor';
    await holdTranslation(services, edit.translation, reason);
    await ctx.audit({ action: 'review.hold', target, before: snapshot(d), after: { status: 'held', reason } });
    return redirect(`${base}?done=held`);
  };
}
