import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';

/** True when this run of the suite is the PostgreSQL-server run (scripts/test.sh sets it). */
export const onPostgres = process.env.TRANSWIRE_TEST_DB === 'postgres';

/**
 * A fresh, migrated database for one test file: PGlite in memory, or — in the PostgreSQL run —
 * a new database on the test server, dropped again by close().
 */
export async function openTestDb(): Promise<Db> {
  if (!onPostgres) return openDb({ databaseUrl: null, dataDir: 'memory://' });
  const { url, drop } = await createTestDatabase();
  const db = await openDb({ databaseUrl: url, dataDir: '' });
  const close = db.close.bind(db);
  return Object.assign(db, { close: async () => { await close(); await drop(); } });
}

/** A new empty database on the test server; for tests that start processes of their own. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    throw new Error('TRANSWIRE_TEST_DB=postgres needs TEST_DATABASE_URL (scripts/start-postgres.sh starts a server)');
  }
  const name = `tw_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
