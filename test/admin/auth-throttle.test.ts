import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { consoleHarness } from './auth-harness.ts';

/**
 * Login throttling is counted in the database, so it holds across web processes and restarts.
 * On a PostgreSQL server two handles are open at once (two processes); on PGlite, whose folder
 * one process holds at a time, the second handle opens the folder after the first closed it (a
 * restart).
 */
let url: string | null = null;
let drop = async () => {};
const dir = mkdtempSync(join(tmpdir(), 'tw-throttle-'));
const open = () => openDb({ databaseUrl: url, dataDir: join(dir, 'db') });

beforeAll(async () => {
  if (onPostgres) ({ url, drop } = await createTestDatabase());
});
afterAll(async () => drop());

/** Runs `fn` on handle one, then on handle two (both open on a server; one after the other on PGlite). */
async function twoHandles(first: (db: Db) => Promise<void>, second: (db: Db) => Promise<void>): Promise<void> {
  const one = await open();
  try {
    await first(one);
    if (!onPostgres) await one.close();
    const two = await open();
    try {
      await second(two);
    } finally {
      await two.close();
    }
  } finally {
    if (onPostgres) await one.close();
  }
}

it('5 failures for one account lock it for 15 minutes, from any process, even with the right password', async () => {
  let lockedAt = new Date();
  await twoHandles(
    async (db) => {
      const h = consoleHarness(db);
      await h.addUser('target@newsroom.example', 'editor', 'the right password');
      // Four addresses, so only the account's count can be what answers.
      for (let i = 0; i < 5; i++) expect((await h.logIn('target@newsroom.example', `guess ${i}`, { address: `192.0.2.${i}` })).status).toBe(401);
      lockedAt = h.clock.now;
    },
    async (db) => {
      const h = consoleHarness(db);
      h.clock.now = new Date(lockedAt.getTime() + 60_000);
      const res = await h.logIn('target@newsroom.example', 'the right password', { address: '192.0.2.99' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(13 * 60);
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      expect(await res.text()).toContain('Too many failed attempts');
      // Another account from the same address is not affected.
      await h.addUser('other@newsroom.example', 'editor', 'other right password');
      expect((await h.logIn('other@newsroom.example', 'other right password', { address: '192.0.2.99' })).status).toBe(303);
      // After the window the right password works again, and a success starts the count over.
      h.clock.now = new Date(lockedAt.getTime() + 16 * 60_000);
      expect((await h.logIn('target@newsroom.example', 'the right password', { address: '192.0.2.99' })).status).toBe(303);
      expect((await h.logIn('target@newsroom.example', 'one more wrong', { address: '192.0.2.99' })).status).toBe(401);
    },
  );
}, 240_000);

it('20 failures from one address refuse it for every account, unknown ones too', async () => {
  let at = new Date();
  await twoHandles(
    async (db) => {
      const h = consoleHarness(db);
      h.clock.now = at = new Date('2026-12-02T10:00:00Z');
      for (let i = 0; i < 20; i++) expect((await h.logIn(`nobody-${i}@newsroom.example`, 'guess', { address: '198.51.100.66' })).status).toBe(401);
    },
    async (db) => {
      const h = consoleHarness(db);
      h.clock.now = new Date(at.getTime() + 1000);
      await h.addUser('victim@newsroom.example', 'viewer', 'victim right password');
      expect((await h.logIn('victim@newsroom.example', 'victim right password', { address: '198.51.100.66' })).status).toBe(429);
      expect((await h.logIn('victim@newsroom.example', 'victim right password', { address: '198.51.100.67' })).status).toBe(303);
    },
  );
}, 240_000);
