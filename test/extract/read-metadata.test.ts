import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { cleanTitle } from '../../src/extract/clean-title.ts';
import { dateFromUrl, toIsoDate } from '../../src/extract/parse-date.ts';

const BODY = '<p>The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded steel deck, the city council said.</p><p>The work cost 14.5 million euros, about 1.2 million less than planned, and buses will return to the bridge on Monday.</p>';
const URL_ = 'https://courier.example/news/bridge';

function page(head: string, body = `<article><h1>Document heading</h1>${BODY}</article>`, htmlAttrs = ''): string {
  return `<!doctype html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;
}

const JSON_LD = `<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'WebSite', name: 'Courier site' },
    { '@type': 'NewsArticle', headline: 'JSON-LD headline', author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { '@type': 'Person', name: 'Li Wei' }], datePublished: '2024-03-01T08:00:00Z', dateModified: '2024-03-02T09:00:00Z', image: { '@type': 'ImageObject', url: '/img/ld.jpg' }, publisher: { '@type': 'Organization', name: 'LD Publisher' }, description: 'LD description' },
  ],
})}</script>`;
const OG = '<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site"><meta property="og:image" content="https://cdn.example/og.jpg"><meta property="article:published_time" content="2024-02-01T10:00:00Z"><meta property="article:modified_time" content="2024-02-02T10:00:00Z"><meta name="author" content="Meta Author"><meta property="og:description" content="OG description">';
const DOC = '<title>Document title</title><link rel="canonical" href="/news/bridge-canonical">';

describe('metadata precedence: JSON-LD > Open Graph / meta > document', () => {
  it.each([
    { name: 'JSON-LD wins', head: JSON_LD + OG + DOC, title: 'JSON-LD headline', byline: 'Ana Ruiz, Li Wei', published: '2024-03-01T08:00:00.000Z', modified: '2024-03-02T09:00:00.000Z', image: 'https://courier.example/img/ld.jpg', excerpt: 'LD description', siteName: 'OG Site' },
    { name: 'Open Graph when no JSON-LD', head: OG + DOC, title: 'OG title', byline: 'Meta Author', published: '2024-02-01T10:00:00.000Z', modified: '2024-02-02T10:00:00.000Z', image: 'https://cdn.example/og.jpg', excerpt: 'OG description', siteName: 'OG Site' },
    { name: 'the document when nothing else', head: DOC, title: 'Document title', byline: null, published: null, modified: null, image: null, excerpt: 'The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded steel deck, the city council said.', siteName: null },
  ])('$name', ({ name: _name, head, ...want }) => {
    const a = extractArticle(page(head), URL_);
    expect({ title: a.title, byline: a.byline, published: a.published, modified: a.modified, image: a.image?.url ?? null, excerpt: a.excerpt, siteName: a.siteName }).toEqual(want);
    expect(a.canonical).toBe('https://courier.example/news/bridge-canonical');
  });

  it('publisher from JSON-LD is the site name when there is no og:site_name', () => {
    expect(extractArticle(page(JSON_LD + DOC), URL_).siteName).toBe('LD Publisher');
  });

  it('a <time datetime> in the page dates the story when no metadata does', () => {
    const a = extractArticle(page(DOC, `<article><time datetime="2024-01-05T07:30:00+01:00">5 Jan</time>${BODY}</article>`), URL_);
    expect(a.published).toBe('2024-01-05T06:30:00.000Z');
  });

  it('the date in the URL is the last resort', () => {
    expect(extractArticle(page(DOC), 'https://courier.example/2023/11/18/bridge').published).toBe('2023-11-18T00:00:00.000Z');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Bridge reopens | Coastal Courier', 'Coastal Courier', null, 'Bridge reopens'],
    ['Bridge reopens - Coastal Courier', 'Coastal Courier', null, 'Bridge reopens'],
    ['Coastal Courier — Bridge reopens', 'Coastal Courier', null, 'Bridge reopens'],
    ['Bridge reopens - Coastal Courier', null, 'Bridge reopens', 'Bridge reopens'],
    ['Bridge reopens | Courier', null, null, 'Bridge reopens'],
    ['Armenia-Azerbaijan conflict: ceasefire reported', 'Wire', null, 'Armenia-Azerbaijan conflict: ceasefire reported'],
    ['Rates: what the rise means for you - in charts', null, null, 'Rates: what the rise means for you - in charts'],
  ])('%s', (raw, site, heading, want) => {
    expect(cleanTitle(raw, site, heading)).toBe(want);
  });
});

describe('dates', () => {
  it.each([
    ['https://x.example/2019/11/18/story', '2019-11-18T00:00:00.000Z'],
    ['https://x.example/news/2019-11-18-story.html', '2019-11-18T00:00:00.000Z'],
    ['https://x.example/a/20191118/story', '2019-11-18T00:00:00.000Z'],
    ['https://x.example/2019/13/45/story', null],
    ['https://x.example/story-12345678', null],
  ])('dateFromUrl(%s)', (url, want) => {
    expect(dateFromUrl(url)).toBe(want);
  });
  it.each([
    ['2019-11-18 10:00:00', '2019-11-18T10:00:00.000Z'],
    ['Mon, 18 Nov 2019 10:00:00 +0100', '2019-11-18T09:00:00.000Z'],
    ['not a date', null],
    ['1850-01-01', null],
  ])('toIsoDate(%s)', (value, want) => {
    expect(toIsoDate(value)).toBe(want);
  });
});

describe('per-source rules', () => {
  const html = page(DOC, `<div class="odd-layout"><div class="x1">${BODY}</div><div class="x2"><p>An unrelated teaser paragraph that is long enough to look like the story to any heuristic at all.</p><p>And another one of them, with a full stop and everything a paragraph should have.</p><p>And a third one of them, so that the heuristic would be tempted to take this block.</p></div></div>`);
  it('select takes only the named elements; drop removes inside them', () => {
    const a = extractArticle(html, URL_, { rules: { select: ['.x2'], drop: ['.x2 p:last-child'] } });
    expect(a.text).toContain('An unrelated teaser paragraph');
    expect(a.text).not.toContain('harbour bridge');
    expect(a.text).not.toContain('a third one');
  });
  it('a selector that matches nothing leaves the heuristics in charge', () => {
    expect(extractArticle(html, URL_, { rules: { select: ['.missing'] } }).text).toContain('harbour bridge');
  });
  it('an invalid selector is ignored, not thrown', () => {
    expect(() => extractArticle(html, URL_, { rules: { select: ['[[['], drop: ['>>'] } })).not.toThrow();
  });
});
