import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startNewsroom, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { getSource } from '../../src/store/sources.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

/**
 * The newsroom's broken feed (a PHP fatal error, then XML cut short) used to be listed as `ok`,
 * "warnings: 7", named after the wreck of its title ("The Northbridge Gazette &"), with no way
 * to read the warnings.
 */
let newsroom: Newsroom;
let config: string;
let dir: string;
let dropDb = async () => {};

beforeAll(async () => {
  newsroom = await startNewsroom({ initialCount: 1 });
  dir = mkdtempSync(join(tmpdir(), 'tw-broken-'));
  let url: string | null = null;
  if (onPostgres) ({ url, drop: dropDb } = await createTestDatabase());
  config = join(dir, 'transwire.yaml');
  writeFileSync(
    config,
    stringify({
      database: { url, dataDir: join(dir, 'db') },
      fetch: { allowPrivate: [new URL(newsroom.url).host], respectRobots: false },
      sources: [{ url: newsroom.brokenFeedUrl }],
      worker: { pollMs: 100 },
    }),
  );
});
afterAll(async () => {
  await newsroom?.close();
  await dropDb();
  rmSync(dir, { recursive: true, force: true });
});

it('lists an unreadable feed as failing with its error, and `source show` prints it in full', { timeout: 300_000 }, async () => {
  const app = await createApp(loadConfig({ path: config, env: {}, overrides: (raw) => ({ ...raw, log: { level: 'silent' } }) }));
  try {
    await app.start(['scheduler', 'worker']);
    for (let i = 0; i < 600; i++) {
      const s = await getSource(app.db, 1);
      if (s && s.status !== 'new') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await app.close();
  }
  const list = await runCli(['source', 'list', '--config', config]);
  expect(list.code, list.stderr).toBe(0);
  expect(list.stdout).toMatch(/^1\tfailing\t-\thttp:\/\/127\.0\.0\.1:\d+\/broken\.xml\n/);
  expect(list.stdout).toContain('last error: feed: nothing readable in it: ');
  expect(list.stdout).not.toContain('Gazette &');

  const show = await runCli(['source', 'show', '1', '--config', config]);
  expect(show.code, show.stderr).toBe(0);
  expect(show.stdout).toMatch(/^status +failing$/m);
  expect(show.stdout).toMatch(/^last error +feed: nothing readable in it: .*unclosed element <title>.*unclosed element <rss>/m);
  const missing = await runCli(['source', 'show', '7', '--config', config]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toBe('transwire: source show: no source 7 (transwire source list shows them)\n');
});
