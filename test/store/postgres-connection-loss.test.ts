import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { openPostgresDb } from '../../src/store/postgres-db.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

// The fault drill (npm run drill:short) restarted PostgreSQL under two workers and both died:
// "Unhandled 'error' event … terminating connection due to administrator command". A client
// checked out for a transaction has none of the pool's listeners; its connection dying between
// two statements emitted 'error' on it with nobody listening, which ends the process.
describe.runIf(onPostgres)('a PostgreSQL connection lost in the middle of a transaction', () => {
  let url: string;
  let drop = async () => {};
  let db: Db;
  const reported: string[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    db = await openPostgresDb(url, { onError: (err) => reported.push(err.message) });
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it('fails that transaction, keeps the process alive, and the next query gets a good connection', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await expect(
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          // The server ends this connection while the transaction waits between two statements
          // (as on a restart: the FATAL arrives with no query running).
          await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
          await new Promise((r) => setTimeout(r, 300));
          await tx.query('SELECT 1');
        }),
      ).rejects.toThrow();
      expect(reported.some((m) => /terminating connection/.test(m))).toBe(true);
      // The dead client is not handed out again: every pooled connection answers.
      const answers = await Promise.all(Array.from({ length: 10 }, () => db.query<{ one: number }>('SELECT 1 AS one')));
      expect(answers.map((a) => a.rows[0]!.one)).toEqual(Array(10).fill(1));
    } finally {
      await admin.end();
    }
  });
});
