/**
 * Everything around the story that a real news site wraps it in — and that an extractor must
 * drop: cookie banner, masthead and menu, newsletter box, comments teaser, footer, "Back to top".
 */
import { esc } from './html.ts';

/** Who publishes the pages: the Gazette, or the demo's second outlet, which tells some of its stories in Spanish. */
export interface Outlet {
  name: string;
  /** The pages' and feeds' language. */
  lang: string;
  /** RSS <language>. */
  feedLanguage: string;
  tagline: string;
  /** Feed ids: `${id}:${slug}` in RSS, tag:${id}.example in Atom. */
  id: string;
  copyright: string;
}

export const GAZETTE: Outlet = {
  name: 'The Northbridge Gazette',
  lang: 'en',
  feedLanguage: 'en-gb',
  tagline: 'Independent news from Northbridge and the world.',
  id: 'northbridge-gazette',
  copyright: '© 2026 Northbridge Gazette Media Ltd. All rights reserved. Registered in England No. 04417620.',
};

/** The second outlet: a few of the Gazette's stories, reported in Spanish (articles-es/). */
export const DIARIO: Outlet = {
  name: 'Diario del Norte',
  lang: 'es',
  feedLanguage: 'es',
  tagline: 'Noticias de Northbridge y del mundo, en español.',
  id: 'diario-del-norte',
  copyright: '© 2026 Diario del Norte. Todos los derechos reservados.',
};

export const SITE_NAME = GAZETTE.name;

export const SECTIONS = ['world', 'business', 'science', 'sport', 'culture', 'technology', 'health', 'environment'] as const;

/**
 * A section's name as the pages, the menu and the feeds' <category> say it. A few are named as
 * many outlets name them (International, Economy, Climate) rather than after their slug: the
 * engine reads a bare "World" or "Business" as an adjective ("Mundial", "Empresarial"), and the
 * demo's Spanish sections bar should read as a Spanish paper's would.
 */
const LABELS: Record<string, string> = { world: 'International', business: 'Economy', environment: 'Climate' };

export function sectionLabel(s: string): string {
  return LABELS[s] ?? s.charAt(0).toUpperCase() + s.slice(1);
}

export interface Layout {
  title: string;
  headExtra: string;
  main: string;
  bodyClass: string;
  outlet?: Outlet;
}

export function pageLayout({ title, headExtra, main, bodyClass, outlet = GAZETTE }: Layout): string {
  const nav = SECTIONS.map((s) => `<li><a href="/section/${s}">${sectionLabel(s)}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="${outlet.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="alternate" type="application/rss+xml" title="${outlet.name} — latest stories (RSS)" href="/feed.rss">
<link rel="alternate" type="application/atom+xml" title="${outlet.name} — latest stories (Atom)" href="/feed.atom">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
${headExtra}
</head>
<body class="${bodyClass}">
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choice at any time in Cookie settings.</p>
  <button type="button" class="cookie-accept">Accept all cookies</button>
  <button type="button" class="cookie-manage">Manage preferences</button>
</div>
<div class="top-bar" id="top">
  <span class="edition">UK edition</span>
  <a href="/account/login">Sign in</a>
  <a class="subscribe-link" href="/subscribe">Subscribe — first month free</a>
</div>
<div class="masthead">
  <a class="site-logo" href="/"><img src="/static/logo.svg" alt="${outlet.name}" width="240" height="40"></a>
  <nav class="main-menu" aria-label="Sections">
    <ul><li><a href="/">Home</a></li>${nav}<li><a href="/opinion">Opinion</a></li><li><a href="/puzzles">Puzzles</a></li></ul>
  </nav>
  <form class="site-search" action="/search" role="search"><input type="search" name="q" placeholder="Search ${outlet === GAZETTE ? 'the Gazette' : outlet.name}"><button type="submit">Search</button></form>
</div>
<div class="ad-slot ad-leaderboard" aria-hidden="true">Advertisement</div>
<main id="main">
${main}
</main>
<footer class="site-footer">
  <nav aria-label="Footer">
    <ul>
      <li><a href="/about">About us</a></li><li><a href="/contact">Contact the newsroom</a></li>
      <li><a href="/corrections">Corrections</a></li><li><a href="/jobs">Work for us</a></li>
      <li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie settings</a></li>
      <li><a href="/terms">Terms and conditions</a></li><li><a href="/feed.rss">RSS</a></li>
    </ul>
  </nav>
  <p class="copyright">${outlet.copyright}</p>
  <a class="back-to-top" href="#top">Back to top</a>
</footer>
<script>
document.querySelector('.cookie-accept')?.addEventListener('click', function () {
  document.getElementById('cookie-consent').hidden = true;
});
</script>
</body>
</html>
`;
}

export function newsletterBox(): string {
  return `<aside class="newsletter-signup">
  <h2>Newsletter: The Morning Briefing</h2>
  <p>Sign up for our free newsletter: the day's essential stories, in your inbox before 7am.</p>
  <form action="/newsletter" method="post"><label>Email address <input type="email" name="email"></label><button type="submit">Sign up</button></form>
  <p class="small-print">By signing up you agree to our privacy policy. You can unsubscribe at any time.</p>
</aside>`;
}

export function commentsTeaser(slug: string): string {
  // A stable, slug-derived count so pages are byte-identical between requests (ETag-friendly).
  let n = 0;
  for (const ch of slug) n = (n * 31 + ch.charCodeAt(0)) % 997;
  return `<section class="comments-teaser" id="comments">
  <h2>Comments</h2>
  <p><a href="#comments">${(n % 240) + 12} comments</a> — Join the conversation. Comments are moderated and open for 48 hours.</p>
  <button type="button">View comments</button>
</section>`;
}
