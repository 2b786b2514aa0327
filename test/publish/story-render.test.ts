import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { sourcesLabel } from '../../src/publish/messages/stories.ts';
import { renderStory, storyJsonLd } from '../../src/publish/render-story.ts';
import type { ArticleView, SiteInfo } from '../../src/publish/site-view.ts';
import { storyLink } from '../../src/publish/story-link.ts';
import type { StoryDisagreement, StoryMember, StoryView } from '../../src/publish/story-view.ts';

const SITE: SiteInfo = { name: 'Transwire Test', baseUrl: 'https://news.example', languages: ['es', 'ar'], defaultLanguage: 'es' };
const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));

function lead(lang: string): ArticleView {
  return {
    id: 1, path: `/${lang}/2026/11/ferry`, lang, title: 'Vuelca un ferry', excerpt: 'Al menos 12 muertos.', publishedAt: at(8), updatedAt: at(9),
    outlet: 'Harbour Gazette', sourceSlug: 'harbour-gazette', category: 'Economía', topicSlug: 'economia', imageUrl: null, leadImage: null, flagged: false,
    articleId: 10, storyId: 5, html: '<p>Un ferry volcó el lunes.</p>', text: 'Un ferry volcó el lunes.', engine: 'apertium', byline: null,
    originalTitle: 'Ferry capsizes', originalUrl: 'https://harbour.example/ferry', originalLang: 'en', sourcePublishedAt: at(8), fetchedAt: at(8), translatedAt: at(8),
    imageCaption: null, alternates: [], related: [],
  };
}

const member = (over: Partial<StoryMember> & Pick<StoryMember, 'articleId' | 'outlet' | 'url'>): StoryMember => ({
  role: 'report', duplicateOf: null, title: 'A title', lang: 'en', at: at(8), translation: null, ...over,
});

const MEMBERS: StoryMember[] = [
  member({ articleId: 10, outlet: 'Harbour Gazette', url: 'https://harbour.example/ferry', title: 'Ferry capsizes' }),
  member({ articleId: 11, outlet: 'Valley <Times>', url: 'https://valley.example/ferry', title: 'Ferry "disaster" & more', at: at(9) }),
  member({ articleId: 12, outlet: 'Bay Wire', url: 'https://bay.example/ferry', role: 'duplicate', duplicateOf: 10, at: at(10) }),
  member({ articleId: 13, outlet: 'Evil', url: 'javascript:alert(1)', role: 'duplicate', duplicateOf: 99, at: at(10) }),
  member({ articleId: 14, outlet: 'Costa Diario', url: 'https://costa.example/ferry', lang: 'ar', title: 'عنوان', role: 'update', at: at(11), translation: { path: '/es/2026/11/rescate', title: 'Termina el rescate' } }),
];

/** What src/stories/claims would find: a stub, so the table is tested here without the module. */
const DISAGREEMENTS: StoryDisagreement[] = [
  {
    kind: 'figure', claim: 'killed', values: [
      { value: '12', sources: [{ articleId: '10', outlet: 'Harbour Gazette', url: 'https://harbour.example/ferry', shown: '12 people were killed' }] },
      { value: '1500', sources: [{ articleId: '11', outlet: 'Valley <Times>', url: 'https://valley.example/ferry', shown: '<b>1,500</b> killed' }] },
    ],
  },
  {
    kind: 'speaker', claim: 'We will rebuild', values: [
      { value: 'Mayor Lind', sources: [{ articleId: '10', outlet: 'Harbour Gazette', url: 'https://harbour.example/ferry', shown: 'Mayor Lind' }] },
      { value: 'Chief Oduya', sources: [{ articleId: '14', outlet: 'Costa Diario', url: 'https://costa.example/ferry', shown: 'القائد' }] },
    ],
  },
  { kind: 'figure', claim: 'barrels', values: [{ value: '3', sources: [] }, { value: '4', sources: [] }] },
];

function view(lang = 'es', disagreements = DISAGREEMENTS): StoryView {
  return { id: 5, lang, path: `/${lang}/story/5`, lead: lead(lang), members: MEMBERS, disagreements, alternates: [{ lang: 'es', path: '/es/story/5' }, { lang: 'ar', path: '/ar/story/5' }], changedAt: at(11) };
}

const render = (v = view()) => parseHTML(renderStory(SITE, v)).document;

