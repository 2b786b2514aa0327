import pg from 'pg';
import type { Db, QueryResult } from './db.ts';
import { stripNul } from './sql-params.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

type Client = pg.Pool | pg.PoolClient;

function adapter(conn: Client, pool: pg.Pool | null, onError?: (err: Error) => void): Db {
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const result = await conn.query(sql, stripNul(params));
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await conn.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (!pool) return fn(this);
      const client = await pool.connect();
      // A checked-out client has none of the pool's listeners: a connection that dies between two
      // statements (a server restart) emits 'error' on it, and with nobody listening that ends the
      // process. The transaction fails instead, and the dead client is destroyed, not pooled again.
      let broken: Error | undefined;
      const onClientError = (err: Error) => {
        broken = err;
        onError?.(err);
      };
      client.on('error', onClientError);
      try {
        await client.query('BEGIN');
        const result = await fn(adapter(client, null));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken ??= rollbackErr));
        throw err;
      } finally {
        client.off('error', onClientError);
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      if (pool) await pool.end();
    },
  };
}

export interface PostgresOptions {
  maxConnections?: number;
  onError?: (err: Error) => void;
}

/** A pooled connection to a PostgreSQL server. */
export async function openPostgresDb(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.maxConnections ?? 10 });
  // Without this handler an idle client's error (server restart) kills the process.
  pool.on('error', (err) => opts.onError?.(err));
  await pool.query('SELECT 1');
  return adapter(pool, pool, opts.onError);
}
