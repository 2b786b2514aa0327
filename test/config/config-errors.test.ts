import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, MAX_YAML_ALIASES } from '../../src/config/load-config.ts';
import { databaseError } from '../../src/startup-error.ts';
import { runCli } from '../helpers/run-cli.ts';
import { onPostgres } from '../helpers/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'tw-config-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function problemsOf(path: string): string[] {
  try {
    loadConfig({ path, env: {} });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('no error');
}

const BOMB = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

describe('configuration mistakes', { timeout: 300_000 }, () => {
  it('invalid YAML names the line and the problem', () => {
    expect(problemsOf(file('bad.yaml', 'site:\n  name: "Noticias\nserver:\n  port: 1\n'))).toEqual([expect.stringMatching(/^line \d+, column \d+: .*quote/i)]);
    expect(problemsOf(file('flow.yaml', 'a: [1, 2\nb: c\n'))[0]).toMatch(/^line 2, column 1: /);
  });

  it('refuses a YAML alias bomb by its limit, quickly', () => {
    const started = performance.now();
    expect(problemsOf(file('bomb.yaml', BOMB))).toEqual([expect.stringContaining(`more than ${MAX_YAML_ALIASES} uses`)]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('names an unknown setting where it is, with the key probably meant', () => {
    const problems = problemsOf(file('typo.yaml', 'sever:\n  port: 1\nfetch:\n  alowPrivate: []\nsources:\n  - url: http://a.example/\n    nme: A\n'));
    expect(problems).toEqual(
      expect.arrayContaining([
        'sever: unknown setting (did you mean "server"?)',
        'fetch.alowPrivate: unknown setting (did you mean "allowPrivate"?)',
        'sources[0].nme: unknown setting (did you mean "name"?)',
      ]),
    );
  });

  it('prints each problem as one line naming the file, exit 1, no stack trace', async () => {
    const path = file('cli.yaml', 'server:\n  prot: 9\n');
    const res = await runCli(['config', '--config', path]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`transwire: config ${path}: server.prot: unknown setting (did you mean "port"?)\n`);
    const yaml = await runCli(['config', '--config', file('cli-bad.yaml', 'a: [1\n')]);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/^transwire: config \S+cli-bad\.yaml: line \d+, column \d+: [^\n]+\n$/);
  });

  it('an unreachable database, or a role that does not exist, is one line naming database.url without the password', async () => {
    const refused = await runCli(['migrate'], { env: { DATABASE_URL: 'postgres://tw:hunter2@127.0.0.1:1/tw' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('transwire: database.url: cannot connect to postgres://tw:********@127.0.0.1:1/tw: connection refused (is PostgreSQL running there?)\n');
    if (onPostgres) {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = 'no_such_role_tw';
      url.password = '';
      const role = await runCli(['migrate'], { env: { DATABASE_URL: url.toString() } });
      expect(role.code).toBe(1);
      expect(role.stderr).toMatch(/^transwire: database\.url: cannot use postgres:\/\/no_such_role_tw@[^:]+:\d+\/\S*: role "no_such_role_tw" does not exist\n$/);
    }
  });

  it('a data folder that cannot be written names database.dataDir', () => {
    // As root every folder is writable, so the mapping of the error itself is checked here; the
    // real "a file is in the way" runs as a process in test/cli/startup-failures.test.ts.
    for (const code of ['EACCES', 'EROFS']) {
      expect(databaseError(Object.assign(new Error('x'), { code }), { url: null, dataDir: '/srv/tw' }).message).toBe(`database.dataDir: /srv/tw is not writable (${code})`);
    }
  });
});
