import { TranswireError } from '../../domain/errors.ts';
import { buildOpml } from '../../feeds/index.ts';
import { addSource, importOpml } from '../../jobs/source-actions.ts';
import { listSourcesWithCounts, type SourceListRow } from '../../store/operations-stats.ts';
import { listSources } from '../../store/sources.ts';
import { redirect } from '../admin-responses.ts';
import type { AdminContext, AdminRoute } from '../admin-route.ts';
import { adminHeaders, csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { renderSourcePage } from './source-page.ts';
import { notice, num, OPERATIONS_CSS_LINK, when } from './ops-view.ts';
import { problems, sourceState } from './source-status.ts';

function addForm(ctx: AdminContext, values: URLSearchParams | null): string {
  const v = (k: string) => esc(values?.get(k) ?? '');
  return `<section class="ops-card" aria-labelledby="h-add"><h2 id="h-add">Add a source</h2>
<form method="post" action="/admin/sources" class="ops-form">${csrfField(ctx)}<div class="form-grid">
<p><label for="add-url">Feed or page URL</label><input id="add-url" name="url" type="url" required value="${v('url')}" placeholder="https://news.example/"></p>
<p><label for="add-name">Name <span class="muted">(optional)</span></label><input id="add-name" name="name" value="${v('name')}"></p>
<p><label for="add-lang">Language <span class="muted">(optional, en)</span></label><input id="add-lang" name="lang" value="${v('lang')}" size="4"></p>
<p><label for="add-category">Section <span class="muted">(optional)</span></label><input id="add-category" name="category" value="${v('category')}"></p>
</div><p class="hint">A page that is not a feed: the first feed it offers is added, and the others are listed to add too.</p><p><button>Add source</button></p></form></section>`;
}

function opmlForms(ctx: AdminContext): string {
  const upload = ctx.user.role === 'admin'
    ? `<form method="post" action="/admin/sources/import" enctype="multipart/form-data" class="inline">${csrfField(ctx)}<label for="opml-file">OPML file</label> <input id="opml-file" name="opml" type="file" accept=".opml,.xml,text/xml,application/xml" required> <button>Import</button></form>`
    : '';
  return `<section class="ops-card" aria-labelledby="h-opml"><h2 id="h-opml">OPML</h2><p><a href="/admin/sources.opml" download="sources.opml">Export every source as OPML</a></p>${upload}</section>`;
}

export async function renderSourcesList(ctx: AdminContext, extra: { error?: string; values?: URLSearchParams; status?: number } = {}): Promise<Response> {
  const rows = await listSourcesWithCounts(ctx.services.db);
  const body = rows.map((s) => `<tr><td><a href="/admin/sources/${s.id}">${esc(s.name ?? s.title ?? s.url)}</a><br><span class="url">${esc(s.url)}</span>` +
    `${s.lang || s.category ? `<br><span class="muted">${esc([s.lang, s.category].filter(Boolean).join(' · '))}</span>` : ''}</td>` +
    `<td data-label="Status">${sourceState(s)}</td><td data-label="Last fetch">${when(s.last_fetch_at)}</td><td data-label="Next fetch">${s.enabled ? when(s.next_fetch_at) : '<span class="muted">paused</span>'}</td>` +
    `<td class="num" data-label="Items / day">${num(s.items_day)}</td><td data-label="Last error and warnings">${problems(s)}</td></tr>`).join('');
  const table = rows.length === 0 ? '<p class="muted">No sources yet.</p>' : `<div class="table-wrap" tabindex="0"><table>
<caption>${num(rows.length)} sources</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last fetch</th><th scope="col">Next fetch</th><th scope="col" class="num">Items / day</th><th scope="col">Last error and warnings</th></tr></thead>
<tbody>${body}</tbody></table></div>`;
  const error = extra.error ? `<p class="error-message" role="alert">${esc(extra.error)}</p>` : '';
  const forms = ctx.user.role === 'admin' ? `<div class="ops-grid">${addForm(ctx, extra.values ?? null)}${opmlForms(ctx)}</div>` : `<div class="ops-grid">${opmlForms(ctx)}</div>`;
  return renderAdminPage(ctx, {
    title: 'Sources',
    active: 'sources',
    status: extra.status,
    body: `${OPERATIONS_CSS_LINK}${notice(ctx.url, { removed: 'The source is removed.', imported: 'The OPML file is imported.' })}${error}${table}${forms}`,
  });
}

/** An add or import that failed for a reason the operator can act on (unreachable, no feed, refused address): said on the page. */
function userError(err: unknown): string | null {
  if (err instanceof TranswireError) return err.message;
  return err instanceof Error && /^(source|fetch|feeds):/.test(err.message) ? err.message : null;
}

export const sourcesListRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/sources',
    role: 'viewer',
    summary: 'sources: status, last fetch, last error and warnings, next fetch, items per day',
    handle: (ctx) => renderSourcesList(ctx),
  },
  {
    method: 'POST',
    path: '/admin/sources',
    role: 'admin',
    summary: 'add a feed, or a page that offers one (the first it offers; the others are listed)',
    async handle(ctx) {
      const form = await ctx.form();
      const url = form.get('url')?.trim() ?? '';
      const opt = (k: string) => form.get(k)?.trim() || undefined;
      if (!/^https?:\/\//i.test(url)) return renderSourcesList(ctx, { error: 'source: give the http(s) URL of a feed or of a page that links to one', values: form, status: 400 });
      try {
        // The same path as `transwire source add`: discovery, and the fetcher's SSRF guard on every request.
        const added = await addSource({ db: ctx.services.db, http: ctx.services.http() }, url, { name: opt('name'), lang: opt('lang'), category: opt('category') });
        await ctx.audit({ action: 'source.add', target: `source:${added.id}`, after: { url: added.url, name: opt('name') ?? null, lang: opt('lang') ?? null, category: opt('category') ?? null } });
        return renderSourcePage(ctx, added.id, { added: { asked: url, others: added.others } });
      } catch (err) {
        const message = userError(err);
        if (message === null) throw err;
        return renderSourcesList(ctx, { error: message, values: form, status: 400 });
      }
    },
  },
  {
    method: 'GET',
    path: '/admin/sources.opml',
    role: 'viewer',
    summary: 'every source as an OPML file',
    async handle(ctx) {
      const rows = await listSources(ctx.services.db);
      const opml = buildOpml(ctx.services.site.name, rows.map((s) => ({ url: s.url, title: s.name ?? s.title, htmlUrl: s.site_url, category: s.category })));
      return new Response(opml, { headers: { ...adminHeaders('text/x-opml; charset=utf-8'), 'content-disposition': 'attachment; filename="sources.opml"' } });
    },
  },
  {
    method: 'POST',
    path: '/admin/sources/import',
    role: 'admin',
    summary: 'add (or update) the sources of an uploaded OPML file',
    async handle(ctx) {
      const text = (await ctx.form()).get('opml') ?? '';
      const before = (await listSources(ctx.services.db)).length;
      try {
        const imported = await importOpml(ctx.services.db, text);
        const after = (await listSources(ctx.services.db)).length;
        await ctx.audit({ action: 'source.import', target: 'opml', before: { sources: before }, after: { sources: after, outlines: imported.imported, warnings: imported.warnings } });
        return redirect('/admin/sources?done=imported');
      } catch (err) {
        const message = userError(err);
        if (message === null) throw err;
        return renderSourcesList(ctx, { error: `OPML import: ${message}`, status: 400 });
      }
    },
  },
];
