import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libpqConnection } from '../../src/store/libpq-connection.ts';
import { pgDump } from '../../src/store/pg-dump.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

const only = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('PG')));

describe('libpqConnection: database.url as pg_dump and pg_restore take it', () => {
  it('passes every libpq parameter of the URL, the password by the environment only', () => {
    const { env, conninfo } = libpqConnection(
      'postgres://tw%40news:p%3Aw%27d@db.example:6543/my%20site?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem&sslcert=/etc/ssl/c.pem&sslkey=/etc/ssl/c.key' +
        '&application_name=transwire&connect_timeout=5&options=-c%20statement_timeout%3D0&target_session_attrs=read-write&keepalives=1&tcp_user_timeout=9000',
      {},
    );
    expect(only(env)).toEqual({
      PGHOST: 'db.example',
      PGPORT: '6543',
      PGUSER: 'tw@news',
      PGPASSWORD: "p:w'd",
      PGDATABASE: 'my site',
      PGSSLMODE: 'verify-full',
      PGSSLROOTCERT: '/etc/ssl/ca.pem',
      PGSSLCERT: '/etc/ssl/c.pem',
      PGSSLKEY: '/etc/ssl/c.key',
      PGAPPNAME: 'transwire',
      PGCONNECT_TIMEOUT: '5',
      PGOPTIONS: '-c statement_timeout=0',
      PGTARGETSESSIONATTRS: 'read-write',
    });
    // What has no environment variable goes on the command line, and never a secret.
    expect(conninfo).toBe("dbname='my site' keepalives='1' tcp_user_timeout='9000'");
  });

  it.each([
    ['an IPv6 address', 'postgres://u@[::1]:5433/d', { PGHOST: '::1', PGPORT: '5433', PGUSER: 'u', PGDATABASE: 'd' }],
    ['a socket folder as ?host=, the host part empty', 'postgres://u@/d?host=/var/run/postgresql', { PGHOST: '/var/run/postgresql', PGUSER: 'u', PGDATABASE: 'd' }],
    ['a socket folder escaped in the host part', 'postgres://u@%2Fvar%2Frun%2Fpostgresql/d', { PGHOST: '/var/run/postgresql', PGUSER: 'u', PGDATABASE: 'd' }],
    ['query parameters winning over the URL, as node-postgres reads it', 'postgres://u:x@a.example:1/d?host=b.example&port=2&user=v&password=y', { PGHOST: 'b.example', PGPORT: '2', PGUSER: 'v', PGPASSWORD: 'y', PGDATABASE: 'd' }],
    ["node-postgres's sslmode=no-verify (TLS, certificate not checked)", 'postgres://h/d?sslmode=no-verify', { PGHOST: 'h', PGDATABASE: 'd', PGSSLMODE: 'require' }],
    ["node-postgres's ssl=true", 'postgres://h/d?ssl=true', { PGHOST: 'h', PGDATABASE: 'd', PGSSLMODE: 'require' }],
  ])('%s', (_what, url, want) => {
    expect(only(libpqConnection(url, {}).env)).toEqual(want);
  });

  it('refuses sslpassword, which only a command line (seen by every process listing) could carry', () => {
    expect(() => libpqConnection('postgres://h/d?sslpassword=secret', {})).toThrow(/sslpassword/);
  });
});

describe.runIf(onPostgres)('transwire backup on a PostgreSQL server (pg_dump)', { timeout: 120_000 }, () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  const dir = mkdtempSync(join(tmpdir(), 'transwire-pg-dump-'));

  async function database(): Promise<URL> {
    const created = await createTestDatabase();
    drops.push(created.drop);
    return new URL(created.url);
  }

  it('reaches the server the URL names by its query parameters alone (?host=&port=, the host part empty)', async () => {
    const url = await database();
    const byQuery = `postgres://${url.username}@/${url.pathname.slice(1)}?host=${url.hostname}&port=${url.port}&application_name=transwire-backup&connect_timeout=10`;
    const file = join(dir, 'by-query.dump');
    await pgDump(byQuery, file);
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  /** A transwire.yaml for the database; `bin` is all the PATH the command gets. */
  async function backupWith(bin: string) {
    const url = await database();
    const config = join(dir, `transwire-${drops.length}.yaml`);
    writeFileSync(config, `database:\n  url: ${url.href}\nmedia:\n  dir: ${join(dir, 'media')}\n`);
    return runCli(['--config', config, 'backup', join(dir, `site-${drops.length}.tar.gz`)], { env: { PATH: bin } });
  }

  it('without pg_dump, says where to run it: the database’s own container, or a client of its version', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'transwire-no-tools-'));
    const res = await backupWith(empty);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/^transwire: backup: pg_dump is not installed here/);
    expect(res.stderr).toMatch(/postgresql-client-\d+/);
    expect(res.stderr).toContain('docker compose exec -T postgres pg_dump');
    expect(res.stderr).toMatch(/postgres:\d+/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('with a pg_dump older than the server, refuses and says the same', async () => {
    // A stand-in that answers --version as a PostgreSQL 9.6 client would (no such client is installed).
    const old = mkdtempSync(join(tmpdir(), 'transwire-old-pg-dump-'));
    writeFileSync(join(old, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    chmodSync(join(old, 'pg_dump'), 0o755);
    const res = await backupWith(`${old}:/usr/bin:/bin`);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/^transwire: backup: pg_dump 9 is older than the PostgreSQL \d+ server/);
    expect(res.stderr).toContain('docker compose exec -T postgres pg_dump');
    expect(existsSync(join(dir, `site-${drops.length}.tar.gz`))).toBe(false);
  });
});
