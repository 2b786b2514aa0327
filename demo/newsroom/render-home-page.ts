/** The front page: live stories, newest first, plus the same chrome as every page. */
import type { Article } from './load-articles.ts';
import { esc, humanDate, inline } from './html.ts';
import { GAZETTE, newsletterBox, pageLayout, sectionLabel, type Outlet } from './page-chrome.ts';

export interface LiveStory {
  article: Article;
  published: Date;
}

export function renderHomePage(stories: LiveStory[], outlet: Outlet = GAZETTE): string {
  const items = stories
    .map(
      ({ article: a, published }) => `<li class="teaser">
  <p class="kicker">${sectionLabel(a.category)}</p>
  <h2><a href="/articles/${a.slug}">${esc(a.title)}</a></h2>
  <p>${inline(a.standfirst)}</p>
  <p class="teaser-meta">${esc(a.author)} · <time datetime="${published.toISOString()}">${humanDate(published)}</time></p>
</li>`,
    )
    .join('\n');
  const main = `<h1 class="visually-hidden">${outlet.name}: latest news</h1>
<section class="latest"><ol class="teasers">
${items}
</ol></section>
${newsletterBox()}`;
  const headExtra = `<meta name="description" content="${esc(outlet.tagline)}">\n<link rel="canonical" href="/">`;
  return pageLayout({ title: `${outlet.name} — News, sport and opinion`, headExtra, main, bodyClass: 'home-page', outlet });
}

export function renderNotFoundPage(outlet: Outlet = GAZETTE): string {
  const main = `<section class="error-page"><h1>Sorry, we can’t find that page</h1>
<p>The story may have been moved or withdrawn. Try the <a href="/">front page</a> or search the archive.</p></section>`;
  return pageLayout({ title: `Page not found | ${outlet.name}`, headExtra: '<meta name="robots" content="noindex">', main, bodyClass: 'error-404', outlet });
}
