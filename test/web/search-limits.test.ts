import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { clientKey, RateLimiter } from '../../src/web/rate-limit.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { onPostgres } from '../helpers/test-db.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

let db: Db;
let searches = 0;
let delayMs = 0;
let serverSleepS = 0;
let failWith: Error | null = null;
/** The database with every search counted (and slowed when asked): what the guard must spare. */
let counted: Db;

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  counted = wrap(db);
});

function wrap(base: Db): Db {
  return {
    ...base,
    kind: base.kind,
    query: async (sql, params) => {
      if (sql.includes('ts_rank_cd')) { // the search itself, once per search (not each snippet's statement)
        searches++;
        if (failWith) throw failWith;
        // A slow query on the server itself, inside the search's own transaction.
        if (serverSleepS) await base.query(`SELECT pg_sleep(${serverSleepS})`);
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      }
      return base.query(sql, params);
    },
    transaction: (fn) => base.transaction((tx) => fn(wrap(tx))),
  };
}
afterAll(async () => {
  await db.close();
});

async function withApp<T>(search: Parameters<typeof createSiteApp>[0]['search'], fn: (app: SiteApp) => Promise<T>): Promise<T> {
  // The time budget is test/web/search-flood.test.ts's subject: here it never binds.
  const app = createSiteApp({ db: counted, site: SITE, search: { busyShare: 1, ...search } });
  await app.start();
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

const search = (app: SiteApp, q: string, address = '203.0.113.7') =>
  app.fetch(new Request(`http://site.test/es/search?q=${encodeURIComponent(q)}`), { address });

describe('search limits', () => {
  it('refuses an address past its burst with 429 and Retry-After; another address still searches', async () => {
    await withApp({ burst: 3, perMinute: 6 }, async (app) => {
      for (let i = 0; i < 3; i++) expect((await search(app, `puerto ${i}`)).status).toBe(200);
      const refused = await search(app, 'puerto 3');
      expect(refused.status).toBe(429);
      // One token per 10 s at 6 a minute, less what refilled while the three ran (a loaded machine).
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(5);
      expect(wait).toBeLessThanOrEqual(10);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect((await search(app, 'puerto 3', '198.51.100.1')).status).toBe(200);
      // Pages are not searches: the limited address still reads the site.
      expect((await app.fetch(new Request('http://site.test/es/'), { address: '203.0.113.7' })).status).toBe(200);
    });
  });

  it('answers a recent identical query from memory, without the database and without spending a token', async () => {
    await withApp({ burst: 1, perMinute: 1 }, async (app) => {
      const before = searches;
      const first = await search(app, 'peajes puente');
      expect(first.status).toBe(200);
      const again = await search(app, '  peajes   puente ');
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(await first.text());
      expect(searches - before).toBe(1);
      expect((await search(app, 'otra cosa')).status).toBe(429);
    });
  });

  it('runs at most `concurrency` searches at once; one that cannot start within timeoutMs is 503 busy', async () => {
    delayMs = 300;
    try {
      await withApp({ burst: 100, concurrency: 1, timeoutMs: 100 }, async (app) => {
        const answers = await Promise.all(['a1', 'a2', 'a3'].map((q, i) => search(app, q, `192.0.2.${i}`)));
        expect(answers.map((r) => r.status).sort()).toEqual([200, 503, 503]);
        const busy = answers.find((r) => r.status === 503)!;
        expect(busy.headers.get('retry-after')).toBe('2');
        // The refused ones gave back nothing they did not hold: the slot is free again.
        expect((await search(app, 'a4', '192.0.2.9')).status).toBe(200);
      });
    } finally {
      delayMs = 0;
    }
  });

  it('keeps pages fast while searches queue', async () => {
    delayMs = 200;
    try {
      await withApp({ burst: 100, concurrency: 1, timeoutMs: 5000 }, async (app) => {
        await app.fetch(new Request('http://site.test/es/'));
        const flood = Array.from({ length: 5 }, (_, i) => search(app, `q${i}`, `192.0.2.${i}`));
        const started = Date.now();
        expect((await app.fetch(new Request('http://site.test/es/'))).status).toBe(200);
        expect(Date.now() - started).toBeLessThan(150);
        await Promise.all(flood);
      });
    } finally {
      delayMs = 0;
    }
  });
});

describe('search statement timeout', () => {
  it('a search cancelled by its timeout (SQLSTATE 57014) answers 503 busy, not 500', async () => {
    failWith = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    try {
      await withApp({}, async (app) => {
        const res = await search(app, 'cancelado');
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('2');
      });
    } finally {
      failWith = null;
    }
  });

  it.runIf(onPostgres)('on a PostgreSQL server a search past timeoutMs is cancelled by the server', async () => {
    serverSleepS = 2;
    try {
      await withApp({ timeoutMs: 300 }, async (app) => {
        const started = Date.now();
        const res = await search(app, 'lento');
        expect(res.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(1500);
      });
    } finally {
      serverSleepS = 0;
    }
  });
});

describe('RateLimiter', () => {
  it('refills at perMinute and tells the wait in whole seconds', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 60, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 1]);
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
  });

  it('forgets the least recently seen address past maxKeys', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a')).toBe(0);
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});
