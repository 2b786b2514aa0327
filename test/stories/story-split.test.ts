import { describe, expect, it } from 'vitest';
import {
  articleFeatures, findSplit, inLogOrder, logEntry, replayEntry, replayStoryEvent, splitDue, StoryClusterer, StoryPlacer,
  type LoggedPlacement, type LoggedStoryEvent, type SplitCandidate, type StoryArticle,
} from '../../src/stories/index.ts';
import { FIRE_IDS, fireFifth, gluedStream, QUAKE_IDS, quakeFifth } from './split-fixtures.ts';

const candidates = (arts: StoryArticle[]): SplitCandidate[] => arts.map((a) => ({ key: a.id, features: articleFeatures(a, 'en', null), duplicateOf: null }));

/** A placer that has seen the whole stream (its statistics weigh every article). */
async function seenAll(): Promise<StoryPlacer> {
  const placer = new StoryPlacer();
  for (const a of [...gluedStream, fireFifth, quakeFifth]) await placer.place(a);
  return placer;
}

describe('finding two events in a story', () => {
  it('splits the quake and the wildfire glued by an article that told both; the quake (the first member) stays', async () => {
    const placer = await seenAll();
    const found = findSplit(placer.clusterer, candidates(gluedStream));
    expect(found).not.toBeNull();
    for (const id of QUAKE_IDS) expect(found!.keep).toContain(id);
    for (const id of FIRE_IDS) expect(found!.move).toContain(id);
    expect(found!.similarity).toBeLessThan(0.6 * placer.clusterer.opts.convergeThreshold);
    // Nothing lost, nothing twice.
    expect([...found!.keep, ...found!.move].sort()).toEqual(gluedStream.map((a) => a.id).sort());
  });

  it('does not split one event, nor a story too small to tell two', async () => {
    const placer = await seenAll();
    const quakes = gluedStream.filter((a) => QUAKE_IDS.includes(a.id)).concat(quakeFifth);
    const fires = gluedStream.filter((a) => FIRE_IDS.includes(a.id)).concat(fireFifth);
    expect(findSplit(placer.clusterer, candidates(quakes), { minMembers: 4, maxMembers: 200, minPart: 2, minShare: 0.2, apart: 0.6 })).toBeNull();
    expect(findSplit(placer.clusterer, candidates(fires), { minMembers: 4, maxMembers: 200, minPart: 2, minShare: 0.2, apart: 0.6 })).toBeNull();
    expect(findSplit(placer.clusterer, candidates(gluedStream.slice(0, 5)))).toBeNull();
  });

  it('a near-duplicate goes where the member it copies goes', async () => {
    const placer = await seenAll();
    const members = [...candidates(gluedStream), { key: 'fire-1-copy', features: null, duplicateOf: 'fire-1' }, { key: 'quake-1-copy', features: null, duplicateOf: 'quake-1' }];
    const found = findSplit(placer.clusterer, members)!;
    expect(found.move).toContain('fire-1-copy');
    expect(found.keep).toContain('quake-1-copy');
  });

  it('is looked at on every member up to 16, then four times per doubling, up to 200', () => {
    const due = Array.from({ length: 230 }, (_, n) => n).filter((n) => splitDue(n));
    expect(due).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192]);
  });
});

describe('a split in the placement log', () => {
  it('events come right after the placement they followed', () => {
    const order = inLogOrder([{ seq: 3 }, { seq: 5 }, { seq: 9 }], [{ afterSeq: 1, id: 'a' }, { afterSeq: 5, id: 'b' }, { afterSeq: 5, id: 'c' }, { afterSeq: 12, id: 'd' }]);
    expect(order.map((s) => ('event' in s ? s.event.id : s.placement.seq))).toEqual(['a', 3, 5, 'b', 'c', 9, 'd']);
  });

  it('a clusterer replaying the log (placements and the split) places the next articles exactly as the one that split', async () => {
    // The worker that places: the pipeline's order — place, log, look for a split, split, log it.
    const live = new StoryPlacer();
    const log: Array<{ seq: number; story: string; entry: LoggedPlacement }> = [];
    const events: Array<LoggedStoryEvent & { afterSeq: number }> = [];
    const members = new Map<string, string[]>();
    let next = 100;
    for (const a of gluedStream) {
      const prepared = await live.prepare(a, null);
      const p = await live.placePrepared(prepared, String(next++));
      const story = live.resolve(p.story);
      for (const gone of p.merged) members.set(story, [...(members.get(story) ?? []), ...(members.get(gone) ?? [])]);
      members.set(story, [...(members.get(story) ?? []), a.id]);
      log.push({ seq: log.length + 1, story: p.story, entry: logEntry(prepared, p) });
      const ids = members.get(story)!;
      if (p.merged.length > 0 || !splitDue(ids.length)) continue;
      const found = findSplit(live.clusterer, candidates(ids.map((id) => gluedStream.find((x) => x.id === id)!)));
      if (!found) continue;
      const event: LoggedStoryEvent = { kind: 'split', story, other: String(next++), kept: found.keep, moved: found.move };
      const logged = new Map(log.map((r, i) => [gluedStream[i]!.id, r.entry]));
      replayStoryEvent(live.clusterer, event, logged);
      events.push({ ...event, afterSeq: log.length });
      members.set(story, found.keep);
      members.set(event.other, found.move);
    }
    expect(events).toHaveLength(1);

    // A worker that starts from the log.
    const fresh = new StoryClusterer();
    const logged = new Map(log.map((r, i) => [gluedStream[i]!.id, r.entry]));
    for (const step of inLogOrder(log, events)) {
      if ('event' in step) replayStoryEvent(fresh, step.event, logged);
      else replayEntry(fresh, step.placement.story, step.placement.entry);
    }
    for (const a of [fireFifth, quakeFifth]) {
      const f = articleFeatures(a, 'en', null);
      const fromLive = live.clusterer.place(f, `${a.id}-new`);
      const fromLog = fresh.place(f, `${a.id}-new`);
      expect(fromLog).toEqual(fromLive);
    }
    expect(live.clusterer.place(articleFeatures(fireFifth, 'en', null), 'x').story).toBe(events[0]!.other);
    expect(live.clusterer.place(articleFeatures(quakeFifth, 'en', null), 'y').story).toBe(events[0]!.story);
  });
});
