import { mergePolicy } from '../../jobs/live-settings.ts';
import { publishPolicySchema, type PublishPolicy } from '../../publish/policy.ts';
import { getPolicyOverride, listPolicyOverrides, putPolicyOverride, removePolicyOverride, type PolicyOverrideRow, type PolicyScope } from '../../store/policy-overrides.ts';
import { listSources, type SourceRow } from '../../store/sources.ts';
import { redirect } from '../admin-responses.ts';
import { AdminHttpError, type AdminContext, type AdminRoute } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { notice, OPERATIONS_CSS_LINK, when } from './ops-view.ts';
import { errorList } from './page-parts.ts';

type Level = NonNullable<PublishPolicy['sites']>[string];
type Rule = NonNullable<Level['rules']>[number];
const VERDICTS = ['publish', 'publish-flagged', 'hold'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const CHECKS = ['*', 'numbers', 'names', 'quotes', 'dates', 'repetition', 'untranslated', 'paragraphs', 'sentences', 'language', 'length', 'placeholders', 'glued-words', 'markup', 'chrome'];

const sourceName = (s: Pick<SourceRow, 'name' | 'title' | 'url'>) => s.name ?? s.title ?? s.url;

/**
 * A policy level from the console's form, checked with the config's own policy schema: a site or
 * source override is exactly what `publish.policy.sites.<lang>` accepts, a default what
 * `publish.policy` accepts. Empty selects inherit; a rule row without a verdict is dropped.
 */
export function readPolicyForm(form: URLSearchParams, scope: PolicyScope): { level: Level } | { errors: string[] } {
  const level: Record<string, unknown> = {};
  for (const sev of SEVERITIES) if (form.get(sev)) level[sev] = form.get(sev);
  const checks = form.getAll('rule_check');
  const rules: Array<Record<string, unknown>> = [];
  checks.forEach((check, i) => {
    const verdict = form.getAll('rule_verdict')[i];
    if (!verdict) return;
    const severity = form.getAll('rule_severity')[i];
    const atLeast = Number(form.getAll('rule_atLeast')[i] || '1');
    rules.push({ check: check.trim() || '*', ...(severity ? { severity } : {}), atLeast, verdict });
  });
  if (rules.length) level.rules = rules;
  const parsed = scope === 'default' ? publishPolicySchema.safeParse(level) : publishPolicySchema.safeParse({ sites: { x: level } });
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `publish.policy.${i.path.join('.').replace(/^sites\.x\./, '')}: ${i.message}`) };
  return { level: level as Level };
}

