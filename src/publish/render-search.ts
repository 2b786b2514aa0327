import { formatNumber } from './format.ts';
import { esc, fill } from './html.ts';
import { messages } from './messages.ts';
import { renderCards } from './render-cards.ts';
import { renderLayout } from './render-layout.ts';
import type { Card, NamedLink, SiteInfo } from './site-view.ts';

export interface SearchPage {
  lang: string;
  query: string;
  cards: Card[];
  total: number;
  page: number;
  pageSize: number;
  topics: NamedLink[];
}

/**
 * Highlighted snippets come from PostgreSQL's ts_headline with sentinel characters around the
 * matches; the text is escaped first and only then are the sentinels turned into `<mark>`.
 */
export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';

export function highlight(snippet: string): string {
  return esc(snippet.replace(/[\u0000-\u0001\u0004-\u0008]/g, ''))
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_STOP, '</mark>');
}

function searchHref(lang: string, q: string, page: number): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return `/${lang}/search?${params.toString()}`;
}

export function renderSearch(site: SiteInfo, s: SearchPage): string {
  const m = messages(s.lang);
  const q = s.query;
  let body: string;
  if (!q) body = `<p>${esc(m.emptyQuery)}</p>`;
  else if (s.total === 0) body = `<p>${fill(m.noResults, { q })}</p>`;
  else {
    const pages = Math.ceil(s.total / s.pageSize);
    const pager = pages > 1
      ? `<nav class="pager" aria-label="${esc(fill(m.page, { n: s.page }, false))}">${s.page > 1 ? `<a href="${esc(searchHref(s.lang, q, s.page - 1))}" rel="prev">← ${esc(fill(m.page, { n: s.page - 1 }, false))}</a>` : '<span></span>'}${s.page < pages ? `<a href="${esc(searchHref(s.lang, q, s.page + 1))}" rel="next">${esc(fill(m.page, { n: s.page + 1 }, false))} →</a>` : ''}</nav>`
      : '';
    body = `<p class="muted">${fill(s.total === 1 ? m.searchResultsOne : m.searchResults, { count: formatNumber(s.lang, s.total), q })}</p>${renderCards(s.lang, s.cards)}${pager}`;
  }
  return renderLayout({
    site,
    lang: s.lang,
    path: `/${s.lang}/search`,
    title: q ? `${m.searchTitle}: ${q}` : m.searchTitle,
    alternates: [{ lang: s.lang, path: `/${s.lang}/search` }],
    noindex: true,
    topics: s.topics,
    query: q,
  }, `<h1>${esc(m.searchTitle)}</h1>\n${body}`);
}
