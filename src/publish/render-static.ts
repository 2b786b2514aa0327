import { esc, fill } from './html.ts';
import { messages } from './messages.ts';
import { renderLayout } from './render-layout.ts';
import type { NamedLink, SiteInfo } from './site-view.ts';

/** 404, 410 and 500 pages in the page language. */
export function renderError(site: SiteInfo, lang: string, status: 404 | 410 | 500, path: string): string {
  const m = messages(lang);
  const [title, text] = status === 410 ? [m.goneTitle, m.goneText] : status === 404 ? [m.notFoundTitle, m.notFoundText] : [m.errorTitle, m.errorText];
  return renderLayout({ site, lang, path, title, noindex: true, alternates: [{ lang, path }] },
    `<h1>${esc(title)}</h1>\n<p>${esc(text)}</p>\n<p><a href="/${esc(lang)}/">${esc(m.home)}</a></p>`);
}

/** The about page with the site's disclaimer. */
export function renderAbout(site: SiteInfo, lang: string, topics: NamedLink[] = []): string {
  const m = messages(lang);
  return renderLayout({
    site,
    lang,
    path: `/${lang}/about`,
    title: m.aboutTitle,
    description: m.poweredBy,
    alternates: site.languages.map((l) => ({ lang: l, path: `/${l}/about` })),
    topics,
  }, `<h1>${esc(m.aboutTitle)}</h1>\n<p>${fill(m.aboutText, { site: site.name })}</p>`);
}
