import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { refetchScheduleMs } from '../../src/config/refetch-schedule.ts';
import { nextRefetchAt, REFETCH_SCHEDULE_MS } from '../../src/jobs/refetch-schedule.ts';
import { sweepRefetches } from '../../src/jobs/refetch-sweep.ts';
import { upsertArticle } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { openTestDb } from '../helpers/test-db.ts';

// Issue 12 §4: published articles are fetched again at 10 min, 1 h, 6 h, 24 h and 72 h after
// their publication here, then never; the sweep queues the due ones, and only published ones.

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('nextRefetchAt', () => {
  const since = new Date('2026-12-01T00:00:00Z');
  const at = (ms: number) => new Date(since.getTime() + ms);
  it.each([
    ['just published', 0, 10 * MIN],
    ['after the first step', 10 * MIN + 5_000, HOUR],
    ['exactly at a step: the next one', HOUR, 6 * HOUR],
    ['steps missed are skipped, not caught up', 30 * HOUR, 72 * HOUR],
  ])('%s', (_name, elapsed, expected) => {
    expect(nextRefetchAt(since, at(elapsed))).toEqual(at(expected));
  });
  it('ends after the last step', () => {
    expect(nextRefetchAt(since, at(72 * HOUR))).toBeNull();
    expect(REFETCH_SCHEDULE_MS).toEqual([10 * MIN, HOUR, 6 * HOUR, 24 * HOUR, 72 * HOUR]);
  });
});

