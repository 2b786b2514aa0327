/** What every feed format (RSS, Atom, JSON Feed, RDF, sitemap) is normalized into. */
export interface FeedItem {
  /** Stable identity: guid / atom:id / JSON Feed id, else the link. */
  id: string;
  title: string | null;
  link: string | null;
  /** ISO 8601 in UTC, or null when the feed gives no usable date. */
  published: string | null;
  updated: string | null;
  author: string | null;
  summary: string | null;
  contentHtml: string | null;
  categories: string[];
  image: string | null;
}

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json' | 'sitemap' | 'sitemapindex';

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  link: string | null;
  language: string | null;
  /** Problems the liberal parser recovered from; recorded on the source. */
  warnings: string[];
  items: FeedItem[];
  /** WebSub hub and self URL when the feed declares them. */
  hub: string | null;
  self: string | null;
  /** RSS <ttl> in minutes. */
  ttlMinutes: number | null;
  /** For a sitemap index: the child sitemaps. */
  sitemaps: string[];
}
