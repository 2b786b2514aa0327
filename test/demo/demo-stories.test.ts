import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles, SPANISH_ARTICLES_DIR, type Article } from '../../demo/newsroom/load-articles.ts';
import { startSpanishOutlet, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * The demo's stories with two sources: Diario del Norte tells three of the Gazette's stories in
 * Spanish. Placed in arrival order with the pipeline's code (`transwire cluster`, Apertium spa-eng
 * for the Spanish heads), each joins the Gazette's story of the same event, and no two Gazette
 * stories share one — so the demo's "N/N articles published" still counts every Gazette story.
 */
const gazette = loadArticles();
const diario = loadArticles(SPANISH_ARTICLES_DIR);
const SAME_EVENT: Record<string, string> = {
  'tarvenia-osslandia-alto-el-fuego-valle-halvek': 'tarvenia-ossland-ceasefire-halvek-valley',
  'kestria-segunda-vuelta-presidenciales': 'kestria-election-runoff',
  'lowmoor-inundaciones-evacuacion': 'lowmoor-floods-evacuation',
};

const text = (a: Article) => a.blocks.flatMap((b) => (b.kind === 'ul' ? b.items : [b.text])).join('\n');
const line = (a: Article, lang: string) => JSON.stringify({ id: a.slug, lang, title: a.title, lead: a.standfirst, text: text(a), published: a.published });

describe('the demo newsroom\'s stories told by two outlets', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tw-demo-stories-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('every Spanish story is the same event as one of the Gazette\'s', () => {
    expect(diario.map((a) => a.slug).sort()).toEqual(Object.keys(SAME_EVENT).sort());
    for (const target of Object.values(SAME_EVENT)) expect(gazette.map((a) => a.slug)).toContain(target);
  });

  it('placed in publication order, each Spanish report joins its Gazette story, and the Gazette\'s stories stay apart', { timeout: 180_000 }, async () => {
    requireApertiumPair('spa-eng');
    const all = [...gazette.map((a) => ({ a, lang: 'en' })), ...diario.map((a) => ({ a, lang: 'es' }))].sort((x, y) => Date.parse(x.a.published) - Date.parse(y.a.published));
    const file = join(tmp, 'demo.jsonl');
    writeFileSync(file, all.map(({ a, lang }) => line(a, lang)).join('\n') + '\n');
    const r = await runCli(['cluster', file, '--json'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const story = new Map<string, string>();
    for (const l of r.stdout.trim().split('\n')) {
      const { id, story: s } = JSON.parse(l) as { id: string; story: string };
      story.set(id, s);
    }
    const resolve = (id: string) => story.get(id)!;
    for (const [es, en] of Object.entries(SAME_EVENT)) expect(resolve(es), `${es} → ${en}`).toBe(resolve(en));
    expect(new Set(gazette.map((a) => resolve(a.slug))).size).toBe(gazette.length);
  });
});

describe('Diario del Norte, the second outlet', () => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await startSpanishOutlet();
  });
  afterAll(async () => n.close());

  it('serves every story at once, in Spanish, in an RSS feed without the Gazette\'s withdrawn story', async () => {
    expect(n.liveCount()).toBe(diario.length);
    const rss = await (await fetch(n.rssUrl)).text();
    const channel = new XMLParser({ isArray: (name) => name === 'item' }).parse(rss).rss.channel;
    expect(channel.title).toBe('Diario del Norte — Latest stories');
    expect(channel.language).toBe('es');
    expect(channel.item.map((i: { link: string }) => i.link).sort()).toEqual(diario.map((a) => `${n.url}/articles/${a.slug}`).sort());
  });

  it('its pages say they are Spanish and extract to the story alone', async () => {
    for (const a of diario) {
      const html = await (await fetch(`${n.url}/articles/${a.slug}`)).text();
      expect(parseHTML(html).document.documentElement.getAttribute('lang')).toBe('es');
      const page = extractArticle(html, `${n.url}/articles/${a.slug}`);
      expect(page.title).toBe(a.title);
      const firstParagraph = a.blocks.find((b): b is { kind: 'p'; text: string } => b.kind === 'p')!.text;
      expect(page.text).toContain(firstParagraph.slice(0, 60));
      expect(page.text).not.toMatch(/Newsletter|Back to top|Sign up/);
    }
  });
});
