import { textDirection } from '../domain/lang.ts';
import { ICON_ASSET, STYLESHEET } from './assets.ts';
import { languageName } from './format.ts';
import { esc, jsonForScript } from './html.ts';
import { messages } from './messages.ts';
import type { Alternate, NamedLink, SiteInfo } from './site-view.ts';

export interface LayoutInput {
  site: SiteInfo;
  lang: string;
  /** Canonical path of this page. */
  path: string;
  title: string;
  description?: string | null;
  /** The same page in the site's other languages (hreflang, language switch). */
  alternates?: Alternate[];
  ogType?: 'website' | 'article';
  image?: string | null;
  jsonLd?: object;
  /** Feeds of this page (RSS, Atom, JSON Feed) for `<link rel=alternate>`. */
  feeds?: { path: string; type: string; title: string }[];
  topics?: NamedLink[];
  noindex?: boolean;
  /** Search box value. */
  query?: string;
  /** The section (topic name) this page belongs to, marked current in the navigation bar. */
  section?: string | null;
}

export function absolute(site: SiteInfo, path: string): string {
  return site.baseUrl.replace(/\/+$/, '') + path;
}

/** The page around every `main`: head with SEO metadata, header, language switch, footer. */
export function renderLayout(input: LayoutInput, main: string): string {
  const { site, lang } = input;
  const m = messages(lang);
  const dir = textDirection(lang);
  const alternates = input.alternates ?? site.languages.map((l) => ({ lang: l, path: `/${l}/` }));
  const fullTitle = input.title === site.name ? site.name : `${input.title} · ${site.name}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(fullTitle)}</title>`,
    input.description ? `<meta name="description" content="${esc(input.description)}">` : '',
    input.noindex ? '<meta name="robots" content="noindex">' : '',
    `<link rel="canonical" href="${esc(absolute(site, input.path))}">`,
    ...alternates.map((a) => `<link rel="alternate" hreflang="${esc(a.lang)}" href="${esc(absolute(site, a.path))}">`),
    alternates.length > 1 ? `<link rel="alternate" hreflang="x-default" href="${esc(absolute(site, (alternates.find((a) => a.lang === site.defaultLanguage) ?? alternates[0]!).path))}">` : '',
    ...(input.feeds ?? [{ path: `/${lang}/feed.xml`, type: 'application/rss+xml', title: site.name }]).map((f) => `<link rel="alternate" type="${esc(f.type)}" title="${esc(f.title)}" href="${esc(f.path)}">`),
    `<link rel="stylesheet" href="${STYLESHEET.path}">`,
    `<link rel="icon" href="${ICON_ASSET.path}" type="image/svg+xml">`,
    `<meta property="og:site_name" content="${esc(site.name)}">`,
    `<meta property="og:type" content="${input.ogType ?? 'website'}">`,
    `<meta property="og:title" content="${esc(input.title)}">`,
    `<meta property="og:url" content="${esc(absolute(site, input.path))}">`,
    `<meta property="og:locale" content="${esc(lang)}">`,
    input.description ? `<meta property="og:description" content="${esc(input.description)}">` : '',
    input.image ? `<meta property="og:image" content="${esc(input.image)}">` : '',
    `<meta name="twitter:card" content="${input.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${esc(input.title)}">`,
    input.description ? `<meta name="twitter:description" content="${esc(input.description)}">` : '',
    input.jsonLd ? `<script type="application/ld+json">${jsonForScript(input.jsonLd)}</script>` : '',
  ].filter(Boolean);

  const langLinks = site.languages
    .map((l) => {
      const alt = alternates.find((a) => a.lang === l)?.path ?? `/${l}/`;
      const current = l === lang ? ' aria-current="true"' : '';
      return `<li><a href="${esc(alt)}" hreflang="${esc(l)}" lang="${esc(l)}"${current}>${esc(languageName(l))}</a></li>`;
    })
    .join('');
  const home = `/${lang}/`;
  const here = (href: string, name: string | null) => (input.path === href || (name !== null && input.section === name) ? ' aria-current="page"' : '');
  // The sections bar: the home page, then the topics with the most stories.
  const sections = [
    `<li><a href="${esc(home)}"${here(home, null)}>${esc(m.home)}</a></li>`,
    ...(input.topics ?? []).slice(0, 10).map((t) => {
      const href = `/${lang}/topic/${t.slug}`;
      return `<li><a href="${esc(href)}"${here(href, t.name)}>${esc(t.name)}</a></li>`;
    }),
  ].join('');

  return `<!doctype html>
<html lang="${esc(lang)}" dir="${dir}">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip" href="#content">${esc(m.skipToContent)}</a>
<header class="site masthead" id="top" tabindex="-1">
<div class="wrap masthead-bar">
<div class="brand-block">
<a class="brand" href="${esc(home)}">${esc(site.name)}</a>
<p class="tagline">${esc(m.tagline)}</p>
</div>
<div class="tools">
<form class="search" role="search" action="/${esc(lang)}/search" method="get">
<input id="q" type="search" name="q" value="${esc(input.query ?? '')}" placeholder="${esc(m.searchPlaceholder)}" aria-label="${esc(m.searchLabel)}" maxlength="200">
<button type="submit">${esc(m.searchButton)}</button>
</form>
${site.languages.length > 1 ? `<nav class="langs" aria-label="${esc(m.languages)}"><ul>${langLinks}</ul></nav>` : ''}
</div>
</div>
<nav class="sections topics" aria-label="${esc(m.sections)}"><div class="wrap"><ul>${sections}</ul></div></nav>
</header>
<main id="content" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site">
<div class="wrap">
<p class="footer-brand"><a class="brand" href="${esc(home)}">${esc(site.name)}</a></p>
<p>${esc(m.poweredBy)}</p>
<ul>
<li><a href="/${esc(lang)}/about">${esc(m.about)}</a></li>
<li><a href="/${esc(lang)}/feed.xml">RSS</a></li>
<li><a href="/${esc(lang)}/atom.xml">Atom</a></li>
<li><a href="/${esc(lang)}/feed.json">JSON Feed</a></li>
</ul>
<p class="to-top-row"><a class="to-top" href="#top"><span aria-hidden="true">↑</span> <span class="to-top-label">${esc(m.backToTop)}</span></a></p>
</div>
</footer>
</body>
</html>
`;
}
