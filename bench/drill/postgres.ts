/**
 * The drill's own PostgreSQL server, started with scripts/start-postgres.sh on a port of its own
 * (the test server on 54329 is shared by every test run on the machine: restarting it mid-drill
 * would break them). A fresh cluster per run, removed at the end.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface DrillPostgres {
  /** postgres://… of a fresh database on the server. */
  createDatabase(name: string): Promise<string>;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when it resolves. */
  restart(): Promise<number>;
  stop(): Promise<void>;
}

function pgBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  if (!versions.length) throw new Error('drill: PostgreSQL is not installed (apt-get install -y postgresql)');
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

export async function startDrillPostgres(port: number): Promise<DrillPostgres> {
  const env = { ...process.env, PGPORT_TEST: String(port), PGDATA_TEST: `/tmp/transwire-drill-pg-${port}` };
  const script = new URL('../../scripts/start-postgres.sh', import.meta.url).pathname;
  let admin: string;
  try {
    // A cluster left by an interrupted run is removed first: each run starts from an empty server.
    await run('bash', [script, 'stop'], { env });
    admin = (await run('bash', [script], { env })).stdout.trim();
  } catch (err) {
    throw new Error(`drill: could not start PostgreSQL on port ${port} with scripts/start-postgres.sh: ${(err as Error).message}`);
  }
  const asPostgres = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--']] as const : null;
  const pgCtl = (args: string[]) => {
    const cmd = [`${pgBin()}/pg_ctl`, '-D', env.PGDATA_TEST, ...args];
    return asPostgres ? run(asPostgres[0], [...asPostgres[1], ...cmd]) : run(cmd[0]!, cmd.slice(1));
  };
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async restart() {
      const t0 = Date.now();
      // -l: the server's output goes to its log, not to this pipe (which would then never close).
      await pgCtl(['-l', `${env.PGDATA_TEST}/server.log`, '-m', 'fast', '-w', 'restart']);
      return Date.now() - t0;
    },
    async stop() {
      await run('bash', [script, 'stop'], { env }).catch(() => undefined);
    },
  };
}
