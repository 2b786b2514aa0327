import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { recordStoryAlias, resolveStoryId } from '../../src/store/story-aliases.ts';
import { createStorySketchIndex, pruneStorySketches } from '../../src/store/story-sketches.ts';
import { sketch, StoryPlacer } from '../../src/stories/index.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { portStrike, quake, quakeRepublished } from './fixtures.ts';

describe('story sketches and aliases in the database', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('a near-duplicate is found through the shared index by a second placer (another worker)', async () => {
    const first = new StoryPlacer({ sketches: createStorySketchIndex(db) });
    const original = await first.place(quake);
    await first.place(portStrike);
    // A second process with its own memory sees the first one's sketches.
    const second = new StoryPlacer({ sketches: createStorySketchIndex(db) });
    const copy = await second.place(quakeRepublished);
    expect(copy).toMatchObject({ duplicateOf: 'quake-1', story: original.story });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM story_sketch_bands');
    expect(rows[0]!.n).toBe(3 * 32);
  });

  it('signatures come back exactly as stored (signed 32-bit values round-trip)', async () => {
    const index = createStorySketchIndex(db);
    const s = sketch(portStrike.text)!;
    const [hit] = (await index.candidates(s.bands)).filter((c) => c.articleId === 'strike-1');
    expect(Array.from(hit!.signature)).toEqual([...s.signature]);
  });

  it('aliases are one hop from a live story, and candidates carry the live story', async () => {
    await recordStoryAlias(db, 'story-b', 'story-a');
    await recordStoryAlias(db, 'story-a', 'story-c');
    expect(await resolveStoryId(db, 'story-b')).toBe('story-c');
    expect(await resolveStoryId(db, 'story-a')).toBe('story-c');
    expect(await resolveStoryId(db, 'story-c')).toBe('story-c');
    const index = createStorySketchIndex(db);
    const s = sketch(quake.text)!;
    await index.add('art-x', 'story-b', s);
    const found = (await index.candidates(s.bands)).find((c) => c.articleId === 'art-x');
    expect(found?.storyId).toBe('story-c');
  });

  it('old sketches are pruned with their bands', async () => {
    const removed = await pruneStorySketches(db, new Date(Date.now() + 60_000));
    expect(removed).toBeGreaterThan(0);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM story_sketch_bands');
    expect(rows[0]!.n).toBe(0);
  });
});
