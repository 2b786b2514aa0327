import { errorMessage } from '../../domain/errors.ts';
import { extractArticle } from '../../extract/index.ts';
import { decodeBody } from '../../fetch/index.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { removePolicyOverride } from '../../store/policy-overrides.ts';
import { editSource, getSourceWithRules, latestItemUrl, setSourceEnabled, type ExtractRules, type SourceEdit, type SourceWithRules } from '../../store/source-settings.ts';
import { removeSource } from '../../store/sources.ts';
import { redirect } from '../admin-responses.ts';
import { AdminHttpError, type AdminContext, type AdminRoute } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { lines, readSourceForm } from './source-form.ts';
import { problems, sourceState } from './source-status.ts';
import { notice, OPERATIONS_CSS_LINK, when } from './ops-view.ts';
import { errorList, pathId } from './page-parts.ts';

interface PageExtra {
  added?: { asked: string; others: string[] };
  errors?: string[];
  /** The form as submitted (an edit refused, or a preview): shown again instead of the stored values. */
  form?: URLSearchParams;
  preview?: string;
  status?: number;
}

const DONE = { saved: 'Saved.', paused: 'Paused: the source is not polled until resumed.', resumed: 'Resumed.', polled: 'A poll is queued.', 'already-polling': 'A poll is already queued.' };

async function loadSource(ctx: AdminContext, id: number): Promise<SourceWithRules> {
  const s = await getSourceWithRules(ctx.services.db, id);
  if (!s) throw new AdminHttpError(404, `no source ${id}`);
  return s;
}

/** What an editor sees of a source: its state in full, and for an admin the forms that change it. */
function details(s: SourceWithRules): string {
  const rows: Array<[string, string]> = [
    ['URL', `<span class="url">${esc(s.url)}</span>`],
    ['Feed title', esc(s.title ?? '–')],
    ['Site', s.site_url ? `<span class="url">${esc(s.site_url)}</span>` : '–'],
    ['Kind', esc(s.kind)],
    ['Status', sourceState(s)],
    ['Last fetch', when(s.last_fetch_at)],
    ['Last success', when(s.last_success_at)],
    ['Next fetch', s.enabled ? when(s.next_fetch_at) : '<span class="muted">paused</span>'],
    ['Errors in a row', String(s.error_count)],
    ['Last error and warnings', problems(s)],
  ];
  return `<div class="table-wrap" tabindex="0"><table><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table></div>`;
}

function editForm(ctx: AdminContext, s: SourceWithRules, form: URLSearchParams | undefined): string {
  const rules: ExtractRules = s.extract_rules ?? { select: [], drop: [] };
  const v = (k: string, stored: string | null) => esc(form ? (form.get(k) ?? '') : (stored ?? ''));
  return `<section class="ops-card" aria-labelledby="h-edit"><h2 id="h-edit">Edit</h2>
<form method="post" action="/admin/sources/${s.id}" class="ops-form">${csrfField(ctx)}<div class="form-grid">
<p><label for="src-name">Name</label><input id="src-name" name="name" value="${v('name', s.name)}"></p>
<p><label for="src-lang">Language</label><input id="src-lang" name="lang" value="${v('lang', s.lang)}" size="4"></p>
<p><label for="src-category">Section</label><input id="src-category" name="category" value="${v('category', s.category)}"></p></div>
<p><label for="src-select">Extraction: the story's elements <span class="muted">(CSS selectors, one a line)</span></label><textarea id="src-select" name="select" rows="3">${v('select', rules.select.join('\n'))}</textarea></p>
<p><label for="src-drop">Extraction: elements to remove <span class="muted">(CSS selectors, one a line)</span></label><textarea id="src-drop" name="drop" rows="3">${v('drop', rules.drop.join('\n'))}</textarea></p>
<p class="hint">Rules set here replace the config file's for this source. Preview extracts the newest item's page with the rules in the form, without saving them.</p>
<div class="actions"><button>Save</button><button formaction="/admin/sources/${s.id}/preview" class="secondary">Preview extraction</button></div></form></section>`;
}

