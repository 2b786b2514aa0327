import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { PermanentError } from '../domain/errors.ts';
import { libpqConnection } from './libpq-connection.ts';

const run = promisify(execFile);

/** The major version of a client tool (`pg_dump (PostgreSQL) 15.18` → 15), or a clear error when it is missing. */
async function toolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  try {
    const { stdout } = await run(tool, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout);
    if (!m) throw new Error(`unexpected version line: ${stdout.trim()}`);
    return Number(m[1]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PermanentError(`backup: ${tool} is not installed (Debian: apt-get install postgresql-client, of the server's major version or newer)`, 'backup_tool_missing');
    }
    throw err;
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function serverMajor(url: string): Promise<number> {
  const v = await withClient(url, (c) => c.query<{ v: string }>('SHOW server_version_num'));
  return Math.floor(Number(v.rows[0]!.v) / 10000);
}

/** pg_dump in its custom format; refused when pg_dump is older than the server (it would fail half-way, or worse). */
export async function pgDump(url: string, file: string): Promise<void> {
  const [tool, server] = await Promise.all([toolMajor('pg_dump'), serverMajor(url)]);
  if (tool < server) {
    throw new PermanentError(`backup: pg_dump ${tool} is older than the PostgreSQL ${server} server: install postgresql-client-${server}`, 'backup_tool_too_old');
  }
  const { env, conninfo } = libpqConnection(url);
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, ...(conninfo ? [`--dbname=${conninfo}`] : [])], { env, maxBuffer: 16 * 1024 * 1024 });
}

/** pg_restore into an empty database (a restore never mixes with existing rows). */
export async function pgRestore(url: string, file: string): Promise<void> {
  await toolMajor('pg_restore');
  const tables = await withClient(url, (c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`));
  if (tables.rows[0]!.n > 0) {
    throw new PermanentError('restore: the database (database.url) is not empty: create a new one (createdb) and restore into it', 'restore_not_empty');
  }
  const { env, conninfo } = libpqConnection(url);
  if (!env.PGDATABASE) throw new PermanentError('restore: database.url names no database (postgres://…/NAME)', 'restore_no_database');
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${conninfo}`, file], { env, maxBuffer: 16 * 1024 * 1024 });
}
