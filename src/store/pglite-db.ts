import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult } from './db.ts';
import { stripNul } from './sql-params.ts';

// bigserial ids fit in a double for any realistic lifetime of a news wire; plain numbers keep the
// two drivers alike (node-postgres is told the same in postgres-db.ts).
const parsers = { [types.INT8]: (value: string) => Number(value) };

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function adapter(conn: Queryable, root: PGlite | null): Db {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const result = await conn.query<T>(sql, stripNul(params), { parsers });
      // PGlite's affectedRows is 0 for a SELECT: rowCount is the rows it returned, as node-postgres has it.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async exec(sql: string): Promise<void> {
      await conn.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      // Already inside a transaction: PGlite has one connection, so just carry on in it.
      if (!root) return fn(this);
      return root.transaction((tx) => fn(adapter(tx, null)));
    },
    async close(): Promise<void> {
      if (root) await root.close();
    },
  };
}

/** PGlite (PostgreSQL in WASM) with its data in `dataDir`, or in memory for `memory://`. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  const pg = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  return adapter(pg, pg);
}
