import { getGlossaryEntry, listGlossaryEntries, putGlossaryEntry, removeGlossaryEntry, updateGlossaryEntry, type GlossaryInput, type GlossaryRow } from '../../store/glossary-entries.ts';
import { glossaryEntrySchema } from '../../translate/index.ts';
import { redirect } from '../admin-responses.ts';
import { AdminHttpError, type AdminContext, type AdminRoute } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { notice, OPERATIONS_CSS_LINK, when } from './ops-view.ts';
import { errorList, pathId } from './page-parts.ts';

const LANG = /^[a-z]{2,3}$/;

/** The pairs worth offering: every source language to every site language, the chains' pairs, and those with entries. */
async function knownPairs(ctx: AdminContext): Promise<string[]> {
  const { config } = ctx.services;
  const froms = new Set(['en', ...config.sources.flatMap((s) => (s.lang ? [s.lang] : []))]);
  const pairs = new Set<string>();
  for (const f of froms) for (const t of config.site.languages) if (f !== t) pairs.add(`${f}-${t}`);
  for (const k of Object.keys(config.translation.chains)) if (/^[a-z]{2,3}-[a-z]{2,3}$/.test(k)) pairs.add(k);
  for (const r of await listGlossaryEntries(ctx.services.db)) pairs.add(`${r.from_lang}-${r.to_lang}`);
  return [...pairs].sort();
}

function parsePair(pair: string | null): { from: string; to: string } | null {
  const [from, to] = (pair ?? '').split('-');
  return from && to && LANG.test(from) && LANG.test(to) && from !== to ? { from, to } : null;
}

/**
 * A console entry, checked with the config's own glossary schema (what `translation.glossary`
 * accepts), as the entry the pipeline will get: the term kept (rendering left empty) or mapped.
 */
export function readGlossaryForm(form: URLSearchParams, pair: { from: string; to: string }): { entry: GlossaryInput } | { errors: string[] } {
  const term = (form.get('term') ?? '').trim();
  const rendering = (form.get('rendering') ?? '').trim() || term;
  const caseSensitive = form.get('caseSensitive') === 'on';
  const parsed = glossaryEntrySchema.safeParse({ term, from: pair.from, map: { [pair.to]: rendering }, caseSensitive });
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `glossary.${i.path.join('.')}: ${i.message}`) };
  if (term.length > 200 || rendering.length > 200) return { errors: ['glossary: a term and its rendering are at most 200 characters'] };
  return { entry: { from: pair.from, to: pair.to, term, rendering, caseSensitive } };
}

function rowHtml(ctx: AdminContext, r: GlossaryRow, admin: boolean): string {
  const kept = r.rendering === r.term;
  if (!admin) return `<tr><td>${esc(r.term)}</td><td>${kept ? '<span class="muted">kept as is</span>' : esc(r.rendering)}</td><td>${r.case_sensitive ? 'exact' : 'any'}</td><td>${esc(r.updated_by ?? '')} ${when(r.updated_at)}</td></tr>`;
  return `<tr><td>${esc(r.term)}</td><td colspan="2"><form method="post" action="/admin/glossary/${r.id}" class="inline">${csrfField(ctx)}
<label class="visually-hidden" for="g-r-${r.id}">Rendering of ${esc(r.term)}</label><input id="g-r-${r.id}" name="rendering" value="${esc(kept ? '' : r.rendering)}" placeholder="kept as is">
<label><input type="checkbox" name="caseSensitive"${r.case_sensitive ? ' checked' : ''}> exact case</label> <button>Save</button></form></td>
<td>${esc(r.updated_by ?? '')} ${when(r.updated_at)}<form method="post" action="/admin/glossary/${r.id}/remove" class="inline">${csrfField(ctx)}<button class="danger" aria-label="Remove ${esc(r.term)}">Remove</button></form></td></tr>`;
}

