import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { PermanentError } from '../domain/errors.ts';
import { libpqConnection } from './libpq-connection.ts';

const run = promisify(execFile);

/** The major version of a client tool (`pg_dump (PostgreSQL) 15.18` → 15), or null when it is not installed. */
async function toolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number | null> {
  try {
    const { stdout } = await run(tool, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout);
    if (!m) throw new Error(`unexpected version line: ${stdout.trim()}`);
    return Number(m[1]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Where a client that can talk to a PostgreSQL `server` is. Not in transwire's Docker image:
 * Debian 12's client is 15, older than the compose file's server (17), and an older pg_dump
 * refuses a newer server. The server's own container always has the right one.
 */
function whereToRun(tool: 'pg_dump' | 'pg_restore', server: number): string {
  const inCompose = tool === 'pg_dump'
    ? 'docker compose exec -T postgres pg_dump --format=custom -U transwire transwire > site.dump'
    : 'docker compose exec -T postgres pg_restore --no-owner -U transwire -d transwire < site.dump';
  return `install postgresql-client-${server} (apt.postgresql.org; Debian 12's own is 15), or run ${tool} where one is: in Docker Compose, the database's container (${inCompose}) or a one-off postgres:${server} container; docs/deployment.md, "Backup and restore"`;
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
  const v = await withClient(url, (c) => c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v"));
  return Math.floor(Number(v.rows[0]!.v) / 10000);
}

/** pg_dump in its custom format; refused when pg_dump is older than the server (it would fail half-way, or worse). */
export async function pgDump(url: string, file: string): Promise<void> {
  const [tool, server] = await Promise.all([toolMajor('pg_dump'), serverMajor(url)]);
  if (tool === null) throw new PermanentError(`backup: pg_dump is not installed here: ${whereToRun('pg_dump', server)}`, 'backup_tool_missing');
  if (tool < server) {
    throw new PermanentError(`backup: pg_dump ${tool} is older than the PostgreSQL ${server} server (it refuses to dump a newer one): ${whereToRun('pg_dump', server)}`, 'backup_tool_too_old');
  }
  const { env, conninfo } = libpqConnection(url);
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, ...(conninfo ? [`--dbname=${conninfo}`] : [])], { env, maxBuffer: 16 * 1024 * 1024 });
}

/** pg_restore into an empty database (a restore never mixes with existing rows). */
export async function pgRestore(url: string, file: string): Promise<void> {
  const [tool, server] = await Promise.all([toolMajor('pg_restore'), serverMajor(url)]);
  if (tool === null) throw new PermanentError(`restore: pg_restore is not installed here: ${whereToRun('pg_restore', server)}`, 'backup_tool_missing');
  const tables = await withClient(url, (c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`));
  if (tables.rows[0]!.n > 0) {
    throw new PermanentError('restore: the database (database.url) is not empty: create a new one (createdb) and restore into it', 'restore_not_empty');
  }
  const { env, conninfo } = libpqConnection(url);
  if (!env.PGDATABASE) throw new PermanentError('restore: database.url names no database (postgres://…/NAME)', 'restore_no_database');
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${conninfo}`, file], { env, maxBuffer: 16 * 1024 * 1024 });
}
