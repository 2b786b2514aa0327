import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import type { TranslatedArticle } from '../../src/domain/translation.ts';
import { upsertArticle } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { insertItemIfNew } from '../../src/store/items.ts';
import { openDb } from '../../src/store/open-db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { upsertTranslation } from '../../src/store/translations.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

vi.setConfig({ testTimeout: 180_000 });
const dir = mkdtempSync(join(tmpdir(), 'tw-review-'));
const config = join(dir, 'transwire.yaml');
let databaseUrl: string | null = null;
let dropDb = async () => {};
let translationId = 0;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl, dataDir: join(dir, 'db') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  if (onPostgres) ({ url: databaseUrl, drop: dropDb } = await createTestDatabase());
  writeFileSync(config, stringify({ database: { url: databaseUrl, dataDir: join(dir, 'db') } }));
  translationId = await withDb(async (db) => {
    const source = await upsertSource(db, { url: 'https://wire.example/feed.xml', name: 'Wire' });
    const item = (await insertItemIfNew(db, { sourceId: source.id, guid: 'g1', url: 'https://wire.example/a', urlKey: 'wire.example/a', title: 'A', summary: null, publishedAt: null }))!;
    const article = await upsertArticle(db, {
      item_id: item.id, source_id: source.id, url: 'https://wire.example/a', canonical_url: null, title: 'Ceasefire reported',
      byline: null, published_at: new Date('2026-11-02T10:00:00Z'), modified_at: null, lang: 'en', dir: 'ltr', site_name: 'Wire',
      category: null, image_url: null, image_caption: null, excerpt: null, html: '<p>Tass quoted Grigoryan.</p>', text: 'Tass quoted Grigoryan.', content_hash: 'h1',
    });
    const t: TranslatedArticle = {
      lang: 'es', title: 'Alto el fuego', excerpt: null, html: '<p>Tass citó a Tass.</p>', text: 'Tass citó a Tass.', engine: 'fake', engineVersion: '1', nameRenderings: {},
      checks: { ok: false, findings: [{ check: 'repetition', severity: 'error', segment: 0, source: 'Tass quoted Grigoryan.', target: 'Tass citó a Tass.', detail: '"Tass" 2× in the translation, 1× in the source' }] },
      cost: { engine: 'fake', characters: 22, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null },
    };
    return (await upsertTranslation(db, article.id, t, 'hold', 'held', 'hold: repetition (error)')).id;
  });
});
afterAll(async () => dropDb());

it('lists held translations with their reason, publishes one on approval, and queues a retranslation', async () => {
  const list = await runCli(['review', 'list', '--config', config]);
  expect(list.code).toBe(0);
  expect(list.stdout).toContain('Alto el fuego');
  expect(list.stdout).toContain('reason: hold: repetition (error)');
  expect(list.stdout).toContain('original: https://wire.example/a');

  const retranslate = await runCli(['review', 'retranslate', String(translationId), '--engine', 'apertium', '--config', config]);
  expect(retranslate.code).toBe(0);
  const approve = await runCli(['review', 'approve', String(translationId), '--config', config]);
  expect(approve.stdout).toMatch(/published at \/es\/2026\/11\/alto-el-fuego/);

  const after = await withDb(async (db) => ({
    status: (await db.query<{ status: string }>('SELECT status FROM translations WHERE id = $1', [translationId])).rows[0]!.status,
    publications: (await db.query<{ path: string }>('SELECT path FROM publications')).rows,
    jobs: (await db.query<{ kind: string; payload: { engine: string; force: boolean } }>(`SELECT kind, payload FROM jobs ORDER BY id`)).rows,
  }));
  expect(after.status).toBe('approved');
  expect(after.publications).toEqual([{ path: '/es/2026/11/alto-el-fuego' }]);
  expect(after.jobs.map((j) => j.kind)).toEqual(['translate', 'render']);
  expect(after.jobs[0]!.payload).toMatchObject({ engine: 'apertium', force: true });
  expect((await runCli(['review', 'list', '--config', config])).stdout).toContain('nothing held for review');
});
