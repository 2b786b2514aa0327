import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { findTokenBySecret } from '../../src/admin/auth/api-tokens.ts';
import { announceFirstAdmin, FIRST_ADMIN_HINT } from '../../src/admin/auth/first-admin.ts';
import { verifyPassword } from '../../src/admin/auth/password.ts';
import { listAudit } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { findUserByEmail } from '../../src/store/users.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

vi.setConfig({ testTimeout: 300_000 });
const dir = mkdtempSync(join(tmpdir(), 'tw-user-cli-'));
const config = join(dir, 'transwire.yaml');
let databaseUrl: string | null = null;
let drop = async () => {};

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl, dataDir: join(dir, 'db') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  if (onPostgres) ({ url: databaseUrl, drop } = await createTestDatabase());
  writeFileSync(config, stringify({ database: { url: databaseUrl, dataDir: join(dir, 'db') } }));
});
afterAll(async () => drop());

/**
 * A command run in this process, its stdout captured: a real `transwire` process takes half a
 * minute to start on a loaded two-core machine, so only the stdin case below runs as one.
 */
async function cli(command: 'user' | 'token', argv: string[]): Promise<string> {
  const run = (await (command === 'user' ? import('../../src/cli/user.ts') : import('../../src/cli/token.ts'))).default;
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    expect(await run([...argv, '--config', config])).toBe(0);
    return out;
  } finally {
    spy.mockRestore();
  }
}

it('the first start without an admin says how to make one; with one, nothing', async () => {
  const lines: string[] = [];
  const log = { warn: (_f: object, msg: string) => void lines.push(msg) };
  await withDb((db) => announceFirstAdmin(db, log, 'http://127.0.0.1:8080'));
  expect(lines).toEqual([FIRST_ADMIN_HINT]);
  expect(FIRST_ADMIN_HINT).toContain('transwire user add you@example.org --role admin');
});

it('user add prints a one-time password (or takes one from stdin); list, reset, remove; each change audited', async () => {
  const add = await cli('user', ['add', 'Ann@Example.org', '--role', 'admin']);
  const password = add.split('\n')[1]!;
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  // A real process, the password piped in as a script would.
  const piped = await runCli(['user', 'add', 'bob@example.org', '--role', 'editor', '--password-stdin', '--config', config], { input: 'bobs own password\n' });
  expect(piped.stderr).toBe('');
  expect(piped.code).toBe(0);
  expect(piped.stdout).toBe('added bob@example.org (editor) with the password read from stdin\n');

  await expect(cli('user', ['add', 'carol@example.org', '--role', 'boss'])).rejects.toThrow('the role must be viewer, editor, admin, not "boss"');
  await expect(cli('user', ['add', 'carol@example.org'])).rejects.toThrow('--role admin|editor|viewer is required');
  expect(await cli('user', ['list'])).toBe('ann@example.org\tadmin\t(one-time password not yet changed)\nbob@example.org\teditor\n');
  await expect(cli('user', ['remove', 'ann@example.org'])).rejects.toThrow('last admin');

  await withDb(async (db) => {
    const ann = (await findUserByEmail(db, 'ann@example.org'))!;
    expect(await verifyPassword(password, ann.password_hash)).toBe(true);
    expect(ann.must_change_password).toBe(true);
    const bob = (await findUserByEmail(db, 'bob@example.org'))!;
    expect(await verifyPassword('bobs own password', bob.password_hash)).toBe(true);
    expect(bob.must_change_password).toBe(false);
  });
  expect(await cli('user', ['reset', 'bob@example.org'])).toMatch(/^new one-time password for bob@example.org, shown only now:\n[A-Za-z0-9]{20}\n/);
  expect(await cli('user', ['remove', 'bob@example.org'])).toBe('removed bob@example.org; their sessions have ended\n');
  await withDb(async (db) => {
    expect(await findUserByEmail(db, 'bob@example.org')).toBeNull();
    const actions = (await listAudit(db, { actor: 'local-cli' })).map((r) => `${r.action} ${r.target}`);
    expect(actions).toEqual(['user.remove user:bob@example.org', 'user.reset user:bob@example.org', 'user.add user:bob@example.org', 'user.add user:ann@example.org']);
  });
});

it('token add prints the token once; list never shows it; revoke stops it', async () => {
  const token = (await cli('token', ['add', 'newsroom-bot', '--role', 'editor', '--scopes', 'takedowns,review'])).split('\n')[1]!;
  expect(token).toMatch(/^tw_/);
  const list = await cli('token', ['list']);
  expect(list).toMatch(/^\d+\tnewsroom-bot\teditor\ttakedowns,review\tnever used\n$/);
  expect(list).not.toContain(token);
  expect(await withDb((db) => findTokenBySecret(db, token))).toMatchObject({ name: 'newsroom-bot', role: 'editor', scopes: ['takedowns', 'review'] });
  expect(await cli('token', ['revoke', 'newsroom-bot'])).toBe('revoked token newsroom-bot\n');
  expect(await withDb((db) => findTokenBySecret(db, token))).toBeNull();
  await expect(cli('token', ['add', 'x y', '--role', 'viewer'])).rejects.toThrow("a token's name is");
});