describe('the refetch sweep', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => db?.close());

  async function article(key: string, o: { live?: boolean; ageHours?: number } = {}): Promise<number> {
    const source = await upsertSource(db, { url: 'https://courier.example/feed.xml', lang: 'en' });
    const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid, url, status) VALUES ($1, $2, $2, 'extracted') RETURNING id`, [source.id, `https://courier.example/${key}`]);
    const a = await upsertArticle(db, {
      item_id: item.rows[0]!.id, source_id: source.id, url: `https://courier.example/${key}`, canonical_url: null, title: key, byline: null,
      published_at: null, modified_at: null, lang: 'en', dir: 'ltr', site_name: null, category: null, image_url: null, image_caption: null,
      excerpt: null, html: `<p>${key}</p>`, text: key, content_hash: key,
    });
    await db.query(`UPDATE articles SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [a.id, o.ageHours ?? 0]);
    if (o.live !== undefined) {
      const t = await db.query<{ id: number }>(
        `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status)
         VALUES ($1, 'es', $2, '<p>x</p>', 'x', 'apertium', '1', '{"ok":true,"findings":[]}', 'publish', 'published') RETURNING id`,
        [a.id, key],
      );
      await db.query(`INSERT INTO publications (translation_id, article_id, lang, path, status) VALUES ($1, $2, 'es', $3, $4)`,
        [t.rows[0]!.id, a.id, `/es/2026/12/${key}`, o.live ? 'live' : 'gone']);
    }
    return a.id;
  }
  const refetchAt = async (id: number) => (await db.query<{ refetch_at: Date | null }>('SELECT refetch_at FROM articles WHERE id = $1', [id])).rows[0]!.refetch_at;

  it('first makes a new article due ten minutes after it arrives', async () => {
    const id = await article('fresh', { live: true });
    const { rows } = await db.query<{ due_in: number }>('SELECT EXTRACT(EPOCH FROM refetch_at - created_at)::int AS due_in FROM articles WHERE id = $1', [id]);
    expect(rows[0]!.due_in).toBe(600);
    expect(await sweepRefetches(db)).toBe(0);
  });

  it('queues a refetch for each due published article, once, and looks again later at unpublished ones', async () => {
    const live = await article('live', { live: true });
    const takenDown = await article('taken-down', { live: false, ageHours: 100 });
    const waiting = await article('waiting-for-review', { ageHours: 1 });
    const stale = await article('never-published', { ageHours: 100 });
    await db.query(`UPDATE articles SET refetch_at = now() - interval '1 second' WHERE id = ANY($1)`, [[live, takenDown, waiting, stale]]);

    expect(await sweepRefetches(db, { graceSeconds: 600 })).toBe(1);
    const { rows } = await db.query<{ key: string; host: string; payload: { articleId: number } }>(`SELECT key, host, payload FROM jobs WHERE kind = 'refetch'`);
    expect(rows).toEqual([{ key: `refetch:article:${live}`, host: 'courier.example', payload: { articleId: live } }]);
    expect(await sweepRefetches(db)).toBe(0); // moved forward: not queued twice

    expect(await refetchAt(live)).not.toBeNull();
    expect(await refetchAt(waiting)).not.toBeNull(); // it may yet be published
    expect(await refetchAt(takenDown)).toBeNull(); // past the last step and not live: no longer followed
    expect(await refetchAt(stale)).toBeNull();
  });

  const jobsFor = async (id: number) => (await db.query(`SELECT 1 FROM jobs WHERE key = $1`, [`refetch:article:${id}`])).rows.length;

  it('with a first step later than the database\'s 10 minutes, waits for it before queueing a new article', async () => {
    const schedule = refetchScheduleMs(['30m', '2h']);
    const id = await article('slow-schedule', { live: true });
    await db.query(`UPDATE articles SET refetch_at = now() - interval '1 second' WHERE id = $1`, [id]); // the database's 10 minutes have passed
    expect(await sweepRefetches(db, { schedule })).toBe(0);
    const { rows } = await db.query<{ due_in: number }>('SELECT EXTRACT(EPOCH FROM refetch_at - created_at)::int AS due_in FROM articles WHERE id = $1', [id]);
    expect(rows[0]!.due_in).toBe(30 * 60);
    expect(await jobsFor(id)).toBe(0);
    // Thirty minutes on, it is due and queued.
    await db.query(`UPDATE articles SET created_at = now() - interval '31 minutes', refetch_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(await sweepRefetches(db, { schedule })).toBe(1);
    expect(await jobsFor(id)).toBe(1);
  });

  it('with an empty schedule, queues nothing and stops following what falls due', async () => {
    const id = await article('not-followed', { live: true });
    await db.query(`UPDATE articles SET refetch_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await sweepRefetches(db, { schedule: [] })).toBe(0);
    expect(await refetchAt(id)).toBeNull();
    expect(await jobsFor(id)).toBe(0);
  });
});

// fetch.refetchSchedule: the steps are configurable, checked at start, and used by the sweep and the job.
describe('fetch.refetchSchedule', () => {
  const schedule = (steps: unknown) => parseConfig({ fetch: { refetchSchedule: steps } }).fetch.refetchSchedule;

  it('defaults to 10 min, 1 h, 6 h, 24 h, 72 h: the steps the jobs use when given none', () => {
    expect(refetchScheduleMs(parseConfig({}).fetch.refetchSchedule)).toEqual([...REFETCH_SCHEDULE_MS]);
  });

  it('reads durations in seconds, minutes, hours and days; an empty list follows nothing', () => {
    expect(refetchScheduleMs(schedule(['90s', '30m', '1.5h', '2d']))).toEqual([90_000, 30 * MIN, 90 * MIN, 48 * HOUR]);
    expect(schedule([])).toEqual([]);
  });

  it.each([
    [['10m', '1h', '30m'], 'fetch.refetchSchedule[2]: "30m" is not after "1h": steps must go up (10m, 1h, 6h…)'],
    [['1h', '1h'], 'fetch.refetchSchedule[1]: "1h" is not after "1h": steps must go up'],
    [['0m', '1h'], 'fetch.refetchSchedule[0]: "0m": a step must come after the publication (more than 0)'],
    [['10 minutes'], 'fetch.refetchSchedule[0]: "10 minutes" is not a duration (a number and s, m, h or d: 90s, 10m, 1h, 3d)'],
    [['-5m'], '"-5m" is not a duration'],
  ])('refuses %j with a clear message', (steps, message) => {
    expect(() => schedule(steps)).toThrow(message);
  });
  it('refuses a schedule that is not a list', () => {
    expect(() => schedule('10m')).toThrow(/fetch\.refetchSchedule/);
  });

  it('steps nextRefetchAt by the custom schedule', () => {
    const since = new Date('2026-12-01T00:00:00Z');
    const custom = refetchScheduleMs(['30m', '2h', '12h']);
    const at = (ms: number) => new Date(since.getTime() + ms);
    expect(nextRefetchAt(since, at(0), custom)).toEqual(at(30 * MIN));
    expect(nextRefetchAt(since, at(31 * MIN), custom)).toEqual(at(2 * HOUR));
    expect(nextRefetchAt(since, at(3 * HOUR), custom)).toEqual(at(12 * HOUR));
    expect(nextRefetchAt(since, at(12 * HOUR), custom)).toBeNull();
    expect(nextRefetchAt(since, at(0), [])).toBeNull();
  });
});
