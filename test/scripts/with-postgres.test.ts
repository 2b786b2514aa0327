import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

// A port and folder of its own: the suite's shared server (54329) is never touched.
const env = { ...process.env, PGPORT_TEST: '54341', PGDATA_TEST: '/tmp/transwire-pg-scripts-test', TEST_DATABASE_URL: '' };

function sh(script: string, args: string[] = []): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('bash', [script, ...args], { env, timeout: 120_000 }, (err, stdout) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout }));
  });
}
const running = async () => (await sh('scripts/start-postgres.sh', ['status'])).code === 0;

afterAll(async () => {
  await sh('scripts/start-postgres.sh', ['stop']);
});

describe('scripts/with-postgres.sh (npm test\'s PostgreSQL run)', () => {
  it('starts a server for the command and stops it (and removes its folder) when it started it', async () => {
    if (!existsSync('/usr/lib/postgresql')) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
    expect(await running()).toBe(false);
    const run = await sh('scripts/with-postgres.sh', ['sh', '-c', 'echo "$TEST_DATABASE_URL"; bash scripts/start-postgres.sh status && exit 3']);
    expect(run.stdout.trim()).toBe('postgres://postgres@127.0.0.1:54341/postgres');
    // The command's own exit status comes through (3: it ran while the server was up).
    expect(run.code).toBe(3);
    expect(await running()).toBe(false);
    expect(existsSync('/tmp/transwire-pg-scripts-test')).toBe(false);
  }, 180_000);

  it('leaves a server that was already running as it was', async () => {
    await sh('scripts/start-postgres.sh');
    expect(await running()).toBe(true);
    const run = await sh('scripts/with-postgres.sh', ['true']);
    expect(run.code).toBe(0);
    expect(await running()).toBe(true);
  }, 180_000);
});
