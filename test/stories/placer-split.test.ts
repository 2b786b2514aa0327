import { describe, expect, it } from 'vitest';
import { StoryPlacer, type StoryPlacement } from '../../src/stories/index.ts';
import { FIRE_IDS, fireFifth, fireSecondCopy, gluedStream, QUAKE_IDS, quakeFifth } from './split-fixtures.ts';

describe('a placer that looks for splits (transwire cluster, the benches)', () => {
  it('splits the glued story as the pipeline does: the fire reports leave for a new story named after the first of them, and the next reports follow their own event', async () => {
    const placer = new StoryPlacer({ split: true });
    const placed: StoryPlacement[] = [];
    for (const a of gluedStream) placed.push(await placer.place(a));
    const splits = placed.filter((p) => p.split);
    expect(splits).toHaveLength(1);
    const { story, newStory, moved } = splits[0]!.split!;
    expect(story).toBe('quake-1');
    // The split comes as soon as the fire has three reports of its own; the fourth goes straight to the new story.
    expect(moved).toEqual(['fire-1', 'fire-2', 'fire-3']);
    expect(newStory).toBe('fire-1');
    expect(placed.find((p) => p.id === 'fire-4')!.story).toBe(newStory);
    // Where every article ended: the quake's reports (and the bridge, which began as one) in the quake's story.
    const where = new Map(placed.map((p) => [p.id, placer.storyOf(p)]));
    for (const id of QUAKE_IDS) expect(where.get(id)).toBe('quake-1');
    for (const id of FIRE_IDS) expect(where.get(id)).toBe(newStory);
    expect((await placer.place(fireFifth)).story).toBe(newStory);
    expect((await placer.place(quakeFifth)).story).toBe('quake-1');
    // A copy of a moved report joins the story its original is in now.
    const copy = await placer.place(fireSecondCopy);
    expect(copy.duplicateOf).toBe('fire-2');
    expect(placer.storyOf(copy)).toBe(newStory);
  });

  it('without the option the same stream stays one story (the pipeline splits from the store instead)', async () => {
    const placer = new StoryPlacer();
    const placed: StoryPlacement[] = [];
    for (const a of gluedStream) placed.push(await placer.place(a));
    expect(placed.some((p) => p.split)).toBe(false);
    expect(new Set(placed.map((p) => placer.storyOf(p)))).toEqual(new Set(['quake-1']));
  });
});
