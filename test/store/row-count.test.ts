import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';

// rowCount means what node-postgres says it means on both drivers: rows returned by a SELECT, rows
// changed by an UPDATE/INSERT/DELETE. PGlite reported 0 for every SELECT, so a handler asking
// "is this already done?" by rowCount was told "no" and did the work again.
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  await db.exec('CREATE TABLE row_count_probe (id int PRIMARY KEY, v text)');
});
afterAll(async () => db?.close());

it('counts the rows a SELECT returns', async () => {
  expect((await db.query('SELECT g FROM generate_series(1, 3) g')).rowCount).toBe(3);
  expect((await db.query('SELECT 1 WHERE false')).rowCount).toBe(0);
});

it('counts the rows an INSERT, UPDATE or DELETE changed, with or without RETURNING', async () => {
  expect((await db.query("INSERT INTO row_count_probe VALUES (1, 'a'), (2, 'b')")).rowCount).toBe(2);
  expect((await db.query("UPDATE row_count_probe SET v = 'c'")).rowCount).toBe(2);
  expect((await db.query("UPDATE row_count_probe SET v = 'd' WHERE id = 1 RETURNING id")).rowCount).toBe(1);
  expect((await db.query('DELETE FROM row_count_probe WHERE id = 9')).rowCount).toBe(0);
  expect((await db.query('DELETE FROM row_count_probe')).rowCount).toBe(2);
});
