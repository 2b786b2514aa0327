/**
 * RSS 2.0 and Atom 1.0 for the live stories. Both list the same stories under different ids, as
 * sites that offer both often do; the pipeline must dedupe them by canonical URL.
 */
import { plain } from './html.ts';
import { GAZETTE, sectionLabel, type Outlet } from './page-chrome.ts';
import { articleUrl } from './render-article-page.ts';

export interface FeedEntry {
  slug: string;
  title: string;
  summary: string;
  author: string;
  category: string;
  published: Date;
}

function x(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function rssGuid(slug: string, outlet: Outlet = GAZETTE): string {
  return `${outlet.id}:${slug}`;
}

export function atomId(slug: string, outlet: Outlet = GAZETTE): string {
  return `tag:${outlet.id}.example,2026:articles/${slug}`;
}

export function renderRss(baseUrl: string, entries: FeedEntry[], lastBuild: Date, outlet: Outlet = GAZETTE): string {
  const items = entries
    .map(
      (e) => `    <item>
      <title>${x(e.title)}</title>
      <link>${x(articleUrl(baseUrl, e.slug))}</link>
      <guid isPermaLink="false">${x(rssGuid(e.slug, outlet))}</guid>
      <pubDate>${e.published.toUTCString()}</pubDate>
      <dc:creator>${x(e.author)}</dc:creator>
      <category>${x(sectionLabel(e.category))}</category>
      <description>${x(plain(e.summary))}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${x(outlet.name)} — Latest stories</title>
    <link>${x(baseUrl)}/</link>
    <description>${x(outlet.tagline)}</description>
    <language>${outlet.feedLanguage}</language>
    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
    <atom:link href="${x(baseUrl)}/feed.rss" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function renderAtom(baseUrl: string, entries: FeedEntry[], updated: Date, outlet: Outlet = GAZETTE): string {
  const items = entries
    .map(
      (e) => `  <entry>
    <title>${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${x(articleUrl(baseUrl, e.slug))}"/>
    <id>${x(atomId(e.slug, outlet))}</id>
    <published>${e.published.toISOString()}</published>
    <updated>${e.published.toISOString()}</updated>
    <author><name>${x(e.author)}</name></author>
    <category term="${x(e.category)}" label="${x(sectionLabel(e.category))}"/>
    <summary type="text">${x(plain(e.summary))}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${outlet.lang}">
  <title>${x(outlet.name)}</title>
  <subtitle>${x(outlet.tagline)}</subtitle>
  <link rel="alternate" type="text/html" href="${x(baseUrl)}/"/>
  <link rel="self" type="application/atom+xml" href="${x(baseUrl)}/feed.atom"/>
  <id>tag:${outlet.id}.example,2026:feed</id>
  <updated>${updated.toISOString()}</updated>
${items}
</feed>
`;
}

/** What a misconfigured CMS serves with a 200 and an XML content type: not a feed at all. */
export const BROKEN_FEED = `<br />
<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in <b>/var/www/gazette/wp-includes/feed-rss2.php</b> on line <b>212</b><br />
<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Northbridge Gazette & <item><title>Late edition</titl
`;
