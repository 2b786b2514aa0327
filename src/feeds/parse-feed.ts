import { PermanentError } from '../domain/errors.ts';
import type { ParsedFeed } from '../domain/feed.ts';
import { decodeInput } from './decode-input.ts';
import { parseAtom } from './formats/atom.ts';
import { parseJsonFeed } from './formats/json-feed.ts';
import { parseRss } from './formats/rss.ts';
import { parseSitemap, parseTextSitemap } from './formats/sitemap.ts';
import { Warnings } from './warnings.ts';
import { buildTree, type XElement } from './xml-tree.ts';

export interface ParseFeedOptions {
  /** The URL the feed was fetched from: the base for relative links. */
  url: string;
  contentType?: string | null;
  /** Items beyond this are dropped with a warning (a hostile feed cannot flood the pipeline). */
  maxItems?: number;
}

const HTML_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/i;
const FEED_TAG = /<(rss|feed|rdf:rdf|urlset|sitemapindex)[\s>]/i;
const ROOTS = new Set(['rss', 'rdf:rdf', 'feed', 'atom:feed', 'urlset', 'sm:urlset', 'sitemapindex', 'sm:sitemapindex', 'channel']);

/**
 * Any feed format → ParsedFeed: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, sitemap,
 * sitemap index, Google News sitemap. Liberal: an ill-formed document yields what it holds, with
 * `warnings`. Throws PermanentError `feeds.unparseable` only when nothing can be recovered.
 */
export function parseFeed(input: string | Buffer, opts: ParseFeedOptions): ParsedFeed {
  const { url, contentType = null, maxItems = 1000 } = opts;
  const warnings = new Warnings();
  const text = withoutNul(typeof input === 'string' ? input : decodeInput(input, contentType, warnings), warnings);
  const start = firstSignificant(text);
  if (start === '{' || start === '[') return dedupe(parseJsonFeed(withoutNulEscapes(text, warnings), url, warnings, maxItems), warnings);
  if (start !== '<') {
    if (start === '') throw new PermanentError('feeds: empty document', 'feeds.unparseable');
    if (/^\s*https?:\/\/\S+\s*(\n|$)/i.test(text.slice(0, 4096).replace(/^\uFEFF/, ''))) return dedupe(parseTextSitemap(text, warnings, maxItems), warnings);
    warnings.add('text before the first element ignored');
  }
  return dedupe(parseXml(text, url, warnings, maxItems), warnings);
}

/**
 * U+0000 is illegal in XML 1.0 and PostgreSQL refuses it in text: a feed that holds one would fail
 * at storage on every poll. It is removed here, said on the source like any other repair.
 */
function withoutNul(text: string, warnings: Warnings): string {
  if (text.indexOf('\u0000') === -1) return text;
  const out = text.replaceAll('\u0000', '');
  warnings.add(`${text.length - out.length} NUL character(s) (U+0000) removed`);
  return out;
}

/** JSON carries NUL as an escape (`\u0000`, after an even run of backslashes): removed before parsing. */
function withoutNulEscapes(json: string, warnings: Warnings): string {
  if (json.indexOf('\\u0000') === -1) return json;
  let n = 0;
  const out = json.replace(/(?<=(?:^|[^\\])(?:\\\\)*)\\u0000/g, () => (n++, ''));
  if (n > 0) warnings.add(`${n} NUL character(s) (U+0000) removed`);
  return out;
}

/** The same id twice in one feed (it happens) would be one item stored twice: keep the first. */
function dedupe(feed: ParsedFeed, warnings: Warnings): ParsedFeed {
  const seen = new Set<string>();
  const items = feed.items.filter((it) => !seen.has(it.id) && (seen.add(it.id), true));
  if (items.length === feed.items.length) return feed;
  warnings.add(`${feed.items.length - items.length} items with a repeated id dropped`);
  return { ...feed, items, warnings: warnings.list };
}

function parseXml(text: string, url: string, warnings: Warnings, maxItems: number): ParsedFeed {
  // An HTML page (the usual wrong answer) fails fast, without building its tree, unless a feed
  // element appears in it somewhere.
  if (HTML_START.test(text.slice(0, 4096)) && !FEED_TAG.test(text)) {
    throw new PermanentError('feeds: not a feed (root is <html>)', 'feeds.unparseable');
  }
  const doc = buildTree(text, url, warnings);
  const root = findRoot(doc);
  if (!root) {
    const first = doc.children.find((c): c is XElement => typeof c !== 'string');
    const what = first ? `<${first.name}>` : 'no element';
    throw new PermanentError(`feeds: not a feed (root is ${what})`, 'feeds.unparseable');
  }
  switch (root.name) {
    case 'rss':
    case 'channel':
      return parseRss(root, 'rss', warnings, maxItems);
    case 'rdf:rdf':
      return parseRss(root, 'rdf', warnings, maxItems);
    case 'feed':
    case 'atom:feed':
      return parseAtom(root, warnings, maxItems);
    default:
      return parseSitemap(root, warnings, maxItems);
  }
}

function firstSignificant(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return text[i]!;
  }
  return '';
}

/** The feed element among the top-level ones, or one level down (a feed wrapped in junk markup). */
function findRoot(doc: XElement): XElement | null {
  for (const c of doc.children) if (typeof c !== 'string' && ROOTS.has(c.name)) return c;
  for (const c of doc.children) {
    if (typeof c === 'string') continue;
    for (const g of c.children) if (typeof g !== 'string' && ROOTS.has(g.name) && g.name !== 'channel') return g;
  }
  return null;
}
