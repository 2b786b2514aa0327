import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { openTestDb } from '../helpers/test-db.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
}, 180_000);
afterAll(async () => db?.close());

describe('upsertSource', () => {
  it('keeps a paused source paused when the config file is read again at start (resume: false)', async () => {
    const row = await upsertSource(db, { url: 'https://outlet.example/feed.xml', name: 'Outlet' });
    await db.query('UPDATE sources SET enabled = false WHERE id = $1', [row.id]);
    const again = await upsertSource(db, { url: 'https://outlet.example/feed.xml', name: 'Outlet' }, { resume: false });
    expect(again.enabled).toBe(false);
  });

  it('resumes a paused source that is added again on purpose (source add, OPML import)', async () => {
    const row = await upsertSource(db, { url: 'https://other.example/feed.xml' });
    await db.query('UPDATE sources SET enabled = false WHERE id = $1', [row.id]);
    expect((await upsertSource(db, { url: 'https://other.example/feed.xml' })).enabled).toBe(true);
  });
});
