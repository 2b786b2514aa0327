import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { COUNT_CAP, listReviewQueue, parseQueueKey, queueKeyText, type ReviewFilter } from '../../src/store/review-queue.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { seedArticle } from '../admin/editorial-context.ts';

// The review queue holds two kinds of entry — translations (held, or flagged and unreviewed) and
// source updates the gate held — in one order, oldest first, paged by key: every entry once,
// forwards and backwards, whatever the kinds around a page's edge (issue 12 §4).

let db: Db;
/** Every entry, as the queue must order it: by time, a translation before an update of the same second, then by id. */
const expected: string[] = [];

const CHANGES = JSON.stringify({ headlineChanged: false, paragraphsAdded: 0, paragraphsChanged: 1, paragraphsRemoved: 0, figures: [] });

beforeAll(async () => {
  db = await openTestDb();
  const article = await seedArticle(db, { title: 'Storm', html: '<p>The storm killed 12 people.</p>' });
  const base = Date.parse('2026-12-01T00:00:00Z');
  const entries: Array<{ at: number; rank: number; id: number; key: string }> = [];
  // Seconds 0..11: a translation on even seconds, an update on every third: some share a second.
  for (let s = 0; s < 12; s++) {
    const at = new Date(base + s * 1000);
    if (s % 2 === 0) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status, created_at)
         VALUES ($1, $2, $3, '<p>x</p>', 'x', 'apertium', '1', '{"ok":false,"findings":[{"check":"numbers","severity":"error","segment":0,"source":"12","target":"21","detail":"x"}]}', 'hold', 'held', $4) RETURNING id`,
        [article.id, `t${s}`, `Translation ${s}`, at],
      );
      entries.push({ at: at.getTime(), rank: 0, id: Number(rows[0]!.id), key: queueKeyText({ kind: 'translation', id: Number(rows[0]!.id) }) });
    }
    if (s % 3 === 0) {
      const u = await db.query<{ id: number }>(
        `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash) VALUES ($1, $2, 'Storm', '<p>x</p>', 'a', 'b') RETURNING id`,
        [article.id, CHANGES],
      );
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO article_update_translations (update_id, lang, outcome, reason, created_at) VALUES ($1, 'es', 'held', 'hold: 1× numbers (error)', $2) RETURNING id`,
        [u.rows[0]!.id, at],
      );
      entries.push({ at: at.getTime(), rank: 1, id: Number(rows[0]!.id), key: queueKeyText({ kind: 'update', id: Number(rows[0]!.id) }) });
    }
  }
  // Decided updates are not in the queue.
  const u = await db.query<{ id: number }>(
    `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash) VALUES ($1, $2, 'Storm', '<p>x</p>', 'a', 'b') RETURNING id`,
    [article.id, CHANGES],
  );
  await db.query(`INSERT INTO article_update_translations (update_id, lang, outcome) VALUES ($1, 'es', 'dismissed'), ($1, 'ca', 'superseded')`, [u.rows[0]!.id]);
  entries.sort((a, b) => a.at - b.at || a.rank - b.rank || a.id - b.id);
  expected.push(...entries.map((e) => e.key));
});
afterAll(async () => db?.close());

const keysOf = (rows: Array<{ kind: 'translation' | 'update'; id: number }>) => rows.map((r) => queueKeyText({ kind: r.kind, id: Number(r.id) }));

describe('the review queue with held source updates', () => {
  it('lists both kinds oldest first, and counts them', async () => {
    const page = await listReviewQueue(db, { limit: 50 });
    expect(expected).toHaveLength(6 + 4);
    expect(keysOf(page.rows)).toEqual(expected);
    expect(page.total).toBe(10);
    expect(page.rows.find((r) => r.kind === 'update')).toMatchObject({ status: 'held', hold_reason: 'hold: 1× numbers (error)', changes: { paragraphsChanged: 1 } });
    expect(page).toMatchObject({ hasPrevious: false, hasNext: false });
    expect(COUNT_CAP).toBeGreaterThan(10);
  });

  it.each([1, 2, 3, 4])('pages forwards and backwards by %i, each entry once, across the kinds', async (limit) => {
    const forward: string[] = [];
    let f: ReviewFilter = { limit };
    for (;;) {
      const page = await listReviewQueue(db, f);
      forward.push(...keysOf(page.rows));
      if (!page.hasNext) break;
      expect(page.rows).toHaveLength(limit);
      f = { limit, after: parseQueueKey(queueKeyText(page.rows.at(-1)!))! };
    }
    expect(forward).toEqual(expected);

    const backward: string[] = [];
    f = { limit, before: parseQueueKey(expected.at(-1))! };
    for (;;) {
      const page = await listReviewQueue(db, f);
      backward.unshift(...keysOf(page.rows));
      if (!page.hasPrevious) break;
      f = { limit, before: parseQueueKey(queueKeyText(page.rows[0]!))! };
    }
    expect(backward).toEqual(expected.slice(0, -1));
  });

  it('filters the updates as the translations: language, finding, age', async () => {
    const es = await listReviewQueue(db, { lang: 'es', limit: 50 });
    expect(es.rows.map((r) => r.kind)).toEqual(['update', 'update', 'update', 'update']);
    expect(es.total).toBe(4);
    // An update with no held revision has no findings to filter on.
    expect((await listReviewQueue(db, { check: 'numbers', limit: 50 })).rows.every((r) => r.kind === 'translation')).toBe(true);
    expect((await listReviewQueue(db, { maxAgeHours: 1, limit: 50 })).total).toBe(0);
  });

  it('reads a page key: a translation\'s id, or u and an update\'s', () => {
    expect(parseQueueKey('12')).toEqual({ kind: 'translation', id: 12 });
    expect(parseQueueKey('u7')).toEqual({ kind: 'update', id: 7 });
    for (const bad of ['', 'u', '0', 'x7', '7u', '1e3', null]) expect(parseQueueKey(bad)).toBeNull();
  });
});
