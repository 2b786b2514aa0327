import { absolute } from './render-layout.ts';
import type { Alternate, SiteInfo } from './site-view.ts';
import { x } from './xml.ts';

export interface SitemapUrl {
  path: string;
  lastmod: Date;
  alternates: Alternate[];
}

export interface NewsUrl {
  path: string;
  title: string;
  publishedAt: Date;
}

/** `/sitemap.xml`: one sitemap per language. */
export function renderSitemapIndex(site: SiteInfo, lastmods: Map<string, Date>): string {
  const entries = site.languages.map((l) => {
    const lm = lastmods.get(l);
    return `<sitemap><loc>${x(absolute(site, `/${l}/sitemap.xml`))}</loc>${lm ? `<lastmod>${lm.toISOString()}</lastmod>` : ''}</sitemap>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

/** `/{lang}/sitemap.xml`: the home and every live article, with `xhtml:link` hreflang alternates. */
export function renderSitemap(site: SiteInfo, urls: SitemapUrl[]): string {
  const body = urls.map((u) => {
    const alts = u.alternates.length > 1
      ? u.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${x(a.lang)}" href="${x(absolute(site, a.path))}"/>`).join('')
      : '';
    return `<url><loc>${x(absolute(site, u.path))}</loc><lastmod>${u.lastmod.toISOString()}</lastmod>${alts}</url>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${body.join('\n')}
</urlset>
`;
}

/** `/{lang}/news-sitemap.xml`: Google News sitemap, articles of the last 48 hours (at most 1,000). */
export function renderNewsSitemap(site: SiteInfo, lang: string, urls: NewsUrl[]): string {
  const body = urls.slice(0, 1000).map((u) => `<url><loc>${x(absolute(site, u.path))}</loc><news:news><news:publication><news:name>${x(site.name)}</news:name><news:language>${x(lang)}</news:language></news:publication><news:publication_date>${u.publishedAt.toISOString()}</news:publication_date><news:title>${x(u.title)}</news:title></news:news></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${body.join('\n')}
</urlset>
`;
}

/** robots.txt; `newsLangs`: the languages whose news sitemap has a story (a quiet one's answers 404, so it is not listed). */
export function renderRobots(site: SiteInfo, newsLangs: string[]): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...site.languages.map((l) => `Disallow: /${l}/search`),
    '',
    `Sitemap: ${absolute(site, '/sitemap.xml')}`,
    ...site.languages.filter((l) => newsLangs.includes(l)).map((l) => `Sitemap: ${absolute(site, `/${l}/news-sitemap.xml`)}`),
    '',
  ].join('\n');
}
