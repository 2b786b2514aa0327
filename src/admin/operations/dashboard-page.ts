import { listFailedJobs, retryFailedJob, getJob } from '../../store/failed-jobs.ts';
import { engineUsageToday, failingSources, freshness, queueByKind, stageActivity, type StageActivity } from '../../store/operations-stats.ts';
import { listWorkers } from '../../store/worker-heartbeats.ts';
import { redirect } from '../admin-responses.ts';
import { AdminHttpError, type AdminContext, type AdminRoute } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { barChart, meter } from './bar-chart.ts';
import { engineStates } from './engine-status.ts';
import { pathId } from './page-parts.ts';
import { duration, notice, num, OPERATIONS_CSS_LINK, status, when } from './ops-view.ts';

/**
 * The last day's aggregates (stage counts, freshness, engine use) scan a day of rows: read at most
 * every 10 s per database and process, so a dashboard left open, or several, cost one scan. The
 * queue, failed jobs, workers and failing sources are read on every request.
 */
const AGGREGATE_TTL_MS = 10_000;
const aggregates = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();
function recent<T>(db: object, key: string, read: () => Promise<T>): Promise<T> {
  let byKey = aggregates.get(db);
  if (!byKey) aggregates.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && Date.now() - hit.at < AGGREGATE_TTL_MS) return hit.value as Promise<T>;
  const value = read();
  byKey.set(key, { at: Date.now(), value });
  value.catch(() => byKey.delete(key));
  return value;
}

const STAGE_LABEL: Record<StageActivity['stage'], string> = {
  fetched: 'Items fetched', extracted: 'Articles extracted', translated: 'Translations made',
  published: 'Pages published', held: 'Held for review', failed: 'Jobs failed',
};

