import { esc, fill } from './html.ts';
import { messages } from './messages.ts';
import { absolute } from './render-layout.ts';
import { localMediaOnly } from './render-article.ts';
import type { Card, MediaRef, SiteInfo } from './site-view.ts';
import { splitStandfirst } from './standfirst.ts';
import { storyLink } from './story-link.ts';
import { engineName, tidyHtml, tidyText } from './tidy-text.ts';
import { cdata, x } from './xml.ts';

export interface FeedEntry extends Card {
  html: string;
  engine: string;
  originalUrl: string;
  originalTitle: string;
  byline: string | null;
  /** The article's images mirrored onto the site, by original URL: feeds name these copies, never the outlet's. */
  media?: ReadonlyMap<string, MediaRef>;
}

/** Site paths in `src`/`href`/`srcset` made absolute on the site's base URL: a feed is read elsewhere. */
function absoluteUrls(site: SiteInfo, html: string): string {
  return html
    .replace(/(\s(?:src|href)=")(\/(?!\/)[^"]*)"/gi, (_, pre: string, path: string) => `${pre}${esc(absolute(site, path.replace(/&amp;/g, '&')))}"`)
    .replace(/(\ssrcset=")([^"]*)"/gi, (_, pre: string, set: string) => `${pre}${set.replace(/(^|,\s*)(\/(?!\/)\S*)/g, (m2, sep: string, path: string) => sep + absolute(site, path))}"`);
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

/**
 * The body a feed reader shows: the standfirst, the lead image and the translation with the
 * site's mirrored images (the outlet's are never named: as on the pages), then the notice and the
 * link to the original.
 */
function feedContent(site: SiteInfo, lang: string, e: FeedEntry): string {
  const m = messages(lang);
  const outlet = e.outlet ?? new URL(e.originalUrl).hostname;
  const media = e.media ?? new Map<string, MediaRef>();
  const split = splitStandfirst(e.html);
  const leadShown = e.leadImage !== null;
  // The lead image once, at the top, as on the page.
  const bodyMedia = leadShown && e.imageUrl ? new Map([...media].filter(([url]) => url !== e.imageUrl)) : media;
  const lead = e.leadImage ? `<p><img src="${esc(e.leadImage.path)}" alt=""${e.leadImage.width && e.leadImage.height ? ` width="${e.leadImage.width}" height="${e.leadImage.height}"` : ''}></p>` : '';
  const body = `${split.standfirst !== null ? `<p><strong>${split.standfirst}</strong></p>` : ''}${lead}${localMediaOnly(split.body, bodyMedia)}`;
  return absoluteUrls(site, tidyHtml(lang, `${e.flagged ? `<p><strong>${esc(m.flaggedShort)}.</strong> ${esc(m.flagged)}</p>` : ''}${body}<p><em>${fill(m.notice, { engine: engineName(e.engine) })}</em> <a href="${esc(e.originalUrl)}">${fill(m.readOriginal, { outlet })}</a></p>${storyLink(lang, e.story)}`));
}

/** The newest entry's date; an empty feed was last updated when it was built, not in 1970. */
function updated(f: FeedInput): Date {
  return f.entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), f.entries[0]?.updatedAt ?? f.now);
}

export function renderRss(f: FeedInput): string {
  const items = f.entries.map((e) => `<item>
<title>${x(tidyText(f.lang, e.title))}</title>
<link>${x(absolute(f.site, e.path))}</link>
<guid isPermaLink="true">${x(absolute(f.site, e.path))}</guid>
<pubDate>${e.publishedAt.toUTCString()}</pubDate>
<atom:updated>${e.updatedAt.toISOString()}</atom:updated>
${e.excerpt ? `<description>${x(e.excerpt)}</description>` : ''}
<content:encoded>${cdata(feedContent(f.site, f.lang, e))}</content:encoded>
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
<title>${x(tidyText(f.lang, e.title))}</title>
<id>${x(absolute(f.site, e.path))}</id>
<link rel="alternate" type="text/html" href="${x(absolute(f.site, e.path))}"/>
<link rel="via" href="${x(e.originalUrl)}"/>
<published>${e.publishedAt.toISOString()}</published>
<updated>${e.updatedAt.toISOString()}</updated>
<author><name>${x(e.byline ?? e.outlet ?? f.site.name)}</name></author>
${e.excerpt ? `<summary>${x(e.excerpt)}</summary>` : ''}
<content type="html">${x(feedContent(f.site, f.lang, e))}</content>
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
      title: tidyText(f.lang, e.title),
      image: e.leadImage ? absolute(f.site, e.leadImage.path) : undefined,
      content_html: feedContent(f.site, f.lang, e),
      summary: e.excerpt ?? undefined,
      date_published: e.publishedAt.toISOString(),
      date_modified: e.updatedAt.toISOString(),
      authors: [{ name: e.byline ?? e.outlet ?? f.site.name }],
      tags: e.category ? [e.category] : undefined,
      language: f.lang,
    })),
  }, null, 1);
}