const select = (name: string, id: string, value: string | undefined, options: readonly string[], empty: string) =>
  `<select id="${id}" name="${name}"><option value="">${esc(empty)}</option>${options.map((o) => `<option${o === value ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select>`;

function ruleRow(rule: Partial<Rule>, i: string): string {
  return `<tr><td><label class="visually-hidden" for="rc-${i}">Check</label><input id="rc-${i}" name="rule_check" list="checks" value="${esc(rule.check ?? '')}" size="12"></td>
<td><label class="visually-hidden" for="rs-${i}">Severity</label>${select('rule_severity', `rs-${i}`, rule.severity, SEVERITIES, 'any')}</td>
<td><label class="visually-hidden" for="ra-${i}">At least</label><input id="ra-${i}" name="rule_atLeast" type="number" min="1" value="${rule.atLeast ?? 1}" size="3"></td>
<td><label class="visually-hidden" for="rv-${i}">Verdict</label>${select('rule_verdict', `rv-${i}`, rule.verdict, VERDICTS, '— no rule')}</td></tr>`;
}

function levelForm(ctx: AdminContext, scope: PolicyScope, key: string, label: string, override: PolicyOverrideRow | undefined): string {
  const level = (override?.level ?? {}) as Level;
  const id = `${scope}-${key || 'all'}`.replace(/[^a-z0-9-]/gi, '_');
  const rules = [...(level.rules ?? []), {}, {}] as Array<Partial<Rule>>;
  const sev = SEVERITIES.map((s) => `<p><label for="${id}-${s}">Finding of severity ${s}</label>${select(s, `${id}-${s}`, level[s], VERDICTS, 'inherit')}</p>`).join('');
  const clear = override ? `<form method="post" action="/admin/policy/remove" class="inline">${csrfField(ctx)}<input type="hidden" name="scope" value="${scope}"><input type="hidden" name="key" value="${esc(key)}"><button class="danger">Clear override</button></form>` : '';
  return `<details class="more"${override ? ' open' : ''}><summary>${esc(label)}${override ? ` <span class="muted">(override by ${esc(override.updated_by ?? '?')}, ${when(override.updated_at)})</span>` : ''}</summary>
<form method="post" action="/admin/policy" class="ops-form">${csrfField(ctx)}<input type="hidden" name="scope" value="${scope}"><input type="hidden" name="key" value="${esc(key)}">
<div class="form-grid">${sev}</div><div class="table-wrap" tabindex="0"><table><caption>Rules (replace the inherited rules when any is given)</caption><thead><tr><th scope="col">Check</th><th scope="col">Severity</th><th scope="col">At least</th><th scope="col">Verdict</th></tr></thead>
<tbody>${rules.map((r, i) => ruleRow(r, `${id}-${i}`)).join('')}</tbody></table></div><p><button>Save ${esc(label)}</button></p></form>${clear}</details>`;
}

function effectiveTable(policy: PublishPolicy, label: (scope: string, key: string) => string): string {
  const parsed = publishPolicySchema.parse(policy);
  const line = (name: string, l: Partial<typeof parsed>) => `<tr><th scope="row">${name}</th>${SEVERITIES.map((s) => `<td data-label="${s}">${esc(l[s] ?? '(inherits)')}</td>`).join('')}<td data-label="Rules">${l.rules ? (l.rules.length ? l.rules.map((r) => esc(`${r.check}${r.severity ? ` (${r.severity})` : ''} ×${r.atLeast ?? 1} → ${r.verdict}`)).join('<br>') : 'none') : '(inherits)'}</td></tr>`;
  const rows = [line('Default', parsed), ...Object.entries(parsed.sites).map(([k, l]) => line(esc(label('site', k)), l)), ...Object.entries(parsed.sources).map(([k, l]) => line(esc(label('source', k)), l))];
  return `<div class="table-wrap" tabindex="0"><table><caption>In force now (config file and console together)</caption><thead><tr><th scope="col">Scope</th><th scope="col">error</th><th scope="col">warning</th><th scope="col">info</th><th scope="col">Rules</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

async function renderPolicy(ctx: AdminContext, extra: { errors?: string[]; status?: number } = {}): Promise<Response> {
  const { db, config } = ctx.services;
  const overrides = await listPolicyOverrides(db);
  const sources = await listSources(db);
  const urlById = new Map(sources.map((s) => [String(s.id), s.url]));
  const nameByUrl = new Map(sources.map((s) => [s.url, sourceName(s)]));
  const effective = mergePolicy(config.publish.policy ?? {}, overrides, urlById);
  const find = (scope: PolicyScope, key: string) => overrides.find((o) => o.scope === scope && o.key === key);
  const sourceForm = (s: SourceRow) => levelForm(ctx, 'source', String(s.id), `Source ${sourceName(s)}`, find('source', String(s.id)));
  // The source picked below (`?source=`) without an override yet: its empty form, open.
  const picked = sources.find((s) => String(s.id) === ctx.url.searchParams.get('source') && !find('source', String(s.id)));
  const admin = ctx.user.role === 'admin';
  const forms = admin ? [
    `<h2>Default</h2>${levelForm(ctx, 'default', '', 'Default policy', find('default', ''))}`,
    `<h2>Per site</h2>${config.site.languages.map((l) => levelForm(ctx, 'site', l, `Site ${l}`, find('site', l))).join('')}`,
    `<h2>Per source</h2>${sources.filter((s) => find('source', String(s.id))).map(sourceForm).join('')}
<form method="get" action="/admin/policy" class="inline"><label for="p-src">Override for source</label> <select id="p-src" name="source">${sources.map((s) => `<option value="${s.id}">${esc(sourceName(s))}</option>`).join('')}</select> <button>Edit</button></form>
${picked ? sourceForm(picked).replace('<details class="more">', '<details class="more" open>') : ''}`,
  ].join('') : '';
  const datalist = `<datalist id="checks">${CHECKS.map((c) => `<option value="${c}">`).join('')}</datalist>`;
  return renderAdminPage(ctx, {
    title: 'Publish policy',
    active: 'glossary',
    status: extra.status,
    body: `${OPERATIONS_CSS_LINK}<p><a href="/admin/glossary">← Glossary</a></p>${notice(ctx.url, { saved: 'Saved: the next translation uses it.', cleared: 'Override cleared.' })}${errorList(extra.errors)}
<p class="hint">Each finding of the fidelity gate earns the verdict of its severity unless a rule matches it; the strongest verdict wins. A site (a language) and a source override the default, the source last.</p>
${effectiveTable(effective, (scope, key) => (scope === 'site' ? `Site ${key}` : `Source ${nameByUrl.get(key) ?? key}`))}${datalist}${forms}`,
  });
}

function readScope(form: URLSearchParams): { scope: PolicyScope; key: string } {
  const scope = form.get('scope');
  const key = form.get('key') ?? '';
  if (scope === 'default' && key === '') return { scope, key };
  if (scope === 'site' && /^[a-z]{2,3}$/.test(key)) return { scope, key };
  if (scope === 'source' && /^\d+$/.test(key)) return { scope, key };
  throw new AdminHttpError(400, 'policy: scope must be default, site (a language) or source (an id)');
}

export const policyRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/policy',
    role: 'viewer',
    summary: 'the publish policy in force, and its overrides per site and source',
    handle: (ctx) => renderPolicy(ctx),
  },
  {
    method: 'POST',
    path: '/admin/policy',
    role: 'admin',
    summary: 'set the publish policy override of the default, a site or a source',
    async handle(ctx) {
      const form = await ctx.form();
      const { scope, key } = readScope(form);
      if (scope === 'site' && !ctx.services.config.site.languages.includes(key)) throw new AdminHttpError(400, `policy: ${key} is not a site language`);
      if (scope === 'source' && !(await listSources(ctx.services.db)).some((s) => String(s.id) === key)) throw new AdminHttpError(404, `policy: no source ${key}`);
      const read = readPolicyForm(form, scope);
      if ('errors' in read) return renderPolicy(ctx, { errors: read.errors, status: 400 });
      const before = await getPolicyOverride(ctx.services.db, scope, key);
      await putPolicyOverride(ctx.services.db, scope, key, read.level, ctx.user.email);
      await ctx.audit({ action: 'policy.set', target: `policy:${scope}${key ? `:${key}` : ''}`, before: before?.level ?? null, after: read.level });
      return redirect('/admin/policy?done=saved');
    },
  },
  {
    method: 'POST',
    path: '/admin/policy/remove',
    role: 'admin',
    summary: 'clear a publish policy override (the config file’s applies again)',
    async handle(ctx) {
      const { scope, key } = readScope(await ctx.form());
      const before = await getPolicyOverride(ctx.services.db, scope, key);
      if (!before) throw new AdminHttpError(404, 'policy: no such override');
      await removePolicyOverride(ctx.services.db, scope, key);
      await ctx.audit({ action: 'policy.clear', target: `policy:${scope}${key ? `:${key}` : ''}`, before: before.level, after: null });
      return redirect('/admin/policy?done=cleared');
    },
  },
];
