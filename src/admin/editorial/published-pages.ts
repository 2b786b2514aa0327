import { articlePublications, listPublished } from '../../store/published-stories.ts';
import type { AdminContext } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { idParam, loadReview, type ReviewData } from './load-review.ts';
import { gateSummary, provenance } from './review-page.ts';
import { revisionHistory } from './revision-history.ts';
import { canEdit, segmentEditor } from './segment-editor.ts';
import { doneNotice, editorialStyles, option, pager, utcTime } from './view-parts.ts';

const PAGE_SIZE = 50;
const DONE: Record<string, string> = {
  corrected: 'Correction published: the page, feeds and sitemaps are rendered again with the dated note.',
  down: 'Taken down: the page answers 410 and is gone from lists, feeds, sitemaps and search.',
  restored: 'Restored: the page is live again.',
};

/** `/admin/published`: publications newest first, searched by title, path or source. */
export async function publishedListPage(ctx: AdminContext): Promise<Response> {
  const q = ctx.url.searchParams;
  const { db, site } = ctx.services;
  const text = (q.get('q') ?? '').trim().slice(0, 200);
  const lang = site.languages.includes(q.get('lang') ?? '') ? q.get('lang')! : undefined;
  const status = q.get('status') === 'live' || q.get('status') === 'gone' ? (q.get('status') as 'live' | 'gone') : undefined;
  const page = Math.max(1, Math.min(10_000, Number(q.get('page')) || 1));
  const { rows, total } = await listPublished(db, { q: text || undefined, lang, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const form = `<form class="filters" method="get" action="/admin/published" role="search" aria-label="Search published stories">
<label>Search <input type="search" name="q" value="${esc(text)}" placeholder="title, path or source"></label>
<label>Language <select name="lang">${option('', 'all', lang)}${site.languages.map((l) => option(l, l, lang)).join('')}</select></label>
<label>Status <select name="status">${option('', 'all', status)}${option('live', 'live', status)}${option('gone', 'taken down', status)}</select></label>
<button>Search</button></form>`;
  const table = rows.length === 0 ? '<p class="empty">No published story matches.</p>' : `<div class="table-wrap"><table class="published"><caption>${total} publications, newest first</caption>
<thead><tr><th scope="col">Story</th><th scope="col">Source</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Published</th></tr></thead><tbody>
${rows.map((r) => `<tr><td><a href="/admin/published/${r.id}">${esc(r.title)}</a><div class="path">${esc(r.path)}</div></td><td data-label="Source">${esc(r.source_name)}</td><td data-label="Language">${esc(r.lang)}</td>
<td data-label="Status"><span class="state state-${r.status}">${r.status === 'live' ? 'live' : 'taken down'}</span>${r.corrections ? ` <span class="check">${r.corrections} correction${r.corrections > 1 ? 's' : ''}</span>` : ''}</td>
<td data-label="Published"><time datetime="${new Date(r.published_at).toISOString()}">${esc(new Date(r.published_at).toISOString().slice(0, 10))}</time></td></tr>`).join('\n')}
</tbody></table></div>${pager('/admin/published', q, page, Math.ceil(total / PAGE_SIZE))}`;
  return renderAdminPage(ctx, { title: 'Published stories', active: 'published', body: `${editorialStyles()}${form}${table}` });
}

/** Loads the translation behind publication `:id`. */
export async function loadPublished(ctx: AdminContext): Promise<ReviewData | null> {
  const id = idParam(ctx.params.id);
  if (!id) return null;
  const { rows } = await ctx.services.db.query<{ translation_id: number }>('SELECT translation_id FROM publications WHERE id = $1', [id]);
  return rows[0] ? loadReview(ctx.services.db, rows[0].translation_id) : null;
}

/** `/admin/published/:id`: correct with the side-by-side editor, take down (one or all languages), restore. */
export async function publishedPage(ctx: AdminContext): Promise<Response> {
  const d = await loadPublished(ctx);
  if (!d?.publication) return renderAdminPage(ctx, { title: 'Not found', active: 'published', status: 404, body: '<p>No such publication. <a href="/admin/published">Back to the list</a>.</p>' });
  const pub = d.publication;
  const base = `/admin/published/${pub.id}`;
  const others = (await articlePublications(ctx.services.db, d.article.id)).filter((p) => p.id !== pub.id);
  const corrections = d.corrections.length
    ? `<section aria-labelledby="corrections"><h2 id="corrections">Corrections</h2><ul class="corrections">${d.corrections.map((c) => `<li>${utcTime(c.created_at)} ${esc(c.note)}${c.editor ? ` <span class="by">(${esc(c.editor)})</span>` : ''}</li>`).join('')}</ul></section>`
    : '';
  const editable = canEdit(ctx);
  const correctButtons = `<label class="note">Correction note (shown, dated, on the article) <textarea name="note" rows="2" required maxlength="500"></textarea></label>
<button class="primary">Publish correction</button>`;
  const takedown = editable && pub.status === 'live' ? `<form method="post" action="${base}/takedown" class="takedown">${csrfField(ctx)}<h2>Take down</h2>
<fieldset><legend>Which pages</legend><label><input type="radio" name="scope" value="one" checked> this language (${esc(pub.lang)})</label>
<label><input type="radio" name="scope" value="all"> every language of this story${others.length ? ` (${others.map((o) => esc(o.lang)).join(', ')} too)` : ''}</label></fieldset>
<label>Reason <input name="reason" required maxlength="300"></label> <button class="danger">Take down</button></form>` : '';
  const restore = editable && pub.status === 'gone' ? `<form method="post" action="${base}/restore" class="restore">${csrfField(ctx)}<p>Taken down: ${esc(pub.gone_reason ?? '')}</p><button class="primary">Restore</button></form>` : '';
  const otherLinks = others.length ? `<p class="others">Other languages: ${others.map((o) => `<a href="/admin/published/${o.id}">${esc(o.lang)}</a> (${esc(o.status)})`).join(', ')}</p>` : '';
  const body = `${editorialStyles()}${doneNotice(ctx.url.searchParams, DONE)}
<p class="back"><a href="/admin/published">← Published stories</a></p>
${provenance(d)}${otherLinks}${restore}${corrections}
<h2>Correct</h2>${gateSummary(d)}
${pub.status === 'live' ? segmentEditor(ctx, d, `${base}/correct`, correctButtons) : '<p>A story that is taken down cannot be corrected; restore it first.</p>'}
${takedown}
${revisionHistory(d.revisions, ctx.url.searchParams, base)}`;
  return renderAdminPage(ctx, { title: `Published: ${d.translation.title}`, active: 'published', body });
}
