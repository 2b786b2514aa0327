import { parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { markPassages, segmentBlocks } from '../../src/publish/mark-passages.ts';
import { renderArticle } from '../../src/publish/render-article.ts';
import { renderAtom, renderJsonFeed, renderRss, type FeedEntry } from '../../src/publish/render-feeds.ts';
import { renderList } from '../../src/publish/render-list.ts';
import { renderSearch } from '../../src/publish/render-search.ts';
import type { ArticleView, Card, SiteInfo } from '../../src/publish/site-view.ts';
import { splitStandfirst } from '../../src/publish/standfirst.ts';
import { engineName, tidyHtml, tidyText } from '../../src/publish/tidy-text.ts';
import { segmentHtml } from '../../src/translate/segmenter.ts';

const site: SiteInfo = { name: 'Wire', baseUrl: 'https://news.example', languages: ['es', 'ar'], defaultLanguage: 'es' };
const LEAD = { path: '/media/aa.jpg', width: 960, height: 540 };

function card(over: Partial<Card> = {}): Card {
  return {
    id: 2, path: '/es/2026/11/otra', lang: 'es', title: 'Otra noticia', excerpt: 'Resumen.', publishedAt: new Date('2026-11-28T10:00:00Z'),
    updatedAt: new Date('2026-11-28T10:00:00Z'), outlet: 'Harbour Gazette', sourceSlug: 'harbour-gazette', category: 'Economía', topicSlug: 'economia',
    imageUrl: null, leadImage: null, flagged: false, ...over,
  };
}

function article(over: Partial<ArticleView> = {}): ArticleView {
  return {
    ...card({ id: 1, path: '/es/2026/11/puerto', title: 'Aprobado el puerto', excerpt: 'El consejo votó.' }),
    articleId: 1, storyId: null, html: '<p>Primer párrafo.</p><p>Segundo párrafo.</p>', text: 'Primer párrafo. Segundo párrafo.',
    engine: 'apertium', byline: 'Mara Lind', originalTitle: 'Port approved', originalUrl: 'https://harbour.example/port', originalLang: 'en',
    sourcePublishedAt: new Date('2026-11-28T09:00:00Z'), fetchedAt: new Date('2026-11-28T09:05:00Z'), translatedAt: new Date('2026-11-28T09:06:00Z'),
    imageCaption: null, imageUrl: 'https://harbour.example/lead.jpg', media: new Map([['https://harbour.example/lead.jpg', LEAD]]),
    alternates: [{ lang: 'es', path: '/es/2026/11/puerto' }], related: [], ...over,
  };
}

const dom = (html: string) => parseHTML(html).document;

describe('Apertium is named as readers know it', () => {
  it.each([['apertium', 'Apertium'], ['deepl', 'DeepL'], ['libretranslate', 'LibreTranslate'], ['apertium>deepl', 'Apertium + DeepL'], ['my-engine', 'my-engine']])('%s → %s', (label, name) => {
    expect(engineName(label)).toBe(name);
  });

  it('in the notice, the provenance and the JSON-LD of an article', () => {
    const d = dom(renderArticle(site, article()));
    expect(d.querySelector('.notice')!.textContent).toContain('Traducido automáticamente por Apertium;');
    expect(d.querySelector('dl.provenance')!.textContent).toContain('Apertium');
    expect(d.querySelector('dl.provenance')!.textContent).not.toMatch(/\bapertium\b/);
    expect(JSON.parse(d.querySelector('script[type="application/ld+json"]')!.textContent!).translator.name).toBe('Apertium');
  });
});

describe('Apertium’s spaces inside quotation marks are tidied at render', () => {
  it.each([
    ['es', '“ Lo haremos ”, dijo.', '“Lo haremos”, dijo.'],
    ['es', '« Es el mayor cambio », dijo. ¿ Quién ?', '«Es el mayor cambio», dijo. ¿Quién ?'],
    ['ca', '‘ Sí ’', '‘Sí ’'],
    ['fr', '« Oui », a-t-il dit. “ Non ”', '« Oui », a-t-il dit. “Non”'],
    ['es', 'Sin comillas: nada cambia.', 'Sin comillas: nada cambia.'],
  ])('%s: %j', (lang, input, out) => expect(tidyText(lang, input)).toBe(out));

  it('only between tags, never inside an attribute', () => {
    expect(tidyHtml('es', '<p title="“ a ”">“ <em>b</em> y “ c ”</p>')).toBe('<p title="“ a ”">“ <em>b</em> y “c”</p>');
  });

  it('on the article page: headline, standfirst and body', () => {
    const d = dom(renderArticle(site, article({ title: '“ Nunca ” más', excerpt: 'Dijo “ basta ”.', html: '<p>“ Lo que dijo ” fue claro.</p>', text: 'x' })));
    expect(d.querySelector('h1')!.textContent).toBe('“Nunca” más');
    expect(d.querySelector('.standfirst')!.textContent).toBe('Dijo “basta”.');
    expect(d.querySelector('.body p')!.textContent).toBe('“Lo que dijo” fue claro.');
  });
});

describe('the standfirst extraction marks is shown as a standfirst', () => {
  const html = '<p class="standfirst">El puerto doblará su capacidad.</p><p>El consejo aprobó el martes la ampliación.</p>';

  it('is split from the body', () => {
    expect(splitStandfirst(html)).toEqual({ standfirst: 'El puerto doblará su capacidad.', attrs: '', body: '<p>El consejo aprobó el martes la ampliación.</p>' });
    expect(splitStandfirst('<p>Nada.</p>').standfirst).toBeNull();
    expect(splitStandfirst('<p class="standfirstish">x</p>').standfirst).toBeNull();
  });

  it('sits under the headline, before the lead image, and not in the body', () => {
    const d = dom(renderArticle(site, article({ html, excerpt: 'Resumen del feed.' })));
    const standfirst = d.querySelector('.standfirst')!;
    expect(standfirst.textContent).toBe('El puerto doblará su capacidad.');
    expect(standfirst.closest('header')).not.toBeNull();
    expect(d.querySelector('.body')!.textContent).not.toContain('doblará');
    // Document order: headline, standfirst, lead image, body.
    const order = [...d.querySelectorAll('h1, .standfirst, figure.lead-image, .body')].map((e) => e.tagName.toLowerCase() + (e.className ? `.${e.className}` : ''));
    expect(order).toEqual(['h1', 'p.standfirst', 'figure.lead-image', 'div.body']);
    // One standfirst: the feed's summary is not shown beside the outlet's own.
    expect(d.querySelectorAll('.standfirst')).toHaveLength(1);
  });
});

describe('a flagged article says where the gate found possible errors', () => {
  const html = '<p>Uno.</p><h2>Dos</h2><p>Tres <em>con</em> énfasis.</p><ul><li>Cuatro</li><li>Cinco</li></ul><figure><img src="/media/x.jpg" alt=""><figcaption>Seis</figcaption></figure><p>Siete.</p>';

  it('finds the same blocks as the orchestrator’s segmenter', () => {
    const samples = [html, '<div>Texto suelto<p>y un párrafo</p></div><blockquote><p>Cita</p></blockquote>', '<p class="standfirst">Entrada</p><table><tr><td>a</td><td>b</td></tr></table><pre>code</pre><p>fin</p>'];
    for (const sample of samples) expect(segmentBlocks(sample)).toHaveLength(segmentHtml(sample).segments.length);
    const blocks = segmentBlocks(html);
    const texts = blocks.map((b) => (b ? parseDocument(html.slice(b.start)).children.length > 0 && html.slice(b.start, html.indexOf('>', b.start) + 1) : null));
    expect(texts).toEqual(['<p>', '<h2>', '<p>', '<li>', '<li>', '<figcaption>', '<p>']);
  });

  it('marks the flagged blocks and links to them', () => {
    const marked = markPassages(html, [2, 6]);
    expect(marked.anchors).toEqual(['check-1', 'check-2']);
    expect(marked.html).toContain('<p id="check-1" data-check="1">Tres <em>con</em> énfasis.</p>');
    expect(marked.html).toContain('<p id="check-2" data-check="2">Siete.</p>');
  });

  it('on the page: the warning names the passages, the headline and the standfirst, each a link to its mark', () => {
    const a = article({
      flagged: true, html, text: 'Uno. Dos.',
      findings: [
        { segment: 2, severity: 'error', part: null },
        { segment: null, severity: 'warning', part: 'title' },
        { segment: null, severity: 'error', part: 'excerpt' },
        { segment: 4, severity: 'warning', part: null },
      ],
    });
    const d = dom(renderArticle(site, a));
    const where = d.querySelector('.warning .where')!;
    expect(where.textContent).toBe('Dónde: el titular, la entradilla, pasaje 1, pasaje 2.');
    const targets = [...where.querySelectorAll('a')].map((l) => l.getAttribute('href')!.slice(1));
    for (const id of targets) expect(d.getElementById(id)?.hasAttribute('data-check'), id).toBe(true);
    expect(d.getElementById(targets[2]!)!.textContent).toBe('Tres con énfasis.');
    expect(d.getElementById(targets[3]!)!.textContent).toBe('Cinco');
  });

  it('an article-wide finding is said to concern the whole article', () => {
    const d = dom(renderArticle(site, article({ flagged: true, findings: [{ segment: null, severity: 'error', part: null }] })));
    expect(d.querySelector('.warning .where')!.textContent).toBe('Afectan al artículo en su conjunto.');
    expect(d.querySelectorAll('[data-check]')).toHaveLength(0);
  });

  it('no marks on a story published without a warning', () => {
    const d = dom(renderArticle(site, article({ flagged: false, html, findings: [{ segment: 2, severity: 'warning', part: null }] })));
    expect(d.querySelector('.warning')).toBeNull();
    expect(d.querySelectorAll('[data-check]')).toHaveLength(0);
  });
});

describe('a news site: sections, topics, more to read, a masthead', () => {
  const topics = [{ slug: 'economia', name: 'Economía', count: 3 }, { slug: 'ciencia', name: 'Ciencia', count: 2 }];

  it('every page has a sections bar with the home page and the topics, the current one marked', () => {
    const d = dom(renderArticle(site, article(), topics));
    const nav = d.querySelector('header nav.sections')!;
    expect([...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Portada', '/es/'], ['Economía', '/es/topic/economia'], ['Ciencia', '/es/topic/ciencia'],
    ]);
    expect(nav.querySelector('[aria-current]')!.textContent).toBe('Economía');
    expect(d.querySelector('header .brand')!.textContent).toBe('Wire');
    expect(d.querySelector('header .tagline')!.textContent).toBe('Las noticias, traducidas por máquina');
  });

  it('the search box has a placeholder', () => {
    const d = dom(renderSearch(site, { lang: 'es', query: '', cards: [], total: 0, page: 1, pageSize: 10, topics }));
    expect(d.querySelector('input[name=q]')!.getAttribute('placeholder')).toBe('Buscar noticias…');
  });

  it('the article links its topic and its outlet, and ends with more in its topic and more news', () => {
    const related = [card({ id: 3, title: 'Mismo tema' }), card({ id: 4, title: 'Otra cosa', category: 'Ciencia', topicSlug: 'ciencia' })];
    const d = dom(renderArticle(site, article({ related }), topics));
    expect([...d.querySelectorAll('.story-topics a')].map((a) => a.getAttribute('href'))).toEqual(['/es/topic/economia', '/es/source/harbour-gazette']);
    const sections = [...d.querySelectorAll('section.read-next')];
    expect(sections.map((s) => s.querySelector('h2')!.textContent)).toEqual(['Más en Economía', 'Más noticias']);
    expect(sections[0]!.textContent).toContain('Mismo tema');
    expect(sections[1]!.textContent).toContain('Otra cosa');
  });

  it('the home page marks Home as current in the sections bar', () => {
    const html = renderList(site, { kind: 'home', lang: 'es', basePath: '/es/', title: 'Wire', cards: [card()], page: 1, hasNext: false, now: new Date(), topics, feedBase: '/es/' });
    expect(dom(html).querySelector('nav.sections [aria-current]')!.textContent).toBe('Portada');
  });

  it('the back-to-top link is the page’s last control, in the footer (never over the text)', () => {
    const d = dom(renderArticle(site, article(), topics));
    const links = [...d.querySelectorAll('a, button, input')];
    expect(links.at(-1)!.className).toBe('to-top');
    expect(links.at(-1)!.closest('footer')).not.toBeNull();
  });
});

describe('feeds name the site’s mirrored images, never the outlet’s', () => {
  const entry: FeedEntry = {
    ...card({ leadImage: LEAD, imageUrl: 'http://outlet.example/lead.jpg' }),
    html: '<p class="standfirst">Entrada.</p><p>Texto.</p><figure><img src="http://outlet.example/body.jpg" alt="Grúas"><figcaption>Grúas</figcaption></figure><img src="http://outlet.example/lead.jpg" alt=""><img src="http://outlet.example/never-mirrored.jpg" alt="">',
    engine: 'apertium', originalUrl: 'https://outlet.example/story', originalTitle: 'Story', byline: null,
    media: new Map([['http://outlet.example/body.jpg', { path: '/media/bb.jpg', width: 800, height: 600 }], ['http://outlet.example/lead.jpg', LEAD]]),
  };
  const input = { site, lang: 'es', title: 'Wire', pagePath: '/es/', selfPath: '/es/feed', entries: [entry], now: new Date() };

  it.each([
    ['RSS', () => renderRss(input)],
    ['Atom', () => renderAtom(input, 'https://news.example/es/atom.xml').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')],
    ['JSON Feed', () => JSON.parse(renderJsonFeed(input, 'https://news.example/es/feed.json')).items[0].content_html as string],
  ])('%s', (_, render) => {
    const out = render();
    expect(out).not.toMatch(/outlet\.example\/[\w-]+\.jpg/);
    expect(out).toContain('<img src="https://news.example/media/bb.jpg" alt="Grúas" width="800" height="600"');
    // The lead image once, at the top, as on the page.
    expect(out.match(/news\.example\/media\/aa\.jpg/g)).toHaveLength(1);
    expect(out).toContain('Traducido automáticamente por Apertium;');
  });

  it('JSON Feed names the lead image', () => {
    expect(JSON.parse(renderJsonFeed(input, 'https://news.example/es/feed.json')).items[0].image).toBe('https://news.example/media/aa.jpg');
  });
});

describe('the link to the original', () => {
  it('is an http(s) URL or nothing that runs: a javascript: URL never becomes a link', () => {
    const d = dom(renderArticle(site, article({ originalUrl: 'javascript:alert(1)' })));
    const hrefs = [...d.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => /^\s*javascript:/i.test(h))).toBe(false);
    const ok = dom(renderArticle(site, article({ originalUrl: 'https://outlet.example/story' })));
    expect([...ok.querySelectorAll('a')].filter((a) => a.getAttribute('href') === 'https://outlet.example/story').length).toBe(2);
  });
});
