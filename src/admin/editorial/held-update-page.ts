import { TranswireError } from '../../domain/errors.ts';
import { describeChanges } from '../../publish/render-updates.ts';
import { getHeldUpdate, type HeldUpdate } from '../../store/held-updates.ts';
import type { AdminContext } from '../admin-route.ts';
import { redirect } from '../admin-responses.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { dismissHeldUpdate, publishHeldUpdate } from './held-update-commands.ts';
import { idParam, loadReview } from './load-review.ts';
import { unitChanges } from './revision-history.ts';
import { canEdit } from './segment-editor.ts';
import { doneNotice, editorialStyles, findingItem, utcTime } from './view-parts.ts';

const DONE: Record<string, string> = {
  published: 'Published: the updated translation is live, and the page, feeds and sitemaps say the source was updated.',
  dismissed: 'Dismissed: the earlier translation stays live.',
};

/** What became of the update, in words. */
function stateText(h: HeldUpdate): string {
  if (h.outcome === 'held') return 'held: the earlier translation is live';
  if (h.outcome === 'superseded') return 'superseded by a later update of the source';
  const by = h.decided_by ? ` by ${esc(h.decided_by)}` : '';
  const at = h.decided_at ? `, ${utcTime(h.decided_at)}` : '';
  return h.outcome === 'published' ? `published${by}${at}` : `dismissed${by}${at}`;
}

/** `/admin/review/update/:id`: a source update the gate held — what changed, the held text against the live one, and the editor's two answers. */
export async function heldUpdatePage(ctx: AdminContext): Promise<Response> {
  const id = idParam(ctx.params.id);
  const h = id ? await getHeldUpdate(ctx.services.db, id) : null;
  const d = h?.translation_id ? await loadReview(ctx.services.db, h.translation_id) : null;
  if (!h || !d) return renderAdminPage(ctx, { title: 'Not found', active: 'review', status: 404, body: '<p>No such update. <a href="/admin/review">Back to the queue</a>.</p>' });
  const base = `/admin/review/update/${h.id}`;
  const url = /^https?:\/\//i.test(d.article.url) ? d.article.url : null;
  const pub = d.publication;
  const facts = `<dl class="facts">
<dt>State</dt><dd><span class="state state-${h.outcome === 'held' ? 'held' : esc(h.outcome)}">source update ${stateText(h)}</span></dd>
<dt>Held because</dt><dd>${esc(h.reason ?? '—')}</dd>
<dt>Source</dt><dd>${esc(d.sourceName)}</dd>
<dt>Original</dt><dd>${url ? `<a href="${esc(url)}" rel="noopener noreferrer" lang="${esc(d.article.lang)}">${esc(d.article.title)}</a>` : esc(d.article.title)} (${esc(d.article.lang)} → ${esc(h.lang)})</dd>
<dt>Changed at the source</dt><dd>${utcTime(h.detected_at)}: ${describeChanges('en', h.changes)}</dd>
<dt>Live translation</dt><dd><a href="/admin/review/${d.translation.id}">${esc(d.translation.title)}</a>${pub ? ` · ${pub.status === 'live' ? `<a href="${esc(pub.path)}">${esc(pub.path)}</a>` : `${esc(pub.path)} (gone)`}` : ''}</dd>
</dl>`;
  const r = h.revision;
  const findings = (r?.checks.findings ?? []).filter((f) => f.severity !== 'info');
  const held = r
    ? `<h2>The held version against the live one</h2>${unitChanges(d.translation, r)}
${findings.length ? `<h2>What the gate found</h2><ul class="findings">${findings.map(findingItem).join('')}</ul>` : ''}`
    : '<p class="warn">The held text was not kept (an update held before this version of transwire): it can only be dismissed.</p>';
  const actions = h.outcome === 'held' && canEdit(ctx)
    ? `<div class="actions">${r ? `<form method="post" action="${base}/publish" class="inline">${csrfField(ctx)}<button class="primary">Publish the update anyway</button></form>` : ''}
<form method="post" action="${base}/dismiss" class="inline">${csrfField(ctx)}<button>Dismiss (keep the earlier translation)</button></form></div>`
    : '';
  const body = `${editorialStyles()}${doneNotice(ctx.url.searchParams, DONE)}
<p class="back"><a href="/admin/review">← Review queue</a></p>
${facts}${actions}${held}`;
  return renderAdminPage(ctx, { title: `Source update: ${r?.title ?? d.translation.title}`, active: 'review', body });
}

/** POST `/admin/review/update/:id/publish` and `/dismiss`: the editor's decision, audited. */
export function heldUpdateAction(action: 'publish' | 'dismiss') {
  return async (ctx: AdminContext): Promise<Response> => {
    const id = idParam(ctx.params.id);
    if (!id) return renderAdminPage(ctx, { title: 'Not found', active: 'review', status: 404, body: '<p>No such update.</p>' });
    const base = `/admin/review/update/${id}`;
    const target = `update:${id}`;
    try {
      if (action === 'publish') {
        const done = await publishHeldUpdate(ctx.services, id, ctx.user.email);
        await ctx.audit({ action: 'review.update.publish', target, before: { outcome: 'held' }, after: { outcome: 'published', translation: done.translationId, path: done.path } });
        return redirect(`${base}?done=published`);
      }
      await dismissHeldUpdate(ctx.services, id, ctx.user.email);
      await ctx.audit({ action: 'review.update.dismiss', target, before: { outcome: 'held' }, after: { outcome: 'dismissed' } });
      return redirect(`${base}?done=dismissed`);
    } catch (err) {
      if (!(err instanceof TranswireError) || err.httpStatus >= 500) throw err;
      return renderAdminPage(ctx, { title: 'Not done', active: 'review', status: err.httpStatus, body: `<p>${esc(err.message)} <a href="${esc(base)}">Back</a>.</p>` });
    }
  };
}
