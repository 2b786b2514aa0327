import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { storyTarget } from '../../src/store/story-reads.ts';
import { runCli } from '../helpers/run-cli.ts';
import { quake, quakeOwnReport } from './fixtures.ts';
import { openEditorPipeline, storeArticle, worker, type EditorPipeline } from './pipeline-helpers.ts';
import { fireFirst, fireFourth, fireSecond, fireSecondCopy, fireThird, quakeRescue } from './split-fixtures.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

/**
 * An editor splits a story and merges two by hand, through the API (`POST
 * /api/v1/stories/:id/split|merge`) and `transwire story split|merge` on the database; the
 * workers' clusterers follow from the log. The wildfire's reports join the quake's story on the
 * city's names (no article tells both, so the pipeline sees no second event): an editor's call.
 */
let pipeline: EditorPipeline;
let db: Db;
const rows = new Map<string, ArticleRow>();
const id = (key: string) => rows.get(key)!.id;
let quakeStory = 0;
let fireStory = 0;

const api = (method: 'GET' | 'POST', path: string, body?: unknown) => pipeline.api(method, path, body);

const storyOf = async (key: string) => (await db.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [id(key)])).rows[0]!.story_id;
const leadOf = async (storyId: number) =>
  (await db.query<{ article_id: number; picked_by: string | null }>(`SELECT article_id, picked_by FROM story_leads WHERE story_id = $1 AND lang = 'es'`, [storyId])).rows[0];

beforeAll(async () => {
  pipeline = await openEditorPipeline('tw-story-split-');
  db = pipeline.db;
  for (const a of [quake, quakeOwnReport, quakeRescue, fireFirst, fireSecond, fireSecondCopy, fireThird, fireFourth]) rows.set(a.id, await storeArticle(db, a));
  const w = worker(db);
  for (const key of ['quake-1', 'quake-2', 'quake-3', 'fire-1', 'fire-2', 'fire-2-copy']) await w.place(rows.get(key)!);
  quakeStory = await storyOf('quake-1');
});
afterAll(async () => {
  await pipeline?.close();
});