describe('the disagreement table', () => {
  it('has one row group per claim and one row per value, each with the outlets that gave it', () => {
    const d = render();
    const groups = [...d.querySelectorAll('.disagreements tbody')];
    expect(groups).toHaveLength(3);
    const killed = groups[0]!;
    expect(killed.querySelector('th')?.getAttribute('rowspan')).toBe('2');
    expect(killed.querySelector('th')?.getAttribute('scope')).toBe('rowgroup');
    expect(killed.querySelector('th')?.textContent).toBe('muertos');
    // A figure in the page's notation; each outlet's words quoted in the original's language.
    expect([...killed.querySelectorAll('td.value')].map((td) => td.textContent)).toEqual(['12', '1500'.replace('1500', new Intl.NumberFormat('es').format(1500))]);
    const quotes = [...killed.querySelectorAll('q')];
    expect(quotes[1]!.textContent).toBe('<b>1,500</b> killed');
    expect(quotes[1]!.getAttribute('lang')).toBe('en');
    expect(killed.querySelector('a')?.getAttribute('href')).toBe('https://harbour.example/ferry');
  });

  it('names who said a quotation, and keeps a claim it has no word for in English', () => {
    const d = render();
    const [, speaker, unknown] = [...d.querySelectorAll('.disagreements tbody')];
    expect(speaker!.querySelector('th')?.textContent).toBe('Quién dijo «We will rebuild»');
    expect(speaker!.querySelector('th span')?.getAttribute('lang')).toBe('en');
    const arabic = speaker!.querySelectorAll('q')[1]!;
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(unknown!.querySelector('th span')?.getAttribute('lang')).toBe('en');
    expect(unknown!.querySelector('th')?.textContent).toBe('barrels');
  });

  it('names a claim only from its own words, never from an object\'s built-in properties', () => {
    const d = render(view('es', [{ kind: 'figure', claim: 'constructor', values: [{ value: '1', sources: [] }, { value: '2', sources: [] }] }]));
    expect(d.querySelector('.disagreements tbody th')?.textContent).toBe('constructor');
  });

  it('escapes what the outlets wrote', () => {
    const html = renderStory(SITE, view());
    expect(html).not.toContain('<b>1,500</b>');
    expect(html).toContain('&lt;b&gt;1,500&lt;/b&gt;');
    expect(html).not.toContain('Valley <Times>');
    expect(html).not.toContain('href="javascript:');
  });

  it('is left out when the outlets agree', () => {
    expect(render(view('es', [])).querySelector('.disagreements')).toBeNull();
  });
});

describe('the story page', () => {
  it('lists every member; near-duplicates under the article they copy, or at the end', () => {
    const d = render();
    const items = [...d.querySelectorAll('.members > li')];
    expect(items.map((li) => li.querySelector('.outlet')?.textContent)).toEqual(['Harbour Gazette', 'Valley <Times>', 'Costa Diario']);
    expect(items[0]!.querySelector('.also')?.textContent).toContain('Bay Wire');
    // A copy of an article not listed still names its outlet, without a link to a script.
    const orphan = d.querySelector('.story-sources > .also');
    expect(orphan?.textContent).toContain('Evil');
    expect(orphan?.querySelector('a')?.getAttribute('href')).toBe('#');
  });

  it('speaks the page language with each original in its own', () => {
    const d = render(view('ar'));
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
    const arabicOriginal = d.querySelector('a[href="https://costa.example/ferry"][hreflang]');
    expect(arabicOriginal?.getAttribute('dir')).toBe('rtl');
    const english = d.querySelector('a[href="https://harbour.example/ferry"][hreflang]');
    expect(english?.getAttribute('dir')).toBe('ltr');
    expect(d.querySelector('.kicker')?.textContent).toContain(sourcesLabel('ar', 5));
  });

  it('describes itself as a NewsArticle based on every member, published when the first came', () => {
    const ld = storyJsonLd(SITE, view()) as { isBasedOn: string[]; datePublished: string; dateModified: string; sourceOrganization: unknown[] };
    expect(ld.isBasedOn).toEqual(['https://harbour.example/ferry', 'https://valley.example/ferry', 'https://bay.example/ferry', 'https://costa.example/ferry']);
    expect(ld.datePublished).toBe(at(8).toISOString());
    expect(ld.dateModified).toBe(at(11).toISOString());
    expect(ld.sourceOrganization).toHaveLength(5);
  });
});

describe('story links', () => {
  it.each([
    ['es', 1, '1 fuente'], ['es', 3, '3 fuentes'], ['en', 1, '1 source'], ['ar', 2, 'مصدران'], ['ar', 3, '3 مصادر'], ['ar', 11, '11 مصدرًا'], ['de', 2, '2 Quellen'], ['xx', 2, '2 sources'],
  ])('counts sources in %s: %i → %s', (lang, n, label) => {
    expect(sourcesLabel(lang, n)).toBe(label);
  });

  it('says nothing for an article alone in its story', () => {
    expect(storyLink('es', null)).toBe('');
    expect(storyLink('es', { path: '/es/story/5', outlets: 3 })).toBe('<p class="story-link"><a href="/es/story/5">3 fuentes · ver la cobertura</a></p>');
  });
});
