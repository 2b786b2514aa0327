import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { recordFetch, upsertSource, getSource } from '../../src/store/sources.ts';
import { isDeterministicDbError } from '../../src/store/db-errors.ts';
import { openTestDb } from '../helpers/test-db.ts';

// The last line against U+0000 (issue 15 item 1): PostgreSQL text and jsonb cannot hold it, and
// one NUL made a whole statement fail, the same way on every retry.
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());

it('strips U+0000 from text parameters, alone or in arrays, on both drivers', async () => {
  const { rows } = await db.query<{ a: string; b: string[] }>('SELECT $1::text AS a, $2::text[] AS b', ['Harbour\u0000 opens', ['x\u0000y', 'z']]);
  expect(rows[0]).toEqual({ a: 'Harbour opens', b: ['xy', 'z'] });
});

it('keeps U+0000 out of jsonb written from strings (feed warnings)', async () => {
  const source = await upsertSource(db, { url: 'https://nul.example/feed' });
  await recordFetch(db, source.id, { ok: true, nextFetchAt: new Date(), warnings: ['bad byte \u0000 at 12'] });
  expect((await getSource(db, source.id))!.warnings).toEqual(['bad byte  at 12']);
});

it('classifies the NUL error the database raises (when it gets one some other way) as one that will recur', async () => {
  const err = await db.query(`SELECT convert_from('\\x00'::bytea, 'UTF8')`).catch((e: unknown) => e);
  expect(isDeterministicDbError(err)).toBe(true);
  const unique = await db.query(`SELECT 1/0`).catch((e: unknown) => e); // 22012: data exception too
  expect(isDeterministicDbError(unique)).toBe(true);
  expect(isDeterministicDbError(new Error('connect ECONNREFUSED'))).toBe(false);
  expect(isDeterministicDbError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
});
