/**
 * The drill's world: the freshness bench's fake internet (1,000 sources on 127.0.0.x), each item's
 * link a page of the demo newsroom (its chrome, figure and story), so that every stage runs on
 * real pages. Each item gets its own text: one sentence added per paragraph names the item, so
 * the translation memory (keyed per paragraph) cannot answer for it and Apertium does the work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadArticles, type Article, type Block } from '../../demo/newsroom/load-articles.ts';
import { renderArticlePage } from '../../demo/newsroom/render-article-page.ts';
import { startFakeInternet, type FakeInternet } from '../freshness-internet.ts';
import { mulberry32 } from '../lib/random.ts';

export interface WorldOptions {
  sources: number;
  hosts: number;
  /** Items already on each feed at the start (the backlog). */
  history: number;
  /** Real time during which new items keep appearing. */
  durationMs: number;
  /** Mean gap between a source's items (log-uniform between half and twice this). */
  meanGapMs: number;
  seed: number;
}

export interface World {
  net: FakeInternet;
  /** Every item a feed has shown by now, by guid ("s<source>-<k>"), failing sources left out. */
  itemsShownBy(now: number): Set<string>;
  /**
   * One more item, appearing at `now`, on the next healthy source in turn that is not on the first
   * host (the one the drill hangs): what a fault's "publishing goes on after" watches for, whatever
   * the random arrivals happen to do after it. Returns the item's guid.
   */
  arrive(now: number): string;
  /** Words in the article text of one item, to turn articles/s into words/s. */
  meanWords: number;
  close(): Promise<void>;
}

const STATIC_DIR = fileURLToPath(new URL('../../demo/newsroom/static/', import.meta.url));

/** The story for item k of source id: one of the newsroom's, each paragraph made the item's own. */
function itemArticle(articles: Article[], id: number, k: number): Article {
  const base = articles[(id * 7 + k) % articles.length]!;
  let n = 0;
  const mark = (text: string): string => `${text} This was report ${id * 1000 + k * 10 + n++} of the day.`;
  const blocks: Block[] = base.blocks.map((b) => (b.kind === 'p' ? { kind: 'p', text: mark(b.text) } : b));
  return { ...base, slug: `s${id}-${k}`, blocks };
}

export async function startWorld(o: WorldOptions): Promise<World> {
  const articles = loadArticles().filter((a) => a.structuredData);
  const statics = new Map<string, Buffer>();
  for (const name of readdirSync(STATIC_DIR)) if (name.endsWith('.svg')) statics.set(name, readFileSync(STATIC_DIR + name));
  const start = Date.now() + 200;
  const net = await startFakeInternet({
    sources: o.sources,
    hosts: o.hosts,
    start,
    durationMs: o.durationMs,
    minGapMs: o.meanGapMs / 2,
    maxGapMs: o.meanGapMs * 2,
    slowMs: 1500,
    random: mulberry32(o.seed),
    history: o.history,
    pages: (host, path) => {
      const story = /^\/articles\/s(\d+)-(\d+)$/.exec(path);
      if (story) {
        const [id, k] = [Number(story[1]), Number(story[2])];
        const s = net.sources[id];
        if (!s || s.host !== host || k >= s.times.length || s.times[k]! > Date.now()) return null;
        const page = renderArticlePage({ article: itemArticle(articles, id, k), baseUrl: new URL(s.url).origin, published: new Date(s.times[k]!), related: [] });
        return { type: 'text/html; charset=utf-8', body: page };
      }
      const file = /^\/static\/([\w.-]+\.svg)$/.exec(path);
      const svg = file ? statics.get(file[1]!) : undefined;
      return svg ? { type: 'image/svg+xml', body: svg } : null;
    },
  });
  const words = (a: Article): number => a.blocks.reduce((n, b) => n + (b.kind === 'ul' ? b.items.join(' ') : b.text).split(/\s+/).length, a.title.split(/\s+/).length);
  let arrivals = 0;
  const meanWords = Math.round(articles.reduce((n, a) => n + words(a), 0) / articles.length);
  return {
    net,
    meanWords,
    itemsShownBy(now) {
      const shown = new Set<string>();
      for (const s of net.sources) {
        if (s.behaviour === 'failing') continue;
        s.times.forEach((t, k) => t <= now && shown.add(`s${s.id}-${k}`));
      }
      return shown;
    },
    arrive(now) {
      const healthy = net.sources.filter((x) => x.behaviour === 'ok' && x.host !== net.hosts[0]);
      if (healthy.length === 0) throw new Error('drill world: no healthy source off the first host to add an item to');
      const s = healthy[arrivals++ % healthy.length]!;
      // Items not yet shown may be renumbered: no feed has listed them.
      let k = s.times.length;
      while (k > 0 && s.times[k - 1]! > now) k--;
      s.times.splice(k, 0, now);
      return `s${s.id}-${k}`;
    },
    close: () => net.close(),
  };
}
