import { describe, expect, it } from 'vitest';
import { esc, fill, jsonForScript } from '../../src/publish/html.ts';
import { messages } from '../../src/publish/messages.ts';
import { en } from '../../src/publish/messages/en.ts';
import { localMediaOnly, standfirstRepeats } from '../../src/publish/render-article.ts';
import { renderAtom, renderRss } from '../../src/publish/render-feeds.ts';
import { highlight, MARK_START, MARK_STOP } from '../../src/publish/render-search.ts';
import { slugify } from '../../src/shared/slug.ts';
import { cdata, x } from '../../src/publish/xml.ts';
import { parseSitePath } from '../../src/web/site-paths.ts';

describe('escaping', () => {
  it.each([
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    [null, ''],
    [42, '42'],
  ])('esc(%j)', (input, out) => expect(esc(input as string)).toBe(out));

  it('fills message placeholders with escaped values', () => {
    expect(fill('By {name} in {place}', { name: '<i>A</i>' })).toBe('By &lt;i&gt;A&lt;/i&gt; in {place}');
  });

  it('keeps JSON-LD from closing its script element', () => {
    expect(jsonForScript({ t: '</script><script>x' })).not.toContain('</script>');
    expect(JSON.parse(jsonForScript({ t: '</script>' }))).toEqual({ t: '</script>' });
  });

  it.each([
    ['a\u0001b', 'ab'],
    ['x ]]> y', 'x ]]> y'],
  ])('xml text and CDATA survive %j', (input, out) => {
    expect(x(input)).toBe(esc(out));
    const c = cdata(input);
    expect(c.replace(/<!\[CDATA\[|\]\]>/g, '')).toBe(out);
  });

  it('highlights search matches after escaping the snippet', () => {
    expect(highlight(`a <b> ${MARK_START}puerto${MARK_STOP} & c`)).toBe('a &lt;b&gt; <mark>puerto</mark> &amp; c');
  });
});

describe('third-party media never reaches the page', () => {
  it.each([
    ['<p>a</p><img src="https://cdn.example/x.jpg" alt="">', '<p>a</p>'],
    ['<img src="/media/x.jpg" alt="x">', '<img src="/media/x.jpg" alt="x">'],
    ['<img src="//cdn.example/x.jpg">', ''],
    ['<iframe src="https://youtube.example/v"></iframe><p>b</p>', '<p>b</p>'],
    ['<picture><source src="https://x.example/a.webp"><img src="https://x.example/a.jpg"></picture>', '<picture></picture>'],
    ['<figure><img src="https://x.example/a.jpg"><figcaption>A port</figcaption></figure><p>c</p>', '<p>c</p>'],
    ['<figure><img src="/media/a.jpg"><figcaption>A port</figcaption></figure>', '<figure><img src="/media/a.jpg"><figcaption>A port</figcaption></figure>'],
  ])('%s', (input, out) => expect(localMediaOnly(input)).toBe(out));
  
  it.each([
    ['Ossland made no mention of a truce.', 'Ossland made no mention of a truce. KESSLAU — …', true],
    ['Ossland made no mention…', 'Ossland  made no mention of a truce.', true],
    ['A different summary.', 'The body starts elsewhere.', false],
  ])('standfirst %j repeats the body: %s', (excerpt, text, repeats) => expect(standfirstRepeats(excerpt, text)).toBe(repeats));
});

describe('slugs', () => {
  it.each([
    ['Economy', 'economy'],
    ['Ciencia y Tecnología', 'ciencia-y-tecnologia'],
    ['  Harbour   Gazette! ', 'harbour-gazette'],
    ['اقتصاد', 'اقتصاد'],
    ['***', 'x'],
  ])('%s → %s', (input, out) => expect(slugify(input, 80, 'x')).toBe(out));
});

describe('paths', () => {
  const langs = ['es', 'ar'];
  it.each([
    ['/es/', { kind: 'home', lang: 'es', page: 1 }],
    ['/es/page/3', { kind: 'home', lang: 'es', page: 3 }],
    ['/es/2026/11/un-titulo', { kind: 'article', lang: 'es', path: '/es/2026/11/un-titulo' }],
    ['/ar/topic/economy', { kind: 'topic', lang: 'ar', slug: 'economy', page: 1 }],
    ['/es/topic/economy/page/2', { kind: 'topic', lang: 'es', slug: 'economy', page: 2 }],
    ['/es/source/harbour-gazette/atom.xml', { kind: 'feed', lang: 'es', format: 'atom', scope: { source: 'harbour-gazette' } }],
    ['/es/feed.json', { kind: 'feed', lang: 'es', format: 'json', scope: {} }],
    ['/es/news-sitemap.xml', { kind: 'news-sitemap', lang: 'es' }],
    ['/sitemap.xml', { kind: 'sitemap-index' }],
    ['/robots.txt', { kind: 'robots' }],
    ['/fr/', null],
    ['/es/page/0', null],
    ['/es/page/x', null],
    ['/es/2026/1/x', null],
    ['/es/topic/../../etc', null],
    ['/es/topic/A', null],
    ['/es/unknown', null],
  ])('%s', (path, spec) => expect(parseSitePath(path, langs)).toEqual(spec));
});

describe('message files', () => {
  it.each(['es', 'ar', 'fr', 'ca', 'pt', 'de'])('%s has every string, and the notice names the engine', (lang) => {
    const m = messages(lang);
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
    expect(m.notice).toContain('{engine}');
    expect(m).not.toBe(en);
  });

  it('the Spanish notice is exactly the agreed text', () => {
    expect(fill(messages('es').notice, { engine: 'apertium' })).toBe('Traducido automáticamente por apertium; no revisado por un editor.');
    expect(fill(messages('en').notice, { engine: 'apertium' })).toBe('Translated automatically by apertium; not reviewed by an editor.');
  });

  it('falls back to English for a language without a file', () => {
    expect(messages('xx')).toBe(en);
  });
});

describe('an empty feed', () => {
  const site = { name: 'Wire', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
  const now = new Date('2026-11-29T08:00:00Z');
  const input = { site, lang: 'es', title: 'Wire', pagePath: '/es/', selfPath: '/es/feed', entries: [], now };

  it('was last updated when it was built, not in 1970', () => {
    expect(renderAtom(input, 'https://news.example/es/atom.xml')).toContain('<updated>2026-11-29T08:00:00.000Z</updated>');
    expect(renderRss(input)).toContain(`<lastBuildDate>${now.toUTCString()}</lastBuildDate>`);
  });
});
