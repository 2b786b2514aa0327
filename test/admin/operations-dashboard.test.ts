import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsRoutes } from '../../src/admin/operations/operations-routes.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { startWorkerPool } from '../../src/jobs/worker-pool.ts';
import type { Db } from '../../src/store/db.ts';
import { listWorkers } from '../../src/store/worker-heartbeats.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { opsHarness, type OpsHarness } from './operations-context.ts';
import { inert, seedOperations, type OpsSeed } from './operations-seed.ts';

let db: Db;
let ops: OpsHarness;
let seed: OpsSeed;

beforeAll(async () => {
  db = await openTestDb();
  seed = await seedOperations(db);
  ops = opsHarness(db, operationsRoutes, { config: { translation: { engines: { apertium: { kind: 'apertium', dailyCharBudget: 10_000 } } } } });
}, 180_000);
afterAll(async () => {
  await db?.close();
});

const page = async (path: string, role: 'viewer' | 'editor' | 'admin' = 'viewer') => {
  const res = await ops.call('GET', path, { role });
  const html = await res.text();
  return { res, html, doc: parseHTML(html).document };
};
/** A section's text, a space between elements (cells, terms), entities decoded. */
const section = (doc: Document, id: string) => decodeHTML(doc.getElementById(id)!.closest('section')!.innerHTML.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

describe('the dashboard', () => {
  it('counts each stage in the last hour and day, with a chart per stage', async () => {
    const { res, doc } = await page('/admin/');
    expect(res.status).toBe(200);
    const rows = [...doc.querySelectorAll('.stage-table tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent!.trim()));
    // Items at 0, 90 and 180 minutes ago: one in the last hour, three in the day; one held, two published, one failed job.
    expect(rows).toEqual([
      ['Items fetched', '1', '3'], ['Articles extracted', '1', '3'], ['Translations made', '3', '3'],
      ['Pages published', '2', '2'], ['Held for review', '1', '1'], ['Jobs failed', '1', '1'],
    ]);
    expect(doc.querySelectorAll('.stage-table svg.bars[role="img"]').length).toBe(6);
    expect(doc.querySelector('.stage-table svg.bars')!.getAttribute('aria-label')).toMatch(/per hour over the last 24 hours: 3 in all/);
  });

  it('shows queue depth and the age of the oldest ready job by kind', async () => {
    const { doc } = await page('/admin/');
    const text = section(doc, 'h-queue');
    expect(text).toMatch(/translate 1 0 (1\d\d s|2 min)/);
    expect(text).toMatch(/poll 1 0 –/); // queued for later: nothing ready yet
  });

  it('shows failed jobs with their error, a retry button for an editor (not a viewer), and retries with an audit row', async () => {
    expect((await page('/admin/', 'viewer')).doc.querySelector(`form[action="/admin/jobs/${seed.failedJobId}/retry"]`)).toBeNull();
    const { doc } = await page('/admin/', 'editor');
    expect(section(doc, 'h-failed')).toContain('extract: HTTP 500 from https://bad.example/');
    expect(doc.querySelector(`form[action="/admin/jobs/${seed.failedJobId}/retry"] input[name="csrf"]`)).not.toBeNull();
    const res = await ops.call('POST', `/admin/jobs/${seed.failedJobId}/retry`, { role: 'editor', form: { csrf: 'test-csrf-token' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/?done=retried');
    const job = await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM jobs WHERE id = $1', [seed.failedJobId]);
    expect(job.rows[0]).toEqual({ state: 'queued', attempts: 0 });
    expect(ops.audits.at(-1)).toMatchObject({ action: 'job.retry', target: `job:${seed.failedJobId}`, by: 'editor@newsroom.example', before: { state: 'failed' }, after: { state: 'queued' } });
    // Twice is refused: it is no longer failed.
    expect((await ops.call('POST', `/admin/jobs/${seed.failedJobId}/retry`, { role: 'editor', form: {} })).status).toBe(404);
    await db.query(`UPDATE jobs SET state = 'failed', attempts = 8 WHERE id = $1`, [seed.failedJobId]);
  });

  it('lists failing sources with their error, and freshness p50/p95 over the last day', async () => {
    const { doc } = await page('/admin/');
    expect(section(doc, 'h-failing')).toContain('fetch: HTTP 500');
    expect(doc.querySelector(`#h-failing ~ div a[href="/admin/sources/${seed.failingSourceId}"]`)).not.toBeNull();
    // Source published 40 min ago, our pages live 30 min ago: 10 minutes.
    expect(section(doc, 'h-fresh')).toMatch(/p50 10 min p95 10 min Pages 2/);
  });

  it('shows engines up or down with characters today against the budget', async () => {
    const { doc } = await page('/admin/');
    const text = section(doc, 'h-engines');
    expect(text).toMatch(/apertium \(apertium\) (up|checking) 3,600/);
    expect(doc.querySelector('#h-engines ~ div svg.meter')!.getAttribute('aria-label')).toBe('36 % of the daily budget');
  });

  it('shows workers alive from their heartbeats, and one not seen for three intervals as dead', async () => {
    const { doc } = await page('/admin/');
    const rows = [...doc.querySelectorAll('#h-workers ~ div tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows.find((r) => r.includes('pid 101'))).toMatch(/^alive/);
    expect(rows.find((r) => r.includes('pid 202'))).toMatch(/^dead/);
  });

  it('a worker pool writes its heartbeat while it runs and says it stopped when it stops', async () => {
    const queue = new JobQueue(db, { workerId: 'dash-test:pool' });
    const pool = startWorkerPool({ queue, handlers: { noop: async () => undefined }, concurrency: 1, pollMs: 50, log: pino({ level: 'silent' }), roles: ['worker', 'web'], heartbeatMs: 100 });
    await waitFor('a heartbeat', async () => (await listWorkers(db)).find((w) => w.worker_id === 'dash-test:pool')?.state === 'alive', 10_000, 50);
    const row = (await listWorkers(db)).find((w) => w.worker_id === 'dash-test:pool')!;
    expect(row).toMatchObject({ pid: process.pid, roles: ['worker', 'web'], kinds: ['noop'], interval_ms: 100 });
    await pool.stop();
    expect((await listWorkers(db)).find((w) => w.worker_id === 'dash-test:pool')?.state).toBe('stopped');
  });

  it('keeps hostile text inert: source names, errors, warnings, hosts', async () => {
    const { html } = await page('/admin/', 'admin');
    expect(inert(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
