import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskMediaFiles } from '../../src/media/media-files.ts';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { createSiteApp } from '../../src/web/site-app.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { seedSite, SITE } from '../web/seed-site.ts';

/** A site's configuration: its database (a PGlite folder, or a PostgreSQL database) and its media folder. */
interface Site {
  config: string;
  media: string;
  open(): Promise<Db>;
}

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function newSite(name: string): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), `transwire-${name}-`));
  const media = join(dir, 'media');
  const dataDir = join(dir, 'db');
  let url: string | null = null;
  if (onPostgres) {
    const created = await createTestDatabase();
    url = created.url;
    drops.push(created.drop);
  }
  const config = join(dir, 'transwire.yaml');
  writeFileSync(config, `database:\n  url: ${url ?? 'null'}\n  dataDir: ${dataDir}\nmedia:\n  dir: ${media}\n`);
  return { config, media, open: () => openDb({ databaseUrl: url, dataDir }) };
}

/** Status and body of a few pages, as the web app serves them. */
async function snapshot(db: Db, paths: string[]): Promise<Array<{ path: string; status: number; body: string }>> {
  const app = createSiteApp({ db, site: SITE });
  await app.start();
  try {
    const out = [];
    for (const path of paths) {
      const res = await app.fetch(new Request(`http://site.test${path}`));
      out.push({ path, status: res.status, body: await res.text() });
    }
    return out;
  } finally {
    await app.close();
  }
}

describe(`transwire backup and restore (${onPostgres ? 'PostgreSQL, pg_dump' : 'PGlite'})`, { timeout: 600_000 }, () => {
  it('restores into an empty database a site that serves the same pages, with its media files', async () => {
    const from = await newSite('backup-from');
    const db = await from.open();
    const seeded = await seedSite(db);
    const paths = [...[...seeded.pubs.values()].slice(0, 3).map((p) => p.path), '/es/', '/es/feed.xml', '/es/no-such-page'];
    const before = await snapshot(db, paths);
    await db.close();
    expect(before.filter((p) => p.status === 200).length).toBeGreaterThanOrEqual(4);
    const image = Buffer.from('image bytes');
    await diskMediaFiles(from.media).put(`${'c'.repeat(64)}-480.webp`, image);

    const file = join(mkdtempSync(join(tmpdir(), 'transwire-backup-file-')), 'site.tar.gz');
    const made = await runCli(['--config', from.config, 'backup', file]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^backup: .*site\.tar\.gz/);

    const to = await newSite('backup-to');
    const restored = await runCli(['--config', to.config, 'restore', file]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await diskMediaFiles(to.media).get(`${'c'.repeat(64)}-480.webp`)).toEqual(image);

    const db2 = await to.open();
    try {
      expect(await snapshot(db2, paths)).toEqual(before);
    } finally {
      await db2.close();
    }
    // A second restore onto the same database is refused: restores never mix with existing rows.
    const again = await runCli(['--config', to.config, 'restore', file]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/restore: .*not empty/);
  });

  it('says what is wrong with a file that is not a backup', async () => {
    const site = await newSite('backup-bad');
    const bad = join(mkdtempSync(join(tmpdir(), 'transwire-bad-')), 'x.tar.gz');
    writeFileSync(bad, 'not a tarball');
    const res = await runCli(['--config', site.config, 'restore', bad]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/restore: .*not a transwire backup/);
    mkdirSync(site.media, { recursive: true });
    expect(readdirSync(site.media)).toEqual([]);
  });
});