function activityCard(stages: StageActivity[]): string {
  const rows = stages.map((s) => `<tr><th scope="row">${STAGE_LABEL[s.stage]}</th><td class="num">${num(s.lastHour)}</td><td class="num">${num(s.lastDay)}</td>` +
    `<td>${barChart(s.hourly, `${STAGE_LABEL[s.stage]} per hour over the last 24 hours: ${s.lastDay} in all, at most ${Math.max(...s.hourly)} in an hour`)}</td></tr>`).join('');
  return `<section class="ops-card ops-wide" aria-labelledby="h-activity"><h2 id="h-activity">Activity</h2><p class="hint">Counted again every 10 seconds.</p><div class="table-wrap" tabindex="0"><table class="stage-table">
<thead><tr><th scope="col">Stage</th><th scope="col" class="num">Last hour</th><th scope="col" class="num">Last day</th><th scope="col">By hour, last 24 h</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

async function queueCard(ctx: AdminContext): Promise<string> {
  const kinds = await queueByKind(ctx.services.db);
  const rows = kinds.map((k) => `<tr><th scope="row">${esc(k.kind)}</th><td class="num" data-label="Waiting">${num(k.queued)}</td><td class="num" data-label="Running">${num(k.running)}</td><td class="num" data-label="Oldest ready">${duration(k.oldest_s)}</td></tr>`).join('');
  return `<section class="ops-card" aria-labelledby="h-queue"><h2 id="h-queue">Queue</h2>${kinds.length === 0 ? '<p class="muted">Nothing waiting.</p>' : `<div class="table-wrap" tabindex="0"><table>
<thead><tr><th scope="col">Job kind</th><th scope="col" class="num">Waiting</th><th scope="col" class="num">Running</th><th scope="col" class="num">Oldest ready</th></tr></thead><tbody>${rows}</tbody></table></div>`}</section>`;
}

async function freshnessCard(ctx: AdminContext): Promise<string> {
  const f = await recent(ctx.services.db, 'freshness', () => freshness(ctx.services.db));
  return `<section class="ops-card" aria-labelledby="h-fresh"><h2 id="h-fresh">Freshness</h2><p class="hint">From the source publishing a story to our page being live, last day.</p>
<dl class="stats"><div><dt>p50</dt><dd class="stat-big">${duration(f.p50_s)}</dd></div><div><dt>p95</dt><dd class="stat-big">${duration(f.p95_s)}</dd></div><div><dt>Pages</dt><dd class="stat-big">${num(f.n)}</dd></div></dl></section>`;
}

async function workersCard(ctx: AdminContext): Promise<string> {
  const workers = await listWorkers(ctx.services.db);
  const alive = workers.filter((w) => w.state === 'alive').length;
  const rows = workers.map((w) => `<tr><td>${status(w.state, w.state === 'alive' ? 'ok' : w.state === 'dead' ? 'bad' : 'off')}</td><td class="url">${esc(w.host)} · pid ${w.pid}</td>` +
    `<td data-label="Roles">${esc(w.roles.join(', '))}</td><td data-label="Started">${when(w.started_at)}</td><td data-label="Last beat">${when(w.last_beat_at)}</td></tr>`).join('');
  return `<section class="ops-card ops-wide" aria-labelledby="h-workers"><h2 id="h-workers">Workers</h2><p>${alive === 0 ? status('no worker alive', 'bad') : `${num(alive)} alive`}</p>
${workers.length ? `<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">State</th><th scope="col">Process</th><th scope="col">Roles</th><th scope="col">Started</th><th scope="col">Last beat</th></tr></thead><tbody>${rows}</tbody></table></div>` : '<p class="muted">No worker has written a heartbeat in the last day.</p>'}</section>`;
}

async function enginesCard(ctx: AdminContext): Promise<string> {
  const [{ engines, problems }, usage] = await Promise.all([engineStates(ctx.services.config), recent(ctx.services.db, 'engines', () => engineUsageToday(ctx.services.db))]);
  const used = (name: string) => usage.filter((u) => u.engine.split('>').includes(name));
  const rows = engines.map((e) => {
    const u = used(e.name);
    const chars = u.reduce((n, x) => n + x.characters, 0);
    const money = u.reduce((n, x) => n + (x.money ?? 0), 0);
    const budget = e.dailyCharBudget ? `${meter(chars / e.dailyCharBudget, `${Math.round((chars / e.dailyCharBudget) * 100)} % of the daily budget`)} <span class="muted">of ${num(e.dailyCharBudget)}</span>` : '<span class="muted">no budget</span>';
    const tone = e.state === 'up' ? 'ok' : e.state === 'down' ? 'bad' : 'warn';
    return `<tr><th scope="row">${esc(e.name)} <span class="muted">(${esc(e.kind)})</span></th><td data-label="State">${status(e.state, tone)}</td><td class="num" data-label="Characters today">${num(chars)}</td><td data-label="Budget">${budget}</td><td class="num" data-label="Cost today">${money ? money.toFixed(2) : '–'}</td></tr>`;
  }).join('');
  const issues = problems.length ? `<ul class="warnings">${problems.map((p) => `<li class="error-text">${esc(p)}</li>`).join('')}</ul>` : '';
  return `<section class="ops-card ops-wide" aria-labelledby="h-engines"><h2 id="h-engines">Engines</h2><div class="table-wrap" tabindex="0"><table>
<thead><tr><th scope="col">Engine</th><th scope="col">State</th><th scope="col" class="num">Characters today</th><th scope="col">Budget</th><th scope="col" class="num">Cost today</th></tr></thead><tbody>${rows}</tbody></table></div>${issues}</section>`;
}

async function failuresCard(ctx: AdminContext): Promise<string> {
  const { jobs, total } = await listFailedJobs(ctx.services.db, 20);
  const canRetry = ctx.user.role !== 'viewer';
  const rows = jobs.map((j) => `<tr><td>${esc(j.kind)}<br><span class="url">${esc(j.key)}</span></td><td><p class="error-text">${esc(j.last_error ?? '(no error recorded)')}</p></td>` +
    `<td data-label="Failed">${when(j.finished_at)}<br><span class="muted">${j.attempts} attempt${j.attempts === 1 ? '' : 's'}</span></td>` +
    `<td>${canRetry ? `<form method="post" action="/admin/jobs/${j.id}/retry">${csrfField(ctx)}<button>Retry</button></form>` : ''}</td></tr>`).join('');
  return `<section class="ops-card ops-wide" aria-labelledby="h-failed"><h2 id="h-failed">Failed jobs <span class="muted">(${num(total)})</span></h2>${jobs.length === 0 ? '<p class="muted">None.</p>' : `<div class="table-wrap" tabindex="0"><table>
<thead><tr><th scope="col">Job</th><th scope="col">Error</th><th scope="col">Failed</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody>${rows}</tbody></table></div>${total > jobs.length ? `<p class="hint">The newest ${jobs.length} of ${num(total)}.</p>` : ''}`}</section>`;
}

async function failingSourcesCard(ctx: AdminContext): Promise<string> {
  const sources = await failingSources(ctx.services.db);
  const rows = sources.map((s) => `<tr><td><a href="/admin/sources/${s.id}">${esc(s.name ?? s.url)}</a><br><span class="url">${esc(s.url)}</span></td>` +
    `<td><p class="error-text">${esc(s.last_error ?? '')}</p></td><td class="num" data-label="Errors in a row">${s.error_count}</td><td data-label="Next try">${when(s.next_fetch_at)}</td></tr>`).join('');
  return `<section class="ops-card ops-wide" aria-labelledby="h-failing"><h2 id="h-failing">Failing sources</h2>${sources.length === 0 ? '<p class="muted">None.</p>' : `<div class="table-wrap" tabindex="0"><table>
<thead><tr><th scope="col">Source</th><th scope="col">Last error</th><th scope="col" class="num">Errors in a row</th><th scope="col">Next try</th></tr></thead><tbody>${rows}</tbody></table></div>`}</section>`;
}

const DONE = { retried: 'The job is queued again.', 'already-queued': 'The same work is already queued: that job will do it.' };

export const dashboardRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/',
    role: 'viewer',
    summary: 'dashboard: activity, queue, failed jobs, failing sources, engines, freshness, workers',
    async handle(ctx) {
      // One after another: PGlite answers one query at a time anyway, and a server's pool is shared.
      const activity = activityCard(await recent(ctx.services.db, 'stages', () => stageActivity(ctx.services.db)));
      const cards = [await queueCard(ctx), await freshnessCard(ctx), await workersCard(ctx), await enginesCard(ctx), await failuresCard(ctx), await failingSourcesCard(ctx)];
      return renderAdminPage(ctx, { title: 'Dashboard', active: 'dashboard', body: `${OPERATIONS_CSS_LINK}${notice(ctx.url, DONE)}<div class="ops-grid">${activity}${cards.join('')}</div>` });
    },
  },
  {
    method: 'POST',
    path: '/admin/jobs/:id/retry',
    role: 'editor',
    summary: 'queue a failed job again with fresh attempts',
    async handle(ctx) {
      const id = pathId(ctx, 'failed job');
      const before = await getJob(ctx.services.db, id);
      if (!before || before.state !== 'failed') throw new AdminHttpError(404, `no failed job ${ctx.params.id}`);
      const outcome = await retryFailedJob(ctx.services.db, id);
      if (outcome === 'not-failed') throw new AdminHttpError(409, `job ${id} is no longer failed`);
      await ctx.audit({ action: 'job.retry', target: `job:${id}`, before: { state: 'failed', kind: before.kind, key: before.key, error: before.last_error }, after: { state: outcome === 'queued' ? 'queued' : 'failed', outcome } });
      return redirect(`/admin/?done=${outcome === 'queued' ? 'retried' : 'already-queued'}`);
    },
  },
];
