import { describe, expect, it } from 'vitest';
import { findNearDuplicate, MemorySketchIndex, sketch, sketchSimilarity, StoryPlacer } from '../../src/stories/index.ts';
import { portStrike, quake, quakeOwnReport, quakeRepublished } from './fixtures.ts';

describe('near-duplicates', () => {
  it('a republished wire story with another headline and an added paragraph is a near-duplicate', async () => {
    const placer = new StoryPlacer();
    const first = await placer.place(quake);
    const copy = await placer.place(quakeRepublished);
    expect(copy.duplicateOf).toBe('quake-1');
    expect(copy.story).toBe(first.story);
  });

  it("another outlet's own report of the same event is not a near-duplicate (but the same story)", async () => {
    const placer = new StoryPlacer();
    const first = await placer.place(quake);
    const other = await placer.place(quakeOwnReport);
    expect(other.duplicateOf).toBeUndefined();
    expect(other.story).toBe(first.story);
  });

  it("two video pages whose only text is the site's chrome are not copies of each other", async () => {
    const chrome = "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.";
    const placer = new StoryPlacer();
    await placer.place({ ...quake, id: 'video-1', lead: 'A concertgoer describes the first moments of the shooting.', text: chrome });
    const other = await placer.place({ ...portStrike, id: 'video-2', lead: 'South Korea says the vessel transferred oil to a North Korean ship.', text: chrome });
    expect(other.duplicateOf).toBeUndefined();
  });

  it('signatures estimate Jaccard: a copy scores high, another event low', () => {
    const a = sketch(quake.text)!;
    expect(sketchSimilarity(a.signature, sketch(quakeRepublished.text)!.signature)).toBeGreaterThan(0.7);
    expect(sketchSimilarity(a.signature, sketch(portStrike.text)!.signature)).toBeLessThan(0.1);
    expect(sketch('too short to sketch')).toBeNull();
  });

  it('the index finds the original through its bands and not an unrelated text', async () => {
    const index = new MemorySketchIndex();
    await index.add('quake-1', 'story-q', sketch(quake.text)!);
    const hit = await findNearDuplicate(index, sketch(quakeRepublished.text)!);
    expect(hit).toMatchObject({ articleId: 'quake-1', storyId: 'story-q' });
    expect(await findNearDuplicate(index, sketch(portStrike.text)!)).toBeNull();
  });
});
