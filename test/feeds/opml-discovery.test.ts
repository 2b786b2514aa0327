import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpml, discoverFeeds, looksLikeFeed, parseOpml } from '../../src/feeds/index.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name), 'utf8');

describe('OPML', () => {
  it('reads nested folders as categories, skips duplicates and unusable URLs with warnings', () => {
    const opml = parseOpml(fixture('opml-nested.xml'));
    expect(opml.title).toBe('My subscriptions & more');
    expect(opml.outlines).toEqual([
      { url: 'https://gazette.example/feed.xml', title: 'Harbour Gazette', htmlUrl: 'https://gazette.example/', category: 'World/Europe' },
      { url: 'https://atom.example/feed.atom', title: 'El Faro (ES)', htmlUrl: null, category: 'World' },
      { url: 'https://tagged.example/rss', title: 'Tagged', htmlUrl: null, category: 'Tech' },
      { url: 'https://loose.example/feed?a=1&b=2', title: 'No folder', htmlUrl: null, category: null },
    ]);
    expect(opml.warnings.some((w) => w.includes('duplicate'))).toBe(true);
    expect(opml.warnings.some((w) => w.includes('javascript:'))).toBe(true);
  });

  it('round-trips through buildOpml', () => {
    const sources = [
      { url: 'https://a.example/feed?x=1&y=2', title: 'A & "B"', htmlUrl: 'https://a.example/', category: 'World' },
      { url: 'https://b.example/rss', title: null, category: 'World' },
      { url: 'https://c.example/atom', title: 'C <c>', category: null },
    ];
    const xml = buildOpml('Export <1>', sources);
    expect(xml).toContain('<opml version="2.0">');
    const back = parseOpml(xml);
    expect(back.title).toBe('Export <1>');
    expect(back.outlines).toEqual([
      { url: 'https://a.example/feed?x=1&y=2', title: 'A & "B"', htmlUrl: 'https://a.example/', category: 'World' },
      { url: 'https://b.example/rss', title: 'https://b.example/rss', htmlUrl: null, category: 'World' },
      { url: 'https://c.example/atom', title: 'C <c>', htmlUrl: null, category: null },
    ]);
    expect(back.warnings).toEqual([]);
  });

  it('refuses a document that is not OPML', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(/not an OPML/);
  });
});

describe('discoverFeeds', () => {
  it('finds declared alternates (with <base>), feed-looking links, then common paths', () => {
    const found = discoverFeeds(fixture('page-with-feeds.html'), 'https://gazette.example/news/today');
    expect(found.slice(0, 7)).toEqual([
      { url: 'https://gazette.example/feed.xml', type: 'application/rss+xml', title: 'All stories' },
      { url: 'https://gazette.example/news/atom.xml', type: 'application/atom+xml', title: 'Atom & more' },
      { url: 'https://gazette.example/feed.json', type: 'application/feed+json', title: null },
      { url: 'https://gazette.example/comments/feed/', type: 'application/rss+xml', title: 'Harbour Gazette » Comments Feed' },
      { url: 'https://gazette.example/news/rss', type: 'link', title: 'RSS' },
      { url: 'https://gazette.example/category/world/feed/', type: 'link', title: 'World feed' },
      { url: 'https://gazette.example/subscribe', type: 'link', title: 'Subscribe' },
    ]);
    expect(found.some((f) => /facebook|elsewhere/.test(f.url))).toBe(false);
    const guesses = found.filter((f) => f.type === 'guess').map((f) => f.url);
    expect(guesses).toContain('https://gazette.example/feed');
    expect(guesses).toContain('https://gazette.example/atom.xml');
    expect(guesses).not.toContain('https://gazette.example/feed.xml'); // already declared
    expect(found.some((f) => f.url.endsWith('/alt.xsl') || f.url.endsWith('/es/') || f.url.endsWith('/about'))).toBe(false);
  });
});

describe('looksLikeFeed', () => {
  const CASES: Array<[string, string | null, boolean]> = [
    ['<?xml version="1.0"?><rss version="2.0"><channel>', null, true],
    ['\uFEFF<feed xmlns="http://www.w3.org/2005/Atom">', 'text/html', true],
    ['<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x">', null, true],
    ['<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', 'application/xml', true],
    ['<sitemapindex>', null, true],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'application/json', true],
    ['{"name": "package"}', 'application/json', false],
    ['<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head>', 'text/html', false],
    ['<html><body><rss>', 'application/rss+xml', false],
    ['<?xml version="1.0"?><catalog/>', 'application/rss+xml', true],
    ['<?xml version="1.0"?><catalog/>', 'application/xml', true],
    ['<?xml version="1.0"?><catalog/>', null, false],
    ['plain text', 'text/plain', false],
  ];
  it.each(CASES)('%j (%s) → %s', (text, ct, expected) => {
    expect(looksLikeFeed(text, ct)).toBe(expected);
  });
});
