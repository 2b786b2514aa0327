import type { StoryArticle } from '../../src/stories/index.ts';

/**
 * Synthetic news for the scale part of bench:stories: events with their own rare words, names and
 * numbers, told in words drawn from a Zipf vocabulary of 50,000 (so common words are shared by
 * everything, as in real news). Deterministic (a seeded generator).
 */
export function syntheticArticles(count: number, opts: { events: number; seed?: number; start?: number; spanDays?: number }): StoryArticle[] {
  let s = opts.seed ?? 1;
  const rnd = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5), ((s >>> 0) % 1_000_003) / 1_000_003);
  const VOCAB = 50_000;
  const zipf = () => Math.min(VOCAB - 1, Math.floor(Math.exp(rnd() * Math.log(VOCAB)))) ;
  const word = (i: number) => `w${i.toString(36)}`;
  const start = opts.start ?? Date.parse('2026-01-01T00:00:00Z');
  const span = (opts.spanDays ?? 30) * 86_400_000;
  const out: StoryArticle[] = [];
  for (let i = 0; i < count; i++) {
    const e = Math.floor(rnd() * opts.events);
    const topic = Array.from({ length: 8 }, (_, k) => `t${e.toString(36)}x${k}`);
    const names = Array.from({ length: 3 }, (_, k) => `N${e.toString(36)}n${k}`);
    const pick = (n: number) =>
      Array.from({ length: n }, () => (rnd() < 0.35 ? topic[Math.floor(rnd() * 8)]! : word(zipf()))).join(' ');
    out.push({
      id: `syn-${i}`,
      lang: 'en',
      title: pick(8),
      lead: `${pick(12)} ${names[0]} ${pick(8)}`,
      text: `${pick(40)}, said ${names[1]} and ${names[2]}. ${pick(30)} ${1000 + e} ${pick(20)}.`,
      published: new Date(start + Math.floor((i / count) * span)),
    });
  }
  return out;
}
