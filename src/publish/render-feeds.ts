import { esc, fill } from './html.ts';
import { messages } from './messages.ts';
import { absolute } from './render-layout.ts';
import type { Card, SiteInfo } from './site-view.ts';
import { cdata, x } from './xml.ts';

export interface FeedEntry extends Card {
  html: string;
  engine: string;
  originalUrl: string;
  originalTitle: string;
  byline: string | null;
}

export interface FeedInput {
  site: SiteInfo;
  lang: string;
  title: string;
  /** The HTML page this feed follows (`/es/`, `/es/topic/economia`). */
  pagePath: string;
  /** Path without the extension: `/es/feed` → `/es/feed.xml`, `/es/atom.xml`… given separately. */
  selfPath: string;
  entries: FeedEntry[];
  now: Date;
}

/** The body a feed reader shows: the translation, then the notice and the link to the original. */
function feedContent(lang: string, e: FeedEntry): string {
  const m = messages(lang);
  const outlet = e.outlet ?? new URL(e.originalUrl).hostname;
  return `${e.flagged ? `<p><strong>${esc(m.flaggedShort)}.</strong> ${esc(m.flagged)}</p>` : ''}${e.html}<p><em>${fill(m.notice, { engine: e.engine })}</em> <a href="${esc(e.originalUrl)}">${fill(m.readOriginal, { outlet })}</a></p>`;
}

/** The newest entry's date; an empty feed was last updated when it was built, not in 1970. */
function updated(f: FeedInput): Date {
  return f.entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), f.entries[0]?.updatedAt ?? f.now);
}

export function renderRss(f: FeedInput): string {
  const items = f.entries.map((e) => `<item>
<title>${x(e.title)}</title>
<link>${x(absolute(f.site, e.path))}</link>
<guid isPermaLink="true">${x(absolute(f.site, e.path))}</guid>
<pubDate>${e.publishedAt.toUTCString()}</pubDate>
${e.excerpt ? `<description>${x(e.excerpt)}</description>` : ''}
<content:encoded>${cdata(feedContent(f.lang, e))}</content:encoded>
${e.category ? `<category>${x(e.category)}</category>` : ''}
${e.byline ? `<dc:creator>${x(e.byline)}</dc:creator>` : ''}
</item>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${x(f.title)}</title>
<link>${x(absolute(f.site, f.pagePath))}</link>
<description>${x(messages(f.lang).poweredBy)}</description>
<language>${x(f.lang)}</language>
<lastBuildDate>${updated(f).toUTCString()}</lastBuildDate>
<generator>transwire</generator>
<atom:link href="${x(absolute(f.site, `${f.selfPath}.xml`))}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function renderAtom(f: FeedInput, selfUrl: string): string {
  const entries = f.entries.map((e) => `<entry>
<title>${x(e.title)}</title>
<id>${x(absolute(f.site, e.path))}</id>
<link rel="alternate" type="text/html" href="${x(absolute(f.site, e.path))}"/>
<link rel="via" href="${x(e.originalUrl)}"/>
<published>${e.publishedAt.toISOString()}</published>
<updated>${e.updatedAt.toISOString()}</updated>
<author><name>${x(e.byline ?? e.outlet ?? f.site.name)}</name></author>
${e.excerpt ? `<summary>${x(e.excerpt)}</summary>` : ''}
<content type="html">${x(feedContent(f.lang, e))}</content>
${e.category ? `<category term="${x(e.category)}"/>` : ''}
</entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(f.lang)}">
<title>${x(f.title)}</title>
<subtitle>${x(messages(f.lang).poweredBy)}</subtitle>
<id>${x(selfUrl)}</id>
<updated>${updated(f).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${x(selfUrl)}"/>
<link rel="alternate" type="text/html" href="${x(absolute(f.site, f.pagePath))}"/>
<author><name>${x(f.site.name)}</name></author>
<generator>transwire</generator>
${entries}
</feed>
`;
}

export function renderJsonFeed(f: FeedInput, selfUrl: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    home_page_url: absolute(f.site, f.pagePath),
    feed_url: selfUrl,
    description: messages(f.lang).poweredBy,
    language: f.lang,
    items: f.entries.map((e) => ({
      id: absolute(f.site, e.path),
      url: absolute(f.site, e.path),
      external_url: e.originalUrl,
      title: e.title,
      content_html: feedContent(f.lang, e),
      summary: e.excerpt ?? undefined,
      date_published: e.publishedAt.toISOString(),
      date_modified: e.updatedAt.toISOString(),
      authors: [{ name: e.byline ?? e.outlet ?? f.site.name }],
      tags: e.category ? [e.category] : undefined,
      language: f.lang,
    })),
  }, null, 1);
}
