import { formatAgo, formatDateTime } from './format.ts';
import { esc, fill } from './html.ts';
import { messages } from './messages.ts';
import { renderCard, renderCards } from './render-cards.ts';
import { renderLayout } from './render-layout.ts';
import type { Alternate, Card, NamedLink, SiteInfo } from './site-view.ts';

export interface ListPage {
  kind: 'home' | 'topic' | 'source';
  lang: string;
  /** First page's path (`/es/`, `/es/topic/economia`); page N is `{base}/page/N`. */
  basePath: string;
  /** Heading; the site name on the home page. */
  title: string;
  cards: Card[];
  page: number;
  hasNext: boolean;
  now: Date;
  topics: NamedLink[];
  /** Feeds of this list (home: the language's feeds). */
  feedBase: string;
  alternates?: Alternate[];
  /** Home only: a few more stories of each main topic. */
  sections?: { topic: NamedLink; cards: Card[] }[];
}

export function pagePath(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath.replace(/\/$/, '')}/page/${page}`;
}

/** Home, topic and source pages: a lead story on the home's first page, then a grid, then a pager. */
export function renderList(site: SiteInfo, p: ListPage): string {
  const m = messages(p.lang);
  const newest = p.cards[0];
  const lead = p.kind === 'home' && p.page === 1 ? p.cards[0] : undefined;
  const rest = lead ? p.cards.slice(1) : p.cards;
  const heading = p.kind === 'home' ? (p.page === 1 ? m.latest : fill(m.page, { n: p.page }, false)) : p.title;
  // When this list last changed on the site: stories are dated by their source, which may be
  // days before we published them, so "updated" is the newest change of ours, not the newest date.
  const changed = p.cards.reduce<Date | null>((max, c) => (!max || c.updatedAt > max ? c.updatedAt : max), null);
  const updated = newest && changed
    ? `<p class="updated">${fill(m.updated, { time: formatAgo(p.lang, changed, p.now) })} · <time datetime="${changed.toISOString()}">${esc(formatDateTime(p.lang, changed))}</time></p>`
    : '';
  const pager = p.page > 1 || p.hasNext
    ? `<nav class="pager" aria-label="${esc(fill(m.page, { n: p.page }, false))}">${p.page > 1 ? `<a href="${esc(pagePath(p.basePath, p.page - 1))}" rel="prev">← ${esc(m.previous)}</a>` : '<span></span>'}${p.hasNext ? `<a href="${esc(pagePath(p.basePath, p.page + 1))}" rel="next">${esc(m.next)} →</a>` : ''}</nav>`
    : '';
  const main = `<h1${p.kind === 'home' ? ' class="section-title"' : ''}>${esc(heading)}</h1>
${updated}
${lead ? `<section class="lead">${renderCard(p.lang, lead, 'h2', true).replace(/^<li class="card">|<\/li>$/g, '')}</section>` : ''}
${rest.length ? renderCards(p.lang, rest, lead ? 'h3' : 'h2') : lead ? '' : `<p>${esc(m.noStories)}</p>`}
${(p.sections ?? []).filter((x) => x.cards.length).map((x) => `<section class="section" aria-labelledby="sec-${esc(x.topic.slug)}"><h2 id="sec-${esc(x.topic.slug)}" class="section-title"><a href="/${esc(p.lang)}/topic/${esc(x.topic.slug)}">${fill(m.moreIn, { name: x.topic.name })}</a></h2>${renderCards(p.lang, x.cards, 'h3')}</section>`).join('\n')}
${pager}`;
  const feeds = [
    { path: `${p.feedBase}feed.xml`, type: 'application/rss+xml', title: `${p.title} (RSS)` },
    { path: `${p.feedBase}atom.xml`, type: 'application/atom+xml', title: `${p.title} (Atom)` },
    { path: `${p.feedBase}feed.json`, type: 'application/feed+json', title: `${p.title} (JSON Feed)` },
  ];
  return renderLayout({
    site,
    lang: p.lang,
    path: pagePath(p.basePath, p.page),
    title: p.kind === 'home' && p.page === 1 ? site.name : p.page > 1 ? `${p.title} · ${fill(m.page, { n: p.page }, false)}` : p.title,
    description: p.kind === 'home' ? m.poweredBy : p.title,
    alternates: p.alternates ?? (p.kind === 'home' && p.page === 1 ? site.languages.map((l) => ({ lang: l, path: `/${l}/` })) : [{ lang: p.lang, path: pagePath(p.basePath, p.page) }]),
    feeds,
    topics: p.topics,
  }, main);
}
