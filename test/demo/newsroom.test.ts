import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { loadArticles, parseArticle } from '../../demo/newsroom/load-articles.ts';
import { sectionLabel } from '../../demo/newsroom/page-chrome.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { DELETED_STORY, startNewsroom, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';

const CHROME = ['Back to top', 'Share', 'Tweet', 'Email', 'Related stories', 'cookies', 'Newsletter', 'Sign up', 'comments'];
const articles = loadArticles();
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'entry' });

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const r = await fetch(url, { headers });
  return { status: r.status, text: await r.text(), headers: r.headers };
}

interface FeedLists { rss: Array<Record<string, string>>; atom: Array<Record<string, unknown>> }
async function feeds(n: Newsroom): Promise<FeedLists> {
  const rss = await get(n.rssUrl);
  const atom = await get(n.atomUrl);
  expect(XMLValidator.validate(rss.text)).toBe(true);
  expect(XMLValidator.validate(atom.text)).toBe(true);
  return { rss: xml.parse(rss.text).rss.channel.item, atom: xml.parse(atom.text).feed.entry };
}

describe('newsroom with every story live', () => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await startNewsroom({ initialCount: articles.length });
  });
  afterAll(async () => n.close());

  it('has enough stories, each of a realistic length', () => {
    expect(articles.length).toBeGreaterThanOrEqual(4);
    for (const a of articles) {
      const words = a.blocks.flatMap((b) => (b.kind === 'ul' ? b.items : [b.text])).join(' ').split(/\s+/).length;
      expect(words, a.slug).toBeGreaterThanOrEqual(400);
      expect(words, a.slug).toBeLessThanOrEqual(900);
      expect(a.blocks.some((b) => b.kind === 'h2'), a.slug).toBe(true);
    }
  });

  it('serves well-formed RSS and Atom listing every live story, newest first', async () => {
    const { rss, atom } = await feeds(n);
    expect(atom).toHaveLength(articles.length);
    expect(rss).toHaveLength(articles.length + 1); // plus the withdrawn story
    const dates = atom.map((e) => Date.parse(String(e.published)));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const item of rss) {
      expect(item.guid).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.pubDate!))).toBe(false);
      expect(item.description).toBeTruthy();
      expect(item.category).toBeTruthy();
    }
  });

  it('answers 200 for every feed item page except the withdrawn story', async () => {
    const { rss, atom } = await feeds(n);
    const links = [...rss.map((i) => i.link!), ...atom.map((e) => (e.link as Record<string, string>)['@_href']!)];
    for (const link of links) {
      const { status } = await get(link);
      expect(status, link).toBe(link.endsWith(`/articles/${DELETED_STORY.slug}`) ? 404 : 200);
    }
  });

  it.each(articles.map((a) => [a.slug]))('%s: article page has a figure, quotes, numbers and chrome', async (slug) => {
    const page = await get(`${n.url}/articles/${slug}`);
    expect(page.status).toBe(200);
    const { document } = parseHTML(page.text);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelectorAll('link[rel="alternate"]').length).toBe(2);
    const figure = document.querySelector('article figure');
    expect(figure?.querySelector('img')).toBeTruthy();
    expect(figure?.querySelector('figcaption')?.textContent?.trim().length).toBeGreaterThan(10);
    expect((await get(n.url + figure!.querySelector('img')!.getAttribute('src')!)).status).toBe(200);
    const body = document.querySelector('.story-body')!.textContent!;
    expect((body.match(/“[^”]+”/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect((body.match(/\d[\d,.]*/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(document.querySelectorAll('.story-body h2').length).toBeGreaterThanOrEqual(1);
    for (const chrome of CHROME) expect(page.text, chrome).toContain(chrome);
    // The story itself never contains chrome words, so "no chrome in the text" checks stay meaningful.
    const story = [document.querySelector('h1')!.textContent, document.querySelector('.standfirst')!.textContent, body].join('\n');
    for (const chrome of CHROME) expect(story, chrome).not.toContain(chrome);
  });

  it('puts JSON-LD NewsArticle on most pages, and not on all', async () => {
    let withLd = 0;
    for (const a of articles) {
      const { document } = parseHTML((await get(`${n.url}/articles/${a.slug}`)).text);
      const ld = document.querySelector('script[type="application/ld+json"]');
      if (!ld) continue;
      withLd++;
      const data = JSON.parse(ld.textContent!);
      expect(data['@type']).toBe('NewsArticle');
      expect(data.headline).toBe(a.title);
    }
    expect(withLd).toBeGreaterThan(articles.length / 2);
    if (articles.length >= 8) expect(withLd).toBeLessThan(articles.length);
  });

  it('files each story under a section that extraction reads: the page\'s metadata, else the feed item\'s category (issue 13)', async () => {
    const sections = new Set(articles.map((a) => sectionLabel(a.category)));
    // Enough sections for a navigation bar, each with more than one story for its topic page.
    expect(sections.size).toBeGreaterThanOrEqual(5);
    for (const name of sections) expect(articles.filter((a) => sectionLabel(a.category) === name).length, name).toBeGreaterThanOrEqual(2);
    const { rss } = await feeds(n);
    let fromPage = 0;
    for (const a of articles) {
      const url = `${n.url}/articles/${a.slug}`;
      const html = (await get(url)).text;
      const { document } = parseHTML(html);
      const meta = document.querySelector('meta[property="article:section"]')?.getAttribute('content') ?? null;
      const ld = document.querySelector('script[type="application/ld+json"]');
      if (a.structuredData) {
        expect(meta, a.slug).toBe(sectionLabel(a.category));
        expect(JSON.parse(ld!.textContent!).articleSection, a.slug).toBe(sectionLabel(a.category));
        expect(extractArticle(html, url).section, a.slug).toBe(sectionLabel(a.category));
        fromPage++;
      } else {
        // A bare page names no section: the pipeline falls back to the feed item's <category>.
        expect(meta, a.slug).toBeNull();
        expect(extractArticle(html, url).section, a.slug).toBeUndefined();
      }
      expect(rss.find((i) => i.link === url)?.category, a.slug).toBe(sectionLabel(a.category));
    }
    expect(fromPage).toBeGreaterThan(articles.length / 2);
  });

  it('keeps one story echoing the seed: an agency quoting an official', () => {
    const text = articles.map((a) => a.blocks.map((b) => (b.kind === 'ul' ? b.items.join(' ') : b.text)).join('\n')).join('\n');
    expect(text).toMatch(/news agency \w+ quoted [A-Z]\w+ [A-Z]\w+, secretary of/);
  });

  it('serves a broken feed that is not XML at all, robots.txt and a 404 page', async () => {
    const broken = await get(n.brokenFeedUrl);
    expect(broken.status).toBe(200);
    expect(XMLValidator.validate(broken.text)).not.toBe(true);
    expect(n.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${n.url}/robots.txt`)).text).toContain('Allow: /');
    expect((await get(`${n.url}//robots.txt`)).status).toBe(200);
    expect((await get(`${n.url}/articles/no-such-story`)).status).toBe(404);
  });
});

describe('newsroom publishing and caching', () => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await startNewsroom({ initialCount: 2 });
  });
  afterAll(async () => n.close());

  it('answers 304 to a matching If-None-Match and If-Modified-Since', async () => {
    for (const url of [n.rssUrl, n.atomUrl]) {
      const first = await get(url);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]+"$/);
      expect((await get(url, { 'if-none-match': etag })).status).toBe(304);
      expect((await get(url, { 'if-none-match': '"stale"' })).status).toBe(200);
      expect((await get(url, { 'if-modified-since': first.headers.get('last-modified')! })).status).toBe(304);
    }
  });

  it('publishNext adds one story on top of both feeds and changes the ETag', async () => {
    const before = await feeds(n);
    const etag = (await get(n.rssUrl)).headers.get('etag')!;
    const held = `${n.url}/articles/${articles[2]!.slug}`;
    expect((await get(held)).status).toBe(404);
    const published = await n.publishNext();
    expect(published).toEqual({ slug: articles[2]!.slug, url: held });
    expect(n.liveCount()).toBe(3);
    const after = await feeds(n);
    expect(after.rss).toHaveLength(before.rss.length + 1);
    expect(after.atom).toHaveLength(before.atom.length + 1);
    expect(after.rss[0]!.link).toBe(held);
    expect((after.atom[0]!.link as Record<string, string>)['@_href']).toBe(held);
    expect(Date.parse(after.rss[0]!.pubDate!)).toBeGreaterThan(Date.parse(before.rss[0]!.pubDate!));
    expect((await get(held)).status).toBe(200);
    expect((await get(n.rssUrl, { 'if-none-match': etag })).status).toBe(200);
  });

  it('publishes over HTTP from 127.0.0.1 and says when nothing is left', async () => {
    const left = articles.length - n.liveCount();
    for (let i = 0; i < left; i++) {
      const r = await fetch(`${n.url}/_newsroom/publish-next`, { method: 'POST' });
      expect(r.status).toBe(200);
      expect((await r.json()).slug).toBeTruthy();
    }
    expect(n.liveCount()).toBe(articles.length);
    expect((await fetch(`${n.url}/_newsroom/publish-next`, { method: 'POST' })).status).toBe(409);
    expect(await n.publishNext()).toBeNull();
  });
});

describe('parseArticle', () => {
  const valid = `---
slug: a-story
title: A headline of some length
standfirst: A standfirst of some length
author: Jo Bloggs
category: world
dateline: PARIS
published: "2026-01-01T00:00:00Z"
figure: { src: /static/x.svg, alt: x, caption: c, credit: d }
---
First paragraph.

## A heading

- one
- two
`;
  it('reads front matter and the Markdown subset', () => {
    const a = parseArticle(valid, 'x.md');
    expect(a.structuredData).toBe(true);
    expect(a.blocks).toEqual([
      { kind: 'p', text: 'First paragraph.' },
      { kind: 'h2', text: 'A heading' },
      { kind: 'ul', items: ['one', 'two'] },
    ]);
  });
  it.each([
    ['no front matter', 'just text', /missing front matter/],
    ['bad category', valid.replace('category: world', 'category: weather'), /x\.md: category/],
    ['bad slug', valid.replace('slug: a-story', 'slug: A Story'), /x\.md: slug/],
    ['figure outside static', valid.replace('/static/x.svg', 'http://elsewhere/x.svg'), /figure\.src/],
  ])('rejects %s', (_name, source, error) => {
    expect(() => parseArticle(source, 'x.md')).toThrow(error);
  });
});
