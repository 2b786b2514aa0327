import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorld, type World } from '../../bench/drill/world.ts';

// The drill's world: the freshness bench's fake internet with the newsroom's pages behind its
// items, each item's text its own (the translation memory must not answer for the engine), and a
// host that can hang.
let world: World;
let createdAt = 0;
beforeAll(async () => {
  createdAt = Date.now();
  world = await startWorld({ sources: 6, hosts: 2, history: 4, durationMs: 1000, meanGapMs: 3_600_000, seed: 3 });
});
afterAll(() => world?.close());

it("serves each feed item's link as a newsroom page of its own", async () => {
  // History is a Poisson draw (4 items on average): a source that has shown two at least.
  const now = Date.now();
  const source = world.net.sources.find((s) => s.behaviour === 'ok' && s.times.filter((t) => t <= now).length >= 2)!;
  const feed = await (await fetch(source.url)).text();
  const links = [...feed.matchAll(/<link>([^<]*\/articles\/[^<]*)<\/link>/g)].map((m) => m[1]!);
  expect(links).toHaveLength(source.times.filter((t) => t <= now).length);
  const pages = await Promise.all(links.map(async (l) => ({ status: (await fetch(l)).status, html: await (await fetch(l)).text() })));
  for (const p of pages) {
    expect(p.status).toBe(200);
    expect(p.html).toMatch(/<link rel="canonical" href="http:\/\/127\.0\.0\.\d+:\d+\/articles\/s\d+-\d+">/);
  }
  const paragraphs = (html: string) => [...html.matchAll(/<p>([^<]*report \d+[^<]*)<\/p>/g)].map((m) => m[1]);
  expect(paragraphs(pages[0]!.html).length).toBeGreaterThan(3);
  // No paragraph of one item is a paragraph of another.
  expect(paragraphs(pages[0]!.html).filter((p) => paragraphs(pages[1]!.html).includes(p))).toEqual([]);
  const shown = world.net.sources.filter((s) => s.behaviour !== 'failing').reduce((n, s) => n + s.times.filter((t) => t <= now).length, 0);
  expect(world.itemsShownBy(now).size).toBe(shown);
});

it('a hung host answers nothing until released', async () => {
  const source = world.net.sources[0]!;
  world.net.hang(source.host, true);
  const pending = fetch(source.url).then((r) => r.status, () => 'reset');
  const early = await Promise.race([pending, new Promise((r) => setTimeout(() => r('no answer'), 500))]);
  expect(early).toBe('no answer');
  world.net.hang(source.host, false);
  expect(await pending).toBe('reset');
  expect([200, 503]).toContain((await fetch(source.url)).status);
});

it('adds no arrival after its end: a drain would see items appear while it waits', () => {
  const last = Math.max(...world.net.sources.flatMap((s) => s.times));
  // durationMs is 1 s and the world starts 200 ms after it is made; an hour's mean gap would put
  // each source's next arrival far beyond that.
  expect(last).toBeLessThanOrEqual(Date.now() + 1200);
  expect(last).toBeLessThan(createdAt + 60_000);
});

it('arrive() puts a new item in a healthy feed, with its page', async () => {
  const now = Date.now();
  const guid = world.arrive(now);
  expect(world.itemsShownBy(now + 1).has(guid)).toBe(true);
  const [, id] = /^s(\d+)-(\d+)$/.exec(guid)!;
  const source = world.net.sources[Number(id)]!;
  expect(source.behaviour).toBe('ok');
  expect(source.host).not.toBe(world.net.hosts[0]);
  const feed = await (await fetch(source.url)).text();
  expect(feed).toContain(`<guid>${guid}</guid>`);
  expect((await fetch(`${new URL(source.url).origin}/articles/${guid}`)).status).toBe(200);
});