describe('splitting and merging stories by hand', () => {
  it('the wildfire\'s first reports joined the quake\'s story', async () => {
    for (const key of ['quake-2', 'quake-3', 'fire-1', 'fire-2', 'fire-2-copy']) expect(await storyOf(key), key).toBe(quakeStory);
  });

  it('an editor splits the wildfire off through the API: the named reports and their copies leave, an editor\'s pick stays with its article, audited', async () => {
    expect((await api('POST', `/api/v1/stories/${quakeStory}/lead`, { articleId: id('fire-2') })).status).toBe(200);
    const r = await api('POST', `/api/v1/stories/${quakeStory}/split`, { articleIds: [id('fire-1'), id('fire-2')] });
    expect(r.status).toBe(200);
    fireStory = r.json.newStoryId;
    expect(r.json).toMatchObject({
      storyId: quakeStory,
      kept: [id('quake-1'), id('quake-2'), id('quake-3')],
      moved: [id('fire-1'), id('fire-2'), id('fire-2-copy')],
    });
    for (const key of ['fire-1', 'fire-2', 'fire-2-copy']) expect(await storyOf(key)).toBe(fireStory);
    expect(await leadOf(fireStory)).toEqual({ article_id: id('fire-2'), picked_by: 'local-cli' });
    // The quake lost its (picked) lead: its earliest report leads again, its translation queued.
    expect(await leadOf(quakeStory)).toEqual({ article_id: id('quake-1'), picked_by: null });
    expect(r.json.leads).toEqual([{ storyId: quakeStory, lang: 'es', articleId: id('quake-1'), queued: true }]);
    const { rows: jobs } = await db.query<{ key: string }>(`SELECT key FROM jobs WHERE kind = 'translate' AND state = 'queued' AND key = $1`, [`translate:article:${id('quake-1')}:es`]);
    expect(jobs).toHaveLength(1);
    const { rows: renders } = await db.query<{ key: string }>(`SELECT key FROM jobs WHERE kind = 'render' AND state = 'queued'`);
    expect(renders.map((j) => j.key)).toEqual(expect.arrayContaining([`render:story:${quakeStory}`, `render:story:${fireStory}`]));
    const { rows: audit } = await db.query<{ action: string; target: string }>(`SELECT action, target FROM audit_log WHERE action = 'story.split'`);
    expect(audit).toEqual([{ action: 'story.split', target: `story:${quakeStory}` }]);
  });

  it('a worker replays the split from the log: the next wildfire report joins the wildfire\'s story', async () => {
    expect((await worker(db).place(rows.get('fire-3')!))?.storyId).toBe(fireStory);
  });

  it('refuses an article of another story, every member at once, an unknown story, an empty list', async () => {
    expect(await api('POST', `/api/v1/stories/${quakeStory}/split`, { articleIds: [id('fire-1')] })).toMatchObject({ status: 404 });
    expect(await api('POST', `/api/v1/stories/${quakeStory}/split`, { articleIds: [id('quake-1'), id('quake-2'), id('quake-3')] })).toMatchObject({ status: 400 });
    expect(await api('POST', `/api/v1/stories/999999/split`, { articleIds: [id('quake-1')] })).toMatchObject({ status: 404 });
    expect(await api('POST', `/api/v1/stories/${quakeStory}/split`, { articleIds: [] })).toMatchObject({ status: 400 });
    expect(await storyOf('quake-1')).toBe(quakeStory);
  });

  it('an editor merges the wildfire back through the API: members move, the merged URL stands for the quake, audited', async () => {
    const r = await api('POST', `/api/v1/stories/${quakeStory}/merge`, { from: fireStory });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ storyId: quakeStory, merged: fireStory });
    for (const key of ['fire-1', 'fire-2', 'fire-2-copy', 'fire-3']) expect(await storyOf(key)).toBe(quakeStory);
    expect(await storyTarget(db, fireStory)).toEqual({ id: quakeStory, merged: true });
    expect(await leadOf(quakeStory)).toMatchObject({ article_id: id('quake-1') });
    const { rows: audit } = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'story.merge'`);
    expect(audit).toHaveLength(1);
    expect(await api('POST', `/api/v1/stories/${quakeStory}/merge`, { from: fireStory })).toMatchObject({ status: 400 });
  });

  it('`transwire story split` and `story merge` on the database: the part holding the first member keeps the story', async () => {
    let moved = 0;
    const configFile = pipeline.configFile;
    await pipeline.whileClosed(async () => {
      // Naming the story's first member: the named part keeps the story, the rest leave.
      const split = await runCli(['story', 'split', String(quakeStory), String(id('quake-1')), String(id('quake-2')), String(id('quake-3')), '--json', '--config', configFile]);
      expect(split.stderr).toBe('');
      const out = JSON.parse(split.stdout);
      moved = out.newStoryId;
      expect(out).toMatchObject({ storyId: quakeStory, kept: [id('quake-1'), id('quake-2'), id('quake-3')], moved: [id('fire-1'), id('fire-2'), id('fire-2-copy'), id('fire-3')] });
      const wrong = await runCli(['story', 'split', String(moved), String(id('quake-1')), '--config', configFile]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain(`is not in story ${moved}`);
      const merge = await runCli(['story', 'merge', String(quakeStory), String(moved), '--config', configFile]);
      expect(merge.stderr).toBe('');
      expect(merge.stdout).toBe(`story ${moved} merged into story ${quakeStory}: its members moved, its URL redirects there\n`);
    }).finally(() => { db = pipeline.db; });
    expect(await storyTarget(db, moved)).toEqual({ id: quakeStory, merged: true });
    const { rows: events } = await db.query<{ kind: string; decided_by: string }>('SELECT kind, decided_by FROM story_events ORDER BY id');
    expect(events.map((e) => e.kind)).toEqual(['split', 'merge', 'split', 'merge']);
    expect(events[2]!.decided_by).toMatch(/^cli:/);
  });

  it('a worker that starts from the log places the next report where the editors left things, and never splits a story an editor merged', async () => {
    // The story has grown to 8 members telling two events: the pipeline would split it, but an editor merged it.
    const placed = await worker(db).place(rows.get('fire-4')!);
    expect(placed?.storyId).toBe(quakeStory);
    expect(placed?.split).toBeUndefined();
    const { rows: r } = await db.query<{ story_id: number; n: number }>(
      `SELECT story_id, count(*)::int AS n FROM articles WHERE placed_at IS NOT NULL GROUP BY story_id ORDER BY story_id`);
    expect(r).toEqual([{ story_id: quakeStory, n: 8 }]);
  });
});
