/**
 * bench:console — the newsroom console's pages with 10,000 held translations and 100 sources
 * (issue 11): the review queue (first page and a filtered page), a review page, the sources list
 * and the dashboard, timed server-side (handler called in process, body read) over ~200 requests
 * each, beside the public home page's time in the same run. Goal: p95 ≤ 50 ms on PGlite and on
 * PostgreSQL. PostgreSQL is used when TEST_DATABASE_URL or DATABASE_URL names a server (a fresh
 * database is made on it and dropped) or the test server of scripts/start-postgres.sh is up.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { adminRoutes } from '../src/admin/route-table.ts';
import type { Db } from '../src/store/db.ts';
import { openDb } from '../src/store/open-db.ts';
import { startWebServer } from '../src/web/start-web-server.ts';
import { opsHarness } from '../test/admin/operations-context.ts';
import { createTestDatabase } from '../test/helpers/test-db.ts';
import { seedSite, SITE } from '../test/web/seed-site.ts';
import { seedConsole, SOURCES } from './lib/console-seed.ts';
import { percentile } from './lib/percentile.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const HELD = Number(process.env.BENCH_HELD ?? 10_000);
const GOAL_MS = 50;

interface Timing { p50: number; p95: number; status: number }

async function time(run: () => Promise<{ status: number }>): Promise<Timing> {
  for (let i = 0; i < 10; i++) await run(); // warm: caches, prepared plans, the engine check
  const samples: number[] = [];
  let status = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    status = (await run()).status;
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), status };
}

/** The server's address for a fresh database, or null: which PostgreSQL to use, and why. */
function postgresAdminUrl(): string | null {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const status = spawnSync('bash', ['scripts/start-postgres.sh', 'status'], { encoding: 'utf8' });
  if (status.status !== 0) return null;
  return spawnSync('bash', ['scripts/start-postgres.sh'], { encoding: 'utf8' }).stdout.trim() || null;
}

async function benchOn(label: string, db: Db): Promise<boolean> {
  console.log(`\n${label}: seeding ${SOURCES} sources and ${HELD.toLocaleString('en-US')} held translations…`);
  const t0 = performance.now();
  const { heldId, sourceId } = await seedConsole(db, HELD);
  await seedSite(db);
  console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const web = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0 });
  const ops = opsHarness(db, adminRoutes(), { config: { site: { languages: SITE.languages } } });
  const page = (path: string) => async () => {
    const res = await ops.call('GET', path, { role: 'admin' });
    await res.text();
    return res;
  };
  const home = async () => {
    const req = { method: 'GET', path: '/es/', query: new URLSearchParams(), header: () => undefined };
    const reply = web.app.handleCached(req) ?? (await web.app.handle(req));
    return reply;
  };
  const rows: Array<[string, Timing, boolean]> = [];
  const measure = async (name: string, run: () => Promise<{ status: number }>, goal: boolean) => rows.push([name, await time(run), goal]);
  await measure('public home page /es/ (from memory)', home, false);
  // The yardstick of this run's load: one database round trip.
  await measure('SELECT 1 (one database round trip)', async () => (await db.query('SELECT 1'), { status: 200 }), false);
  await measure('review queue, first page', page('/admin/review'), true);
  await measure(`review queue, filtered (source, lang, check)`, page(`/admin/review?source=${sourceId}&lang=es&check=numbers`), true);
  await measure('review page /admin/review/:id', page(`/admin/review/${heldId}`), true);
  await measure('sources list', page('/admin/sources'), true);
  await measure('dashboard', page('/admin/'), true);
  await web.close();
  const trip = rows[1]![1];
  let ok = true;
  console.log(`  ${'page'.padEnd(46)} ${'status'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  p50 in round trips`);
  for (const [name, t, goal] of rows) {
    const met = !goal || t.p95 <= GOAL_MS;
    ok &&= met && t.status === 200;
    console.log(`  ${name.padEnd(46)} ${String(t.status).padStart(6)} ${t.p50.toFixed(3).padStart(8)} ${t.p95.toFixed(3).padStart(8)}  ${(t.p50 / trip.p50).toFixed(1).padStart(6)}${goal ? (met ? '' : `  goal p95 ≤ ${GOAL_MS} ms NOT met`) : ''}`);
  }
  return ok;
}

async function main(): Promise<void> {
  console.log(`bench:console — ${REQUESTS} requests per page, timed in process (handler + body), after 10 warm-up requests; load average now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  let ok = true;
  const pglite = await openDb({ databaseUrl: null, dataDir: 'memory://' });
  try {
    ok = (await benchOn('PGlite (in process)', pglite)) && ok;
  } finally {
    await pglite.close();
  }
  const admin = postgresAdminUrl();
  if (!admin) {
    console.log('\nPostgreSQL: not measured (no TEST_DATABASE_URL or DATABASE_URL, and the test server is not running: bash scripts/start-postgres.sh)');
  } else {
    process.env.TEST_DATABASE_URL = admin;
    const server = await createTestDatabase();
    const db = await openDb({ databaseUrl: server.url, dataDir: '' });
    try {
      ok = (await benchOn(`PostgreSQL server (${new URL(admin).host}, a fresh database)`, db)) && ok;
    } finally {
      await db.close();
      await server.drop();
    }
  }
  console.log(ok ? '\nbench:console: goals met' : '\nbench:console: goal missed (see above)');
  process.exitCode = ok ? 0 : 1;
}

await main();