async function renderGlossary(ctx: AdminContext, extra: { errors?: string[]; form?: URLSearchParams; status?: number; pair?: string } = {}): Promise<Response> {
  const pairs = await knownPairs(ctx);
  const pairName = extra.pair ?? ctx.url.searchParams.get('pair') ?? pairs[0] ?? 'en-es';
  const pair = parsePair(pairName);
  if (!pair) throw new AdminHttpError(404, `not a language pair: ${pairName}`);
  if (!pairs.includes(pairName)) pairs.push(pairName);
  const admin = ctx.user.role === 'admin';
  const rows = await listGlossaryEntries(ctx.services.db, pair);
  const fromConfig = ctx.services.config.translation.glossary.filter((g) => !g.from || g.from === pair.from);
  const picker = `<form method="get" action="/admin/glossary" class="inline"><label for="g-pair">Language pair</label> <select id="g-pair" name="pair">${pairs.map((p) => `<option${p === pairName ? ' selected' : ''}>${esc(p)}</option>`).join('')}</select> <button>Show</button></form>`;
  const head = `<thead><tr><th scope="col">Term</th><th scope="col">Rendering</th><th scope="col">Case</th><th scope="col">Changed</th></tr></thead>`;
  const table = rows.length ? `<div class="table-wrap" tabindex="0"><table><caption>${rows.length} console entries for ${esc(pairName)}</caption>${head}<tbody>${rows.map((r) => rowHtml(ctx, r, admin)).join('')}</tbody></table></div>` : `<p class="muted">No console entries for ${esc(pairName)} yet.</p>`;
  const v = (k: string) => esc(extra.form?.get(k) ?? '');
  const add = admin ? `<section class="ops-card" aria-labelledby="h-gadd"><h2 id="h-gadd">Add a term</h2><form method="post" action="/admin/glossary" class="ops-form">${csrfField(ctx)}<input type="hidden" name="pair" value="${esc(pairName)}"><div class="form-grid">
<p><label for="g-term">Term in ${esc(pair.from)}</label><input id="g-term" name="term" required value="${v('term')}"></p>
<p><label for="g-rendering">Rendering in ${esc(pair.to)} <span class="muted">(empty: kept as is)</span></label><input id="g-rendering" name="rendering" value="${v('rendering')}"></p>
<p><label><input type="checkbox" name="caseSensitive"${!extra.form || extra.form.get('caseSensitive') === 'on' ? ' checked' : ''}> exact case</label></p></div>
<p class="hint">The next article translated ${esc(pair.from)}→${esc(pair.to)} uses it (within a few seconds on every worker). An entry here wins over the config file's for the same term.</p><p><button>Add term</button></p></form></section>` : '';
  const config = fromConfig.length ? `<section class="ops-card" aria-labelledby="h-gconf"><h2 id="h-gconf">From the config file</h2><p class="hint">Edit <code>translation.glossary</code> to change these.</p><ul>${fromConfig.map((g) => `<li>${esc(g.term)} → ${g.map?.[pair.to] !== undefined ? esc(g.map[pair.to]!) : '<span class="muted">kept as is</span>'}</li>`).join('')}</ul></section>` : '';
  return renderAdminPage(ctx, {
    title: 'Glossary',
    active: 'glossary',
    status: extra.status,
    body: `${OPERATIONS_CSS_LINK}<p><a href="/admin/policy">Publish policy →</a></p>${notice(ctx.url, { added: 'Term saved.', saved: 'Saved.', removed: 'Term removed.' })}${errorList(extra.errors)}<p>${picker}</p>${table}<div class="ops-grid">${add}${config}</div>`,
  });
}

const snapshot = (r: GlossaryRow) => ({ pair: `${r.from_lang}-${r.to_lang}`, term: r.term, rendering: r.rendering, caseSensitive: r.case_sensitive });

export const glossaryRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/glossary',
    role: 'viewer',
    summary: 'the glossary of one language pair: console entries and the config file’s',
    handle: (ctx) => renderGlossary(ctx),
  },
  {
    method: 'POST',
    path: '/admin/glossary',
    role: 'admin',
    summary: 'add a glossary term for a language pair (or replace its rendering)',
    async handle(ctx) {
      const form = await ctx.form();
      const pairName = form.get('pair') ?? '';
      const pair = parsePair(pairName);
      if (!pair) throw new AdminHttpError(400, `not a language pair: ${pairName}`);
      const read = readGlossaryForm(form, pair);
      if ('errors' in read) return renderGlossary(ctx, { errors: read.errors, form, status: 400, pair: pairName });
      const before = (await listGlossaryEntries(ctx.services.db, pair)).find((r) => r.term === read.entry.term);
      const row = await putGlossaryEntry(ctx.services.db, read.entry, ctx.user.email);
      await ctx.audit({ action: 'glossary.put', target: `glossary:${row.id}`, before: before ? snapshot(before) : null, after: snapshot(row) });
      return redirect(`/admin/glossary?pair=${encodeURIComponent(pairName)}&done=added`);
    },
  },
  {
    method: 'POST',
    path: '/admin/glossary/:id',
    role: 'admin',
    summary: "change a glossary term's rendering or case",
    async handle(ctx) {
      const before = await getGlossaryEntry(ctx.services.db, pathId(ctx, 'glossary entry'));
      if (!before) throw new AdminHttpError(404, `no glossary entry ${ctx.params.id}`);
      const form = await ctx.form();
      form.set('term', before.term);
      const pair = { from: before.from_lang, to: before.to_lang };
      const read = readGlossaryForm(form, pair);
      if ('errors' in read) return renderGlossary(ctx, { errors: read.errors, status: 400, pair: `${pair.from}-${pair.to}` });
      const after = await updateGlossaryEntry(ctx.services.db, before.id, read.entry, ctx.user.email);
      await ctx.audit({ action: 'glossary.edit', target: `glossary:${before.id}`, before: snapshot(before), after: after ? snapshot(after) : null });
      return redirect(`/admin/glossary?pair=${pair.from}-${pair.to}&done=saved`);
    },
  },
  {
    method: 'POST',
    path: '/admin/glossary/:id/remove',
    role: 'admin',
    summary: 'remove a glossary term',
    async handle(ctx) {
      const removed = await removeGlossaryEntry(ctx.services.db, pathId(ctx, 'glossary entry'));
      if (!removed) throw new AdminHttpError(404, `no glossary entry ${ctx.params.id}`);
      await ctx.audit({ action: 'glossary.remove', target: `glossary:${removed.id}`, before: snapshot(removed) });
      return redirect(`/admin/glossary?pair=${removed.from_lang}-${removed.to_lang}&done=removed`);
    },
  },
];
