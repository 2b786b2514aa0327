import type { AdminContext } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { storiesOfArticles } from '../../store/story-console.ts';
import { storyLink } from '../stories/story-parts.ts';
import { idParam, loadReview, type ReviewData } from './load-review.ts';
import { revisionHistory } from './revision-history.ts';
import { canEdit, segmentEditor } from './segment-editor.ts';
import { doneNotice, editorialStyles } from './view-parts.ts';

const DONE: Record<string, string> = {
  saved: 'Saved as a new revision. The fidelity gate ran again on your edit: its result is below.',
  unchanged: 'Nothing changed: no new revision.',
  approved: 'Approved and published.',
  held: 'Held: the translation is not public.',
  rejected: 'Rejected: the translation is not public.',
  retranslate: 'A new translation is queued; this page shows it once the worker has made it.',
};

/** A translation's state in words: held, flagged, published, approved, rejected. */
export function stateOf(d: ReviewData): string {
  const t = d.translation;
  if (t.status === 'published' && t.verdict === 'publish-flagged' && !t.reviewed_at) return 'flagged';
  return t.status;
}

/** The gate's current result, as stored with the translation. */
export function gateSummary(d: ReviewData): string {
  const f = d.translation.checks.findings ?? [];
  const n = (sev: string, one: string, many: string) => {
    const k = f.filter((x) => x.severity === sev).length;
    return `${k} ${k === 1 ? one : many}`;
  };
  return `<p class="gate gate-${esc(d.translation.verdict)}"><strong>Fidelity gate: ${esc(d.translation.verdict)}</strong> — ${n('error', 'error', 'errors')}, ${n('warning', 'warning', 'warnings')}, ${n('info', 'note', 'notes')}.${d.translation.hold_reason && d.translation.status === 'held' ? ` <span class="reason">Held because: ${esc(d.translation.hold_reason)}</span>` : ''}</p>`;
}

/** Where it comes from and where it is: source, original link, public page. */
export function provenance(d: ReviewData): string {
  const url = /^https?:\/\//i.test(d.article.url) ? d.article.url : null;
  const pub = d.publication;
  return `<dl class="facts">
<dt>State</dt><dd><span class="state state-${esc(stateOf(d))}">${esc(stateOf(d))}</span>${d.translation.reviewed_at ? ' · reviewed' : ''}</dd>
<dt>Source</dt><dd>${esc(d.sourceName)}</dd>
<dt>Original</dt><dd>${url ? `<a href="${esc(url)}" rel="noopener noreferrer" lang="${esc(d.article.lang)}">${esc(d.article.title)}</a>` : esc(d.article.title)} (${esc(d.article.lang)} → ${esc(d.translation.lang)})</dd>
<dt>Engine</dt><dd>${esc(d.translation.engine)}</dd>
<dt>Public page</dt><dd>${pub ? `${pub.status === 'live' ? `<a href="${esc(pub.path)}">${esc(pub.path)}</a>` : `${esc(pub.path)} (gone: ${esc(pub.gone_reason ?? 'taken down')})`}${pub.flagged ? ' · shown with a warning' : ''}` : 'not published'}</dd>
</dl>`;
}

/** `/admin/review/:id`: the side-by-side editor, the gate's result, the actions and the history. */
export async function reviewPage(ctx: AdminContext): Promise<Response> {
  const id = idParam(ctx.params.id);
  const d = id ? await loadReview(ctx.services.db, id) : null;
  if (!d) return renderAdminPage(ctx, { title: 'Not found', active: 'review', status: 404, body: '<p>No such translation. <a href="/admin/review">Back to the queue</a>.</p>' });
  const base = `/admin/review/${d.translation.id}`;
  const buttons = `<button name="do" value="save" formaction="${base}/save">Save edit</button>
<button name="do" value="approve" formaction="${base}/approve" class="primary">Save and approve</button>
<label class="hold-reason">Reason to hold <input name="reason" maxlength="300"></label>
<button name="do" value="hold" formaction="${base}/hold">Save and hold</button>
<button name="do" value="reject" formaction="${base}/reject" class="danger">Reject</button>`;
  const engines = Object.keys(ctx.services.config.translation.engines);
  const retranslate = canEdit(ctx)
    ? `<form method="post" action="${base}/retranslate" class="retranslate">${csrfField(ctx)}<label>Retranslate with <select name="engine">${engines.map((e) => `<option${e === d.translation.engine ? ' selected' : ''}>${esc(e)}</option>`).join('')}</select></label> <button>Retranslate</button> <span class="hint">asks the engine afresh, never from the memory it replaces</span></form>`
    : '';
  const storyId = (await storiesOfArticles(ctx.services.db, [d.article.id])).get(d.article.id);
  const body = `${editorialStyles()}${doneNotice(ctx.url.searchParams, DONE)}
<p class="back"><a href="/admin/review">← Review queue</a>${storyId === undefined ? '' : ` · the original is in ${storyLink(storyId)}`}</p>
${provenance(d)}${gateSummary(d)}
${segmentEditor(ctx, d, `${base}/save`, buttons)}
${retranslate}
${revisionHistory(d.revisions, ctx.url.searchParams, base)}`;
  return renderAdminPage(ctx, { title: `Review: ${d.translation.title}`, active: 'review', body });
}
