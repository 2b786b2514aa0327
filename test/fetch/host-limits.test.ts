import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { acquireHostSlot, deferHost, type HostSlot } from '../../src/store/host-limits.ts';
import { openDb } from '../../src/store/open-db.ts';
import { createTestDatabase, onPostgres, openTestDb } from '../helpers/test-db.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

const isSlot = (x: HostSlot | { waitMs: number }): x is HostSlot => 'release' in x;

describe('acquireHostSlot', () => {
  it('gives out at most `concurrency` slots, and a released slot is free again', async () => {
    const opts = { concurrency: 2, minIntervalMs: 0 };
    const a = await acquireHostSlot(db, 'c.example', opts);
    const b = await acquireHostSlot(db, 'C.EXAMPLE', opts); // host names are case-insensitive
    const c = await acquireHostSlot(db, 'c.example', opts);
    expect(isSlot(a) && isSlot(b)).toBe(true);
    expect(c).toEqual({ waitMs: expect.any(Number) });
    expect((c as { waitMs: number }).waitMs).toBeGreaterThan(0);
    // Another host is not affected.
    expect(isSlot(await acquireHostSlot(db, 'other.example', opts))).toBe(true);
    await (a as HostSlot).release();
    await (a as HostSlot).release(); // twice is harmless
    expect(isSlot(await acquireHostSlot(db, 'c.example', opts))).toBe(true);
  });

  it('spaces request starts by minIntervalMs and says how long to wait', async () => {
    const opts = { concurrency: 10, minIntervalMs: 300 };
    const first = await acquireHostSlot(db, 'i.example', opts);
    expect(isSlot(first)).toBe(true);
    const second = await acquireHostSlot(db, 'i.example', opts);
    expect(isSlot(second)).toBe(false);
    const { waitMs } = second as { waitMs: number };
    expect(waitMs).toBeGreaterThan(100);
    expect(waitMs).toBeLessThanOrEqual(300);
    await sleep(waitMs + 5);
    expect(isSlot(await acquireHostSlot(db, 'i.example', opts))).toBe(true);
  });

  it('reclaims the slot of a holder that died, after its lease', async () => {
    const opts = { concurrency: 1, minIntervalMs: 0, leaseMs: 200 };
    expect(isSlot(await acquireHostSlot(db, 'dead.example', opts))).toBe(true); // never released
    const blocked = await acquireHostSlot(db, 'dead.example', opts);
    expect(isSlot(blocked)).toBe(false);
    expect((blocked as { waitMs: number }).waitMs).toBeLessThanOrEqual(200);
    await sleep(250);
    expect(isSlot(await acquireHostSlot(db, 'dead.example', opts))).toBe(true);
  });

  it('defers a whole host after a Retry-After, never earlier than already set, capped', async () => {
    const opts = { concurrency: 4, minIntervalMs: 0 };
    await deferHost(db, 'slow.example', new Date(Date.now() + 400));
    const held = await acquireHostSlot(db, 'slow.example', opts);
    expect(isSlot(held)).toBe(false);
    expect((held as { waitMs: number }).waitMs).toBeGreaterThan(250);
    await deferHost(db, 'slow.example', new Date(Date.now() + 10)); // does not shorten the wait
    expect(isSlot(await acquireHostSlot(db, 'slow.example', opts))).toBe(false);
    await sleep(450);
    expect(isSlot(await acquireHostSlot(db, 'slow.example', opts))).toBe(true);
    await deferHost(db, 'parked.example', new Date(Date.now() + 365 * 86_400_000), { maxMs: 1000 });
    const parked = await acquireHostSlot(db, 'parked.example', opts);
    expect((parked as { waitMs: number }).waitMs).toBeLessThanOrEqual(1000);
  });

  it('holds under many workers racing for one host', async () => {
    const stats = await race([db], 'race.example', { concurrency: 3, minIntervalMs: 20 }, 8, 30);
    expect(stats.maxInFlight).toBeLessThanOrEqual(3);
    expect(stats.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(stats.minSpacingMs).toBeGreaterThanOrEqual(19); // ms rounding of a µs clock
  });
});

describe.runIf(onPostgres)('acquireHostSlot across processes (two connection pools, one server)', () => {
  it('holds concurrency and spacing across pools', async () => {
    const { url, drop } = await createTestDatabase();
    const one = await openDb({ databaseUrl: url, dataDir: '' });
    const two = await openDb({ databaseUrl: url, dataDir: '' });
    try {
      const stats = await race([one, two], 'pg.example', { concurrency: 2, minIntervalMs: 25 }, 10, 30);
      expect(stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(stats.minSpacingMs).toBeGreaterThanOrEqual(24);
      expect(stats.maxInFlight).toBeGreaterThanOrEqual(2);
    } finally {
      await one.close();
      await two.close();
      await drop();
    }
  });
});

/**
 * `workers` loops spread over `dbs`, each doing requests of ~60 ms until `total` are done.
 * In-flight is counted from acquire's return to release's call, inside the DB-held interval, so
 * the count can only under-state the truth; spacing uses the DB clock the limit is kept on.
 */
async function race(
  dbs: Db[],
  host: string,
  opts: { concurrency: number; minIntervalMs: number },
  workers: number,
  total: number,
): Promise<{ maxInFlight: number; minSpacingMs: number }> {
  let inFlight = 0;
  let maxInFlight = 0;
  let done = 0;
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const conn = dbs[w % dbs.length]!;
      while (done + inFlight < total) {
        const slot = await acquireHostSlot(conn, host, opts);
        if (!isSlot(slot)) {
          await sleep(Math.min(slot.waitMs, 50));
          continue;
        }
        starts.push(slot.acquiredAt.getTime());
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(60);
        inFlight--;
        done++;
        await slot.release();
      }
    }),
  );
  starts.sort((a, b) => a - b);
  const spacing = starts.slice(1).map((t, i) => t - starts[i]!);
  return { maxInFlight, minSpacingMs: Math.min(...spacing) };
}
