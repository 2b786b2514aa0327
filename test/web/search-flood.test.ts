import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { SearchGuard, DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../../src/web/search-guard.ts';
import { createSiteApp, type SiteApp, type SiteReply } from '../../src/web/site-app.ts';
import { seedSearchCorpus } from './seed-search-corpus.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

// Issue 15 item 8: a flood of unique searches from ever new addresses (per-address limits never
// apply) must not take the web process's thread from pages and health checks.

const ok = (): SiteReply => ({ status: 200, headers: {}, body: Buffer.from('results') });

describe('SearchGuard on the embedded database', () => {
  /** A guard on a clock the test moves; each search "takes" `costMs` of it. */
  function guard(limits: Partial<SearchLimits>) {
    let now = 0;
    const g = new SearchGuard({ ...DEFAULT_SEARCH_LIMITS, burst: 1e6, perMinute: 1e6, ...limits }, { embedded: true, now: () => now });
    const search = (key: string, costMs: number) => g.run(`198.51.100.${key.length}`, key, async () => {
      now += costMs;
      return ok();
    });
    return { search, advance: (ms: number) => (now += ms) };
  }

  it('answers 503 with Retry-After once searches have taken their share of the time, and runs them again later', async () => {
    // 0.2 of the time: five seconds' worth (1,000 ms) at most in a burst, then 200 ms a second.
    const { search, advance } = guard({ busyShare: 0.2 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await search(`q${i}`, 300)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 503, 503]);
    const refused = await search('q9', 300);
    expect(refused.status).toBe(503);
    // 1,000 ms, plus 0.2 of the 1,200 ms they ran, less 4 × 300: 20 ms over at 200 ms a second.
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body!.toString()).toMatch(/search is busy/i);
    advance(2000);
    expect((await search('q10', 100)).status).toBe(200);
  });

  it('while over budget, a query answered before gets its last answer, not a refusal', async () => {
    const { search, advance } = guard({ busyShare: 0.2, cacheEntries: 10 });
    expect((await search('puerto', 1100)).status).toBe(200);
    advance(61_000); // past the answer's minute; the budget refilled
    expect((await search('other', 3000)).status).toBe(200); // spends it all
    const again = await search('puerto', 10);
    expect(again.status).toBe(200);
    expect(again.body!.toString()).toBe('results');
    expect((await search('new one', 10)).status).toBe(503);
  });

  it('runs one search at a time and lets only `queue` wait; the rest are refused at once', async () => {
    let running = 0;
    let most = 0;
    const g = new SearchGuard({ ...DEFAULT_SEARCH_LIMITS, burst: 1e6, perMinute: 1e6, concurrency: 4, queue: 2, busyShare: 1 }, { embedded: true });
    const slow = (i: number) => g.run(`192.0.2.${i}`, `q${i}`, async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
      return ok();
    });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => slow(i)));
    expect(most).toBe(1); // `concurrency` is for a database server; here one at a time
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 503, 503, 503]);
  });
});

describe('a search flood beside page requests, in one process', () => {
  let db: Db;
  let app: SiteApp;
  let articlePath: string;
  /** Time spent in search statements (on the embedded database: time the thread was theirs). */
  let searchMs = 0;
  let longestSearchMs = 0;
  const BUSY_SHARE = 0.1;

  /** The database with the time of every search statement added up. */
  function timed(base: Db): Db {
    return {
      ...base,
      kind: base.kind,
      query: async (sql, params) => {
        if (!sql.includes('websearch_to_tsquery')) return base.query(sql, params);
        const started = performance.now();
        try {
          return await base.query(sql, params);
        } finally {
          const ms = performance.now() - started;
          searchMs += ms;
          longestSearchMs = Math.max(longestSearchMs, ms);
        }
      },
      transaction: (fn) => base.transaction((tx) => fn(timed(tx))),
    };
  }

  beforeAll(async () => {
    db = await openTestDb();
    const { pubs } = await seedSite(db);
    await seedSearchCorpus(db, 300);
    articlePath = pubs.get('port:es')!.path;
    await createRenderSiteHandler({ db, site: SITE })({ lang: 'es', publicationId: pubs.get('port:es')!.id, reason: 'publish' });
    app = createSiteApp({ db: timed(db), site: SITE, search: { busyShare: BUSY_SHARE } });
    await app.start();
    await app.refresh();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /**
   * Readers ask for the article every 2 ms (a page is a lookup in memory); returns how many were
   * answered in `ms` and their p99 latency, counted from when each was due.
   */
  async function readArticles(ms: number, readers = 4): Promise<{ answered: number; p99: number }> {
    const until = performance.now() + ms;
    const latencies: number[] = [];
    await Promise.all(Array.from({ length: readers }, async () => {
      let due = performance.now();
      while (due < until) {
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const res = await app.fetch(new Request(`http://site.test${articlePath}`));
        expect(res.status).toBe(200);
        latencies.push(performance.now() - due);
        due = Math.max(due + 2, performance.now());
      }
    }));
    latencies.sort((a, b) => a - b);
    return { answered: latencies.length, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN };
  }

  it('searches take no more than their share of the thread; the excess is shed with 503 and Retry-After; pages are answered', async () => {
    const quiet = await readArticles(1000);
    let stop = false;
    let n = 0;
    const statuses = new Map<number, number>();
    const retryAfter = new Set<string | null>();
    searchMs = 0;
    const started = performance.now();
    // Six clients, each request from a new address with a new query (a network lets other I/O
    // in between requests: so does nextTurn).
    const flood = Promise.all(Array.from({ length: 6 }, async () => {
      while (!stop) {
        n++;
        const res = await app.fetch(new Request(`http://site.test/es/search?q=${encodeURIComponent(`puerto or nota${n}`)}`), { address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 503) retryAfter.add(res.headers.get('retry-after'));
        await res.arrayBuffer();
        await nextTurn();
      }
    }));
    const flooded = await readArticles(4000);
    stop = true;
    await flood;
    const floodMs = performance.now() - started;
    console.log(`search flood (${db.kind}, loaded machine): articles ${quiet.answered} in 1 s alone (p99 ${quiet.p99.toFixed(1)} ms), ` +
      `${flooded.answered} in 4 s of flood (p99 ${flooded.p99.toFixed(1)} ms, ${(flooded.answered / 4 / quiet.answered).toFixed(2)}× the quiet rate); ` +
      `searches ${JSON.stringify(Object.fromEntries(statuses))}, ${Math.round(searchMs)} ms of ${Math.round(floodMs)} in search statements`);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 200 || s === 503)).toBe(true);
    expect(flooded.answered).toBeGreaterThan(0);
    if (db.kind === 'pglite') {
      // On the embedded database search statements hold the thread: together no more than
      // their share of the time, plus the budget's burst (five seconds' share) and the one
      // search that may overrun it. Without the budget they held it nearly all the time.
      expect(searchMs).toBeLessThan(BUSY_SHARE * floodMs + BUSY_SHARE * 5000 + longestSearchMs * 2);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(statuses.get(200) ?? 0);
      expect([...retryAfter].every((v) => Number(v) >= 1)).toBe(true);
    }
  }, 60_000);
});
