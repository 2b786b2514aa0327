import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError, ThrottledError, TransientError } from '../../src/domain/errors.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { backoffMs, decideRetry } from '../../src/jobs/retry-policy.ts';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.query('DELETE FROM jobs');
});

async function jobRow(key: string) {
  return (await db.query<{ state: string; attempts: number; last_error: string | null; run_at: Date }>('SELECT * FROM jobs WHERE key = $1 ORDER BY id', [key])).rows;
}

describe('JobQueue', () => {
  it('keeps one queued job per key (idempotent enqueue)', async () => {
    const q = new JobQueue(db);
    expect(await q.enqueue({ kind: 'k', key: 'k:1' })).toBe(true);
    expect(await q.enqueue({ kind: 'k', key: 'k:1' })).toBe(false);
    expect(await jobRow('k:1')).toHaveLength(1);
  });

  it('enqueues in the caller transaction: a rollback loses the row and the job together', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO stories DEFAULT VALUES");
        await JobQueue.enqueue(tx, { kind: 'k', key: 'k:tx' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await jobRow('k:tx')).toHaveLength(0);
  });

  it('takes the better priority first among jobs that came due together', async () => {
    const q = new JobQueue(db);
    await q.enqueue({ kind: 'extract', key: 'extract:1', priority: 50 });
    await q.enqueue({ kind: 'poll', key: 'poll:1', priority: 20 });
    const [job] = await q.claim(['poll', 'extract'], 1);
    expect(job?.key).toBe('poll:1');
  });

  it('ages waiting jobs, so a flood of polls never starves an extract that waited longer than its head start', async () => {
    const q = new JobQueue(db);
    for (let i = 0; i < 50; i++) await q.enqueue({ kind: 'poll', key: `poll:${i}`, priority: 20 });
    await q.enqueue({ kind: 'extract', key: 'extract:old', priority: 50, runAt: new Date(Date.now() - 60_000) });
    await q.enqueue({ kind: 'extract', key: 'extract:new', priority: 50 });
    // 60 s overdue beats a fresh poll (50 - 60 < 20); the fresh extract still waits its 30 s.
    expect((await q.claim(['poll', 'extract'], 1)).map((j) => j.key)).toEqual(['extract:old']);
    expect((await q.claim(['poll', 'extract'], 1)).map((j) => j.key)).toEqual(['poll:0']);
  });

  it('never hands one job to two workers, and never runs one key twice at once', async () => {
    const a = new JobQueue(db, { workerId: 'a' });
    const b = new JobQueue(db, { workerId: 'b' });
    await a.enqueue({ kind: 'k', key: 'k:2' });
    const [first, second] = await Promise.all([a.claim(['k'], 5), b.claim(['k'], 5)]);
    expect(first.length + second.length).toBe(1);
    // New work for the same key arrives while it runs: queued, but not claimable until it ends.
    expect(await a.enqueue({ kind: 'k', key: 'k:2' })).toBe(true);
    expect(await b.claim(['k'], 5)).toHaveLength(0);
  });

  it('gives a job whose lease expired (worker killed) to another worker', async () => {
    const dead = new JobQueue(db, { workerId: 'dead', leaseSeconds: 1 });
    const alive = new JobQueue(db, { workerId: 'alive' });
    await dead.enqueue({ kind: 'k', key: 'k:3' });
    expect(await dead.claim(['k'], 1)).toHaveLength(1);
    expect(await alive.claim(['k'], 1)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1200));
    const [job] = await alive.claim(['k'], 1);
    expect(job?.attempts).toBe(2);
    await alive.complete(job!);
    expect((await jobRow('k:3'))[0]?.state).toBe('done');
  });

  it('retries with backoff, then keeps the failed job with its error', async () => {
    const q = new JobQueue(db);
    await q.enqueue({ kind: 'k', key: 'k:4', maxAttempts: 2 });
    let [job] = await q.claim(['k'], 1);
    const retry = decideRetry(new TransientError('down', 'x'), job!.attempts);
    expect(await q.retryOrFail(job!, 'down', { ...retry!, runAt: new Date(Date.now() - 1) })).toBe('retry');
    [job] = await q.claim(['k'], 1);
    expect(job?.attempts).toBe(2);
    expect(await q.retryOrFail(job!, 'still down', decideRetry(new TransientError('d', 'x'), job!.attempts))).toBe('failed');
    expect(await jobRow('k:4')).toMatchObject([{ state: 'failed', last_error: 'still down' }]);
    await q.pruneDone(0);
    expect(await jobRow('k:4')).toHaveLength(1);
  });

  it('does not spend an attempt when throttled, and never retries a permanent error', async () => {
    const q = new JobQueue(db);
    await q.enqueue({ kind: 'k', key: 'k:5' });
    const [job] = await q.claim(['k'], 1);
    const at = new Date(Date.now() + 60_000);
    const decision = decideRetry(new ThrottledError('429', 'x', at), job!.attempts);
    expect(decision).toEqual({ runAt: at, countAttempt: false });
    await q.retryOrFail(job!, '429', decision);
    expect(await jobRow('k:5')).toMatchObject([{ state: 'queued', attempts: 0 }]);
    expect(decideRetry(new PermanentError('404', 'x'), 1)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('grows exponentially with jitter between half and all of the step, and is capped', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
