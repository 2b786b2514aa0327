import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import { stringify } from 'yaml';
import { startNewsroom, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

let newsroom: Newsroom;
let config: string;
let dropDb = async () => {};

beforeAll(async () => {
  newsroom = await startNewsroom({ initialCount: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'tw-source-'));
  let url: string | null = null;
  if (onPostgres) ({ url, drop: dropDb } = await createTestDatabase());
  config = join(dir, 'transwire.yaml');
  writeFileSync(config, stringify({ database: { url, dataDir: join(dir, 'db') }, fetch: { allowPrivate: [new URL(newsroom.url).host] } }));
});
afterAll(async () => {
  await newsroom?.close();
  await dropDb();
});

it('adds a source from a page that links to its feed, lists it with its state, exports OPML and removes it', async () => {
  const add = await runCli(['source', 'add', `${newsroom.url}/`, '--name', 'Gazette', '--lang', 'en', '--config', config]);
  expect(add.stderr).toBe('');
  expect(add.code).toBe(0);
  // The home page is not a feed: the first feed it links to is taken, the others are offered.
  expect(add.stdout).toMatch(/added source 1: http:\/\/127\.0\.0\.1:\d+\/feed\.(rss|atom)/);
  expect(add.stdout).toContain('other feed offered by the page');

  const list = await runCli(['source', 'list', '--config', config]);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/1\tnew\tGazette\thttp/);
  expect(list.stdout).toContain('next fetch');

  const opml = await runCli(['source', 'export', '--config', config]);
  expect(opml.stdout).toContain('<opml');
  expect(opml.stdout).toContain('/feed.');

  const remove = await runCli(['source', 'remove', '1', '--config', config]);
  expect(remove.code).toBe(0);
  expect((await runCli(['source', 'list', '--config', config])).stdout).toContain('no sources yet');
});

it('says clearly when a URL has no feed', async () => {
  const res = await runCli(['source', 'add', `${newsroom.url}/static/site.css`, '--config', config]);
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/no feed found/);
});
