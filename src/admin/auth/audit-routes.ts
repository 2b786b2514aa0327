import { auditFacets, listAudit, type AuditFilter, type AuditRow } from '../../store/audit-log.ts';
import type { Db } from '../../store/db.ts';
import type { AdminContext, AdminRoute } from '../admin-route.ts';
import { adminHeaders, esc, renderAdminPage, utcTimeTag } from '../render-admin-page.ts';

const PAGE = 50;
/** An export stops here; narrow it with the filters for more. */
const EXPORT_MAX = 100_000;

function filterOf(url: URL): AuditFilter {
  const before = Number(url.searchParams.get('before') ?? '');
  return {
    actor: url.searchParams.get('user')?.trim() || undefined,
    action: url.searchParams.get('action')?.trim() || undefined,
    beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  };
}

function query(f: AuditFilter, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  if (f.actor) q.set('user', f.actor);
  if (f.action) q.set('action', f.action);
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** One side of a change: short ones in full, long ones folded under their beginning. */
function change(side: 'before' | 'after', value: unknown): string {
  if (value === null || value === undefined) return '';
  const compact = JSON.stringify(value);
  if (compact.length <= 160) return `<div><span class="side">${side}</span> <code>${esc(compact)}</code></div>`;
  return `<details><summary><span class="side">${side}</span> <code>${esc(compact.slice(0, 60))}…</code></summary><pre>${esc(JSON.stringify(value, null, 1))}</pre></details>`;
}

function options(values: string[], selected: string | undefined, all: string): string {
  return `<option value="">${all}</option>${values.map((v) => `<option${v === selected ? ' selected' : ''}>${esc(v)}</option>`).join('')}`;
}

async function auditPage(ctx: AdminContext): Promise<Response> {
  const f = filterOf(ctx.url);
  const { db } = ctx.services;
  const rows = await listAudit(db, { ...f, limit: PAGE + 1 });
  const more = rows.length > PAGE;
  const shown = rows.slice(0, PAGE);
  const facets = await auditFacets(db);
  const list = shown.map((r) => `<tr><td>${utcTimeTag(r.at, 'second')}</td>
<td>${esc(r.actor)}<br><span class="muted">${esc(r.via)}</span></td><td><code>${esc(r.action)}</code></td><td class="wrap">${esc(r.target)}</td>
<td class="change">${change('before', r.before)}${change('after', r.after)}</td></tr>`).join('');
  const pager = [
    f.beforeId ? `<a href="/admin/audit${query({ ...f, beforeId: undefined })}">Newest</a>` : '',
    more ? `<a rel="next" href="/admin/audit${query(f, { before: shown.at(-1)!.id })}">Older</a>` : '',
  ].filter(Boolean).join(' · ');
  const body = `<form class="filters" method="get" action="/admin/audit">
<p><label for="f-user">User</label><select id="f-user" name="user">${options(facets.actors, f.actor, 'everyone')}</select></p>
<p><label for="f-action">Action</label><select id="f-action" name="action">${options(facets.actions, f.action, 'every action')}</select></p>
<p><button>Filter</button></p></form>
<p class="exports">Export ${f.actor || f.action ? 'these rows' : 'everything'}: <a href="/admin/audit.csv${query(f)}" download>CSV</a> · <a href="/admin/audit.jsonl${query(f)}" download>JSON lines</a></p>
<div class="table-wrap"><table><caption>Newest first</caption><thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Change</th></tr></thead>
<tbody>${list || '<tr><td colspan="5">Nothing recorded yet.</td></tr>'}</tbody></table></div>
${pager ? `<nav class="pager" aria-label="Pages">${pager}</nav>` : ''}`;
  return renderAdminPage(ctx, { title: 'Audit log', body, active: 'audit' });
}

/** Every row the filter selects, newest first, read in batches. */
async function* allRows(db: Db, f: AuditFilter): AsyncGenerator<AuditRow> {
  let beforeId = f.beforeId;
  let sent = 0;
  while (sent < EXPORT_MAX) {
    const batch = await listAudit(db, { ...f, beforeId, limit: 1000 });
    for (const r of batch) yield r;
    sent += batch.length;
    if (batch.length < 1000) return;
    beforeId = batch.at(-1)!.id;
  }
}

/** A CSV cell, quoted; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

async function exportAudit(ctx: AdminContext, format: 'csv' | 'jsonl'): Promise<Response> {
  const f = { ...filterOf(ctx.url), beforeId: undefined };
  const lines: string[] = format === 'csv' ? [['id', 'at', 'actor', 'via', 'action', 'target', 'before', 'after'].join(',')] : [];
  for await (const r of allRows(ctx.services.db, f)) {
    const at = new Date(r.at).toISOString();
    lines.push(format === 'csv'
      ? [r.id, at, r.actor, r.via, r.action, r.target, r.before, r.after].map(csvCell).join(',')
      : JSON.stringify({ id: r.id, at, actor: r.actor, via: r.via, action: r.action, target: r.target, before: r.before ?? null, after: r.after ?? null }));
  }
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(lines.join(format === 'csv' ? '\r\n' : '\n') + (lines.length ? (format === 'csv' ? '\r\n' : '\n') : ''), {
    headers: { ...adminHeaders(type), 'content-disposition': `attachment; filename="transwire-audit.${format}"` },
  });
}

export const auditRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/audit', role: 'admin', summary: 'the audit log, newest first, filtered by user and action', handle: auditPage },
  { method: 'GET', path: '/admin/audit.csv', role: 'admin', summary: 'the audit log as CSV (same filters)', handle: (ctx) => exportAudit(ctx, 'csv') },
  { method: 'GET', path: '/admin/audit.jsonl', role: 'admin', summary: 'the audit log as JSON lines (same filters)', handle: (ctx) => exportAudit(ctx, 'jsonl') },
];