function actions(ctx: AdminContext, s: SourceWithRules): string {
  const post = (path: string, label: string, cls = '') => `<form method="post" action="/admin/sources/${s.id}/${path}">${csrfField(ctx)}<button${cls ? ` class="${cls}"` : ''}>${label}</button></form>`;
  return `<section class="ops-card" aria-labelledby="h-actions"><h2 id="h-actions">Actions</h2><div class="actions">
${s.enabled ? post('pause', 'Pause') : post('resume', 'Resume')}${s.enabled ? post('poll', 'Poll now') : ''}</div>
<details class="more"><summary>Remove this source</summary><p class="hint">Its items and articles are removed with it; published pages stay until taken down.</p>${post('remove', 'Remove source', 'danger')}</details></section>`;
}

export async function renderSourcePage(ctx: AdminContext, id: number, extra: PageExtra = {}): Promise<Response> {
  const s = await loadSource(ctx, id);
  const added = extra.added
    ? `<div class="notice" role="status"><p>Added ${esc(s.url)}${extra.added.asked !== s.url ? ` (the first feed offered by ${esc(extra.added.asked)})` : ''}; its first poll is queued.</p>${extra.added.others.length ? `<p>The page also offers:</p><ul>${extra.added.others.map((o) => `<li><form method="post" action="/admin/sources" class="inline">${csrfField(ctx)}<input type="hidden" name="url" value="${esc(o)}"><span class="url">${esc(o)}</span> <button>Add this feed too</button></form></li>`).join('')}</ul>` : ''}</div>`
    : '';
  const errors = errorList(extra.errors);
  const admin = ctx.user.role === 'admin';
  const body = `${OPERATIONS_CSS_LINK}<p><a href="/admin/sources">← All sources</a></p>${added}${notice(ctx.url, DONE)}${errors}${details(s)}
${extra.preview ?? ''}${admin ? `<div class="ops-grid">${editForm(ctx, s, extra.form)}${actions(ctx, s)}</div>` : ''}`;
  return renderAdminPage(ctx, { title: s.name ?? s.title ?? s.url, active: 'sources', body, status: extra.status });
}

/** The newest item's page, extracted with the rules in the form: what the next extraction would keep. */
async function preview(ctx: AdminContext, s: SourceWithRules, rules: ExtractRules): Promise<string> {
  const url = await latestItemUrl(ctx.services.db, s.id);
  const head = '<section class="preview" aria-labelledby="h-preview"><h2 id="h-preview">Extraction preview</h2>';
  if (!url) return `${head}<p class="muted">The source has no item with a page yet: poll it first.</p></section>`;
  try {
    const res = await ctx.services.http().get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
    if (res.status >= 400) return `${head}<p class="error-text">HTTP ${res.status} from ${esc(url)}</p></section>`;
    const { text: html } = decodeBody(res.body, { contentType: res.headers['content-type'] ?? null, kind: 'html' });
    const page = extractArticle(html, res.url, { rules: rules.select.length || rules.drop.length ? rules : undefined });
    const paragraphs = page.text.split(/\n{2,}/).filter(Boolean);
    const meta: Array<[string, string | null | undefined]> = [['Title', page.title], ['Byline', page.byline], ['Section', page.section], ['Language', page.lang], ['Excerpt', page.excerpt]];
    return `${head}<p>From <span class="url">${esc(res.url)}</span>: ${paragraphs.length} paragraphs, ${page.text.length} characters.</p>
<div class="table-wrap" tabindex="0"><table><tbody>${meta.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v ? esc(v) : '<span class="muted">–</span>'}</td></tr>`).join('')}</tbody></table></div>
<div class="preview-body">${paragraphs.slice(0, 30).map((p) => `<p>${esc(p)}</p>`).join('') || '<p class="error-text">No article text found: the rules select nothing, or the page has none.</p>'}</div>
${(page.warnings ?? []).length ? `<ul class="warnings">${page.warnings!.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}</section>`;
  } catch (err) {
    return `${head}<p class="error-text">${esc(errorMessage(err))}</p></section>`;
  }
}

