import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLocalToken } from '../../src/admin/api/local-token-file.ts';
import { reachData } from '../../src/cli/reach-data.ts';
import { configSchema } from '../../src/config/schema.ts';
import { LOCK_FILE, type LockHolder } from '../../src/store/data-dir-lock.ts';
import { openDb } from '../../src/store/open-db.ts';

/**
 * How a command chooses its way to the data, from the folder's lock file: itself, the running
 * server's API, or a one-line refusal. The holder here is pid 1 (always alive), written by hand.
 */
const root = mkdtempSync(join(tmpdir(), 'tw-reach-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folderHeldBy(name: string, holder: Partial<LockHolder>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, command: 'transwire run', started_at: '2026-12-04T10:00:00.000Z', host: hostname(), proc_start: null, url: null, ...holder }));
  return dir;
}

const configFor = (dataDir: string, url: string | null = null) => configSchema.parse({ database: { dataDir, url } });
const open = (dataDir: string) => () => openDb({ databaseUrl: null, dataDir });

describe('reachData', () => {
  it('goes through the server named in the lock, with the token beside it', async () => {
    const dir = folderHeldBy('served', { url: 'http://127.0.0.1:8181' });
    writeLocalToken(dir);
    const reached = await reachData(configFor(dir), open(dir));
    expect(reached.direct).toBeUndefined();
    expect(reached.server?.url).toBe('http://127.0.0.1:8181');
  });

  it('refuses, naming the holder, when it has no web server: a worker, or a server still starting', async () => {
    const worker = folderHeldBy('worker', { command: 'transwire worker' });
    await expect(reachData(configFor(worker), open(worker))).rejects.toThrow(`the database in ${worker} is in use by transwire worker, pid 1`);
    const starting = folderHeldBy('starting', {});
    await expect(reachData(configFor(starting), open(starting))).rejects.toThrow(
      `the database in ${starting} is in use by transwire run, pid 1, which has not opened its web server yet: try again once it listens`,
    );
  });

  it('never sends the token to a server on another machine (a shared folder)', async () => {
    const dir = folderHeldBy('remote', { url: 'http://127.0.0.1:8181', host: 'elsewhere.example' });
    writeLocalToken(dir);
    await expect(reachData(configFor(dir), open(dir))).rejects.toThrow(/in use by transwire run, pid 1 on elsewhere\.example/);
  });

  it('never follows a lock file another user wrote (it could point anywhere)', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test changes a file\'s owner: run the suite as root (the container does)');
    const dir = folderHeldBy('foreign', { url: 'http://127.0.0.1:8181' });
    writeLocalToken(dir);
    chownSync(join(dir, LOCK_FILE), 12345, 12345);
    await expect(reachData(configFor(dir), open(dir))).rejects.toThrow(`refusing to send the local admin token: ${join(dir, LOCK_FILE)} belongs to uid 12345, not to this user (uid 0)`);
  });

  it('refuses when the server\'s token file is missing, saying so', async () => {
    const dir = folderHeldBy('no-token', { url: 'http://127.0.0.1:8181' });
    await expect(reachData(configFor(dir), open(dir))).rejects.toThrow(`refusing the local admin token: ${join(dir, 'admin-token')} is missing`);
  });
});
