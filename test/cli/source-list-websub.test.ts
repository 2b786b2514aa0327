import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { markWebSubVerified, recordWebSubPush, requestWebSub } from '../../src/store/websub-subscriptions.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

vi.setConfig({ testTimeout: 120_000 });

let config: string;
let dropDb = async () => {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-source-websub-'));
  let url: string | null = null;
  if (onPostgres) ({ url, drop: dropDb } = await createTestDatabase());
  config = join(dir, 'transwire.yaml');
  writeFileSync(config, stringify({ database: { url, dataDir: join(dir, 'db') } }));
  // Written before the CLI runs: PGlite's data dir is one process at a time.
  const app = await createApp(loadConfig({ path: config }));
  try {
    await upsertSource(app.db, { url: 'https://plain.example/feed.xml', name: 'Plain' });
    const pushed = await upsertSource(app.db, { url: 'https://pushed.example/feed.xml', name: 'Pushed' });
    const pending = await upsertSource(app.db, { url: 'https://pending.example/feed.xml', name: 'Pending' });
    await requestWebSub(app.db, { sourceId: pushed.id, hub: 'https://hub.example/', topic: pushed.url, secret: 'never-printed' });
    const verifiedAt = new Date('2030-01-01T00:00:00Z');
    await markWebSubVerified(app.db, pushed.id, { mode: 'subscribe', leaseSeconds: 86_400, verifiedAt, expiresAt: new Date('2030-01-02T00:00:00Z'), renewAt: null });
    await recordWebSubPush(app.db, pushed.id, true);
    await recordWebSubPush(app.db, pushed.id, false);
    await requestWebSub(app.db, { sourceId: pending.id, hub: 'https://hub.example/', topic: pending.url, secret: 'never-printed' });
  } finally {
    await app.close();
  }
});
afterAll(() => dropDb());

it('source list shows each WebSub subscription under its source, keeping the first line as it was', async () => {
  const { code, stdout, stderr } = await runCli(['source', 'list', '--config', config]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).not.toContain('never-printed');
  const blocks = stdout.split(/\n(?=\d+\t)/);
  const block = (name: string) => blocks.find((b) => b.split('\n')[0]?.includes(`\t${name}\t`)) ?? '';
  expect(block('Plain')).toMatch(/^\d+\tnew\tPlain\thttps:\/\/plain\.example\/feed\.xml\n/);
  expect(block('Plain')).not.toContain('websub');
  expect(block('Pushed')).toMatch(/^\d+\tnew\tPushed\thttps:\/\/pushed\.example\/feed\.xml\n/);
  expect(block('Pushed')).toMatch(/\n\twebsub active via https:\/\/hub\.example\/, lease until 2030-01-02T00:00:00\.000Z, last push \d{4}-.*, pushes 1 \(1 rejected\)/);
  expect(block('Pending')).toMatch(/\n\twebsub pending via https:\/\/hub\.example\/, lease until -, last push -, pushes 0\n/);

  const json = await runCli(['source', 'list', '--json', '--config', config]);
  const rows = JSON.parse(json.stdout) as { name: string; websub: { state: string; pushes: number } | null }[];
  expect(rows.find((r) => r.name === 'Pushed')?.websub).toMatchObject({ state: 'active', pushes: 1, rejectedPushes: 1 });
  expect(rows.find((r) => r.name === 'Plain')?.websub).toBeNull();
  expect(json.stdout).not.toContain('never-printed');
});