/** The source and the edit posted for it (a save or a preview), or its page again with the form's problems. */
async function postedEdit(ctx: AdminContext): Promise<{ s: SourceWithRules; form: URLSearchParams; edit: SourceEdit } | Response> {
  const s = await loadSource(ctx, pathId(ctx, 'source'));
  const form = await ctx.form();
  const read = readSourceForm(form, s.url);
  if ('errors' in read) return renderSourcePage(ctx, s.id, { errors: read.errors, form, status: 400 });
  return { s, form, edit: read.edit };
}

const snapshot = (s: SourceWithRules) => ({ name: s.name, lang: s.lang, category: s.category, extract: s.extract_rules, enabled: s.enabled });

export const sourceRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/sources/:id',
    role: 'viewer',
    summary: 'one source in full, with its edit form and actions for an admin',
    handle: (ctx) => renderSourcePage(ctx, pathId(ctx, 'source')),
  },
  {
    method: 'POST',
    path: '/admin/sources/:id',
    role: 'admin',
    summary: "edit a source's name, language, section and extraction rules",
    async handle(ctx) {
      const posted = await postedEdit(ctx);
      if (posted instanceof Response) return posted;
      const { s, edit } = posted;
      const after = await editSource(ctx.services.db, s.id, edit);
      await ctx.audit({ action: 'source.edit', target: `source:${s.id}`, before: snapshot(s), after: after ? snapshot(after) : null });
      return redirect(`/admin/sources/${s.id}?done=saved`);
    },
  },
  {
    method: 'POST',
    path: '/admin/sources/:id/preview',
    role: 'admin',
    summary: "preview the extraction of the source's newest item with the rules in the form (nothing saved)",
    async handle(ctx) {
      const posted = await postedEdit(ctx);
      if (posted instanceof Response) return posted;
      const { s, form } = posted;
      return renderSourcePage(ctx, s.id, { form, preview: await preview(ctx, s, { select: lines(form.get('select')), drop: lines(form.get('drop')) }) });
    },
  },
  ...(['pause', 'resume'] as const).map((action): AdminRoute => ({
    method: 'POST',
    path: `/admin/sources/:id/${action}`,
    role: 'admin',
    summary: action === 'pause' ? 'stop polling a source' : 'poll a paused source again',
    async handle(ctx) {
      const s = await loadSource(ctx, pathId(ctx, 'source'));
      await setSourceEnabled(ctx.services.db, s.id, action === 'resume');
      await ctx.audit({ action: `source.${action}`, target: `source:${s.id}`, before: { enabled: s.enabled }, after: { enabled: action === 'resume' } });
      return redirect(`/admin/sources/${s.id}?done=${action}d`);
    },
  })),
  {
    method: 'POST',
    path: '/admin/sources/:id/poll',
    role: 'admin',
    summary: 'queue a poll of the source now',
    async handle(ctx) {
      const s = await loadSource(ctx, pathId(ctx, 'source'));
      const queued = await JobQueue.enqueue(ctx.services.db, { kind: 'poll', key: `poll:source:${s.id}`, payload: { sourceId: s.id }, priority: 20 });
      await ctx.audit({ action: 'source.poll', target: `source:${s.id}`, after: { queued } });
      return redirect(`/admin/sources/${s.id}?done=${queued ? 'polled' : 'already-polling'}`);
    },
  },
  {
    method: 'POST',
    path: '/admin/sources/:id/remove',
    role: 'admin',
    summary: 'remove a source with its items and articles',
    async handle(ctx) {
      const s = await loadSource(ctx, pathId(ctx, 'source'));
      await ctx.services.db.transaction(async (tx) => {
        await removePolicyOverride(tx, 'source', String(s.id));
        await removeSource(tx, s.id);
      });
      await ctx.audit({ action: 'source.remove', target: `source:${s.id}`, before: { url: s.url, ...snapshot(s) } });
      return redirect('/admin/sources?done=removed');
    },
  },
];
