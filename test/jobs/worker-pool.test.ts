import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/domain/errors.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { startWorkerPool } from '../../src/jobs/worker-pool.ts';
import { createLogger } from '../../src/logger.ts';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.query('DELETE FROM jobs');
});

const log = createLogger({ level: 'silent' });
const state = async (key: string) =>
  (await db.query<{ state: string; attempts: number; last_error: string | null }>('SELECT state, attempts, last_error FROM jobs WHERE key = $1', [key])).rows[0];

it('retries a transient failure until it succeeds, and fails a permanent one at once, keeping its error', async () => {
  const queue = new JobQueue(db);
  let calls = 0;
  const pool = startWorkerPool({
    queue,
    log,
    concurrency: 2,
    pollMs: 20,
    retryBaseMs: 10,
    handlers: {
      flaky: async () => {
        if (++calls < 3) throw new TransientError('engine down', 'test.down');
      },
      doomed: async () => {
        throw new PermanentError('page gone', 'test.gone');
      },
    },
  });
  await queue.enqueue({ kind: 'flaky', key: 'flaky:1' });
  await queue.enqueue({ kind: 'doomed', key: 'doomed:1' });
  await waitFor('both jobs to settle', async () => (await state('flaky:1'))?.state === 'done' && (await state('doomed:1'))?.state === 'failed', 15_000, 50);
  await pool.stop();
  expect(await state('flaky:1')).toMatchObject({ state: 'done', attempts: 3 });
  expect(await state('doomed:1')).toMatchObject({ state: 'failed', attempts: 1, last_error: 'page gone' });
});

it('finishes the jobs in hand before stop() resolves', async () => {
  const queue = new JobQueue(db);
  let finished = false;
  const pool = startWorkerPool({
    queue,
    log,
    concurrency: 1,
    pollMs: 20,
    handlers: {
      slow: async () => {
        await new Promise((r) => setTimeout(r, 300));
        finished = true;
      },
    },
  });
  await queue.enqueue({ kind: 'slow', key: 'slow:1' });
  await waitFor('the job to start', async () => (await state('slow:1'))?.state === 'running', 5000, 10);
  await pool.stop();
  expect(finished).toBe(true);
  expect(await state('slow:1')).toMatchObject({ state: 'done' });
});
