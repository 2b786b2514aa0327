/**
 * bench:web's search flood (issue 15 item 8): a flood of unique search queries beside article
 * requests and a health prober, against the site with its search limits and, as the baseline of
 * the same run, the same site with the limits off. Unique queries never hit the cache, and each
 * one ORs a common word so it ranks and counts many matches (the costly case).
 */
import type { Db } from '../../src/store/db.ts';
import { healthRoutes } from '../../src/web/health-routes.ts';
import type { SearchLimits } from '../../src/web/search-guard.ts';
import { startWebServer, type SiteOptions } from '../../src/web/start-web-server.ts';
import { seedSearchCorpus } from '../../test/web/seed-search-corpus.ts';
import { autocannon, type Load } from './autocannon.ts';
import { percentile } from './percentile.ts';

const UNLIMITED: Partial<SearchLimits> = { burst: 1e9, perMinute: 1e9, concurrency: 1e6, timeoutMs: 600_000, cacheEntries: 0, busyShare: 1, queue: 1e6 };

interface Round { article: Load; search: Load | null; health: { p99: number; max: number; n: number; failed: number } }

async function probeHealth(url: string, until: () => boolean): Promise<Round['health']> {
  const times: number[] = [];
  let failed = 0;
  while (!until()) {
    const started = performance.now();
    const res = await fetch(url).catch(() => null);
    times.push(performance.now() - started);
    if (!res || res.status !== 200) failed++;
    await res?.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
  }
  times.sort((a, b) => a - b);
  return { p99: percentile(times, 0.99), max: times.at(-1) ?? NaN, n: times.length, failed };
}

async function round(base: string, articlePath: string, seconds: number, connections: number, search: { headers?: Record<string, string> } | null): Promise<Round> {
  let done = false;
  const health = probeHealth(`${base}/healthz`, () => done);
  const [article, flood] = await Promise.all([
    autocannon(base + articlePath, { connections, seconds }),
    search ? autocannon(`${base}/es/search?q=puerto+or+[<id>]`, { connections, seconds, unique: true, headers: search.headers }) : Promise.resolve(null),
  ]);
  done = true;
  return { article, search: flood, health: await health };
}

const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
const statuses = (l: Load) => Object.entries(l.statuses).map(([c, n]) => `${c}: ${n}`).join(', ');

export async function searchFlood(opts: { db: Db; site: SiteOptions; articlePath: string; seconds: number; connections: number; corpus: number }): Promise<boolean> {
  const started = Date.now();
  await seedSearchCorpus(opts.db, opts.corpus);
  console.log(`\nsearch flood: ${opts.corpus} more stories to search (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s); ` +
    `${opts.connections} connections of unique queries beside ${opts.connections} on the article, /healthz probed every 50 ms`);
  const servers = {
    off: await startWebServer({ db: opts.db, site: opts.site, host: '127.0.0.1', port: 0, routes: healthRoutes({ db: opts.db }), search: UNLIMITED, trustProxy: true }),
    on: await startWebServer({ db: opts.db, site: opts.site, host: '127.0.0.1', port: 0, routes: healthRoutes({ db: opts.db }), trustProxy: true }),
  };
  let ok = true;
  try {
    // A flood leaves queries queued on the database after the load stops: each round waits for
    // them to drain (a query queued behind them returns), so no round pays for the one before.
    const run = async (url: string, search: { headers?: Record<string, string> } | null) => {
      const r = await round(url, opts.articlePath, opts.seconds, opts.connections, search);
      await opts.db.query('SELECT 1');
      await new Promise((resolve) => setTimeout(resolve, 500));
      return r;
    };
    const quiet = await run(servers.on.url, null);
    const rows: Array<[string, Round]> = [['article alone (baseline)', quiet]];
    rows.push(['flood, one address', await run(servers.on.url, {})]);
    // Every request from another address (X-Forwarded-For through a trusted proxy): the rate
    // limit never applies, so only the concurrency gate and the timeout stand.
    rows.push(['flood, every request a new address', await run(servers.on.url, { headers: { 'x-forwarded-for': '[<id>]' } })]);
    // Last: what the limits prevent (its backlog would otherwise spill into the rounds after it).
    rows.push(['flood, limits off', await run(servers.off.url, {})]);
    const base = quiet.article.p99;
    for (const [name, r] of rows) {
      console.log(`  ${name}`);
      console.log(`    article  ${Math.round(r.article.rps).toString().padStart(6)} req/s  p99 ${ms(r.article.p99)}  (${(r.article.p99 / base).toFixed(1)}× the baseline's p99, ${(r.article.rps / quiet.article.rps).toFixed(2)}× its req/s)`);
      if (r.search) console.log(`    search   ${Math.round(r.search.rps).toString().padStart(6)} req/s  p99 ${ms(r.search.p99)}  (${statuses(r.search)})`);
      console.log(`    /healthz p99 ${ms(r.health.p99)}  max ${ms(r.health.max)}  (${r.health.n} probes${r.health.failed ? `, ${r.health.failed} not 200` : ''})`);
    }
    for (const [name, r] of rows.slice(1, 3)) {
      // Goal: pages and health stay fast during a flood (the article's p99 within 10 ms, health's within 100 ms).
      if (r.article.p99 > 10 || r.health.p99 > 100) {
        ok = false;
        console.log(`  goal missed in "${name}": article p99 ≤ 10 ms and /healthz p99 ≤ 100 ms`);
      }
    }
  } finally {
    await servers.off.close();
    await servers.on.close();
  }
  return ok;
}
