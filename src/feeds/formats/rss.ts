import type { FeedItem, ParsedFeed } from '../../domain/feed.ts';
import { itemImage } from '../item-image.ts';
import { parseDate } from '../../shared/dates.ts';
import { resolveHttpUrl } from '../../shared/urls.ts';
import { htmlTextOrNull, trimmed, resolveHtmlUrls, titleText } from '../text.ts';
import { child, children, cleanText, firstOf, innerHtml, textOf } from '../tree-query.ts';
import type { Warnings } from '../warnings.ts';
import type { XElement } from '../xml-tree.ts';
import { fallbackId, langTag, linkRel, rebaseOnSite, uniq } from './shared.ts';

const ENTITY_REF = /&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/** RSS 0.90–0.94, 2.0 and RSS 1.0 (RDF): one reader, the differences are where items live. */
export function parseRss(root: XElement, kind: 'rss' | 'rdf', warnings: Warnings, maxItems: number): ParsedFeed {
  const channel = child(root, 'channel') ?? child(root, 'rss:channel') ?? root;
  // RDF puts items beside the channel; broken RSS sometimes does too.
  const itemEls = [...children(channel, 'item'), ...(channel === root ? [] : children(root, 'item'))];
  if (itemEls.length > maxItems) warnings.add(`feed has ${itemEls.length} items; kept the first ${maxItems}`);
  const link = channelLink(channel);
  rebaseOnSite(channel, link);
  for (const el of itemEls) if (el !== channel) rebaseOnSite(el, link);
  const items: FeedItem[] = [];
  for (const el of itemEls.slice(0, maxItems)) {
    const item = rssItem(el);
    if (item) items.push(item);
    else warnings.add('item with no guid, link, title, text or date skipped');
  }
  const ttl = Number.parseInt(cleanText(child(channel, 'ttl')) ?? '', 10);
  return {
    kind,
    title: htmlTextOrNull(cleanText(firstOf(channel, ['title', 'dc:title']))),
    link,
    language: langTag(cleanText(firstOf(channel, ['language', 'dc:language'])) ?? root.lang ?? channel.lang),
    warnings: warnings.list,
    items,
    hub: linkRel(channel, 'hub') ?? linkRel(root, 'hub'),
    self: linkRel(channel, 'self') ?? linkRel(root, 'self'),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    sitemaps: [],
  };
}

function channelLink(channel: XElement): string | null {
  for (const l of children(channel, 'link')) {
    const url = resolveHttpUrl(textOf(l) || l.attrs.href, l.base);
    if (url) return url;
  }
  return linkRel(channel, 'alternate');
}

function rssItem(el: XElement): FeedItem | null {
  const base = el.base;
  const guidEl = child(el, 'guid');
  const guid = cleanText(guidEl);
  let link: string | null = null;
  for (const l of children(el, 'link')) {
    link = resolveHttpUrl(textOf(l) || l.attrs.href, l.base);
    if (link) break;
  }
  link ??= linkRel(el, 'alternate');
  // A permalink guid is a link only when it is an absolute URL: `<guid>1234</guid>` is not a path.
  if (!link && guid && guidEl?.attrs.ispermalink !== 'false') link = resolveHttpUrl(guid, null);
  const about = el.attrs['rdf:about'];
  if (!link && about) link = resolveHttpUrl(about, base);

  const encoded = child(el, 'content:encoded');
  const description = firstOf(el, ['description', 'dc:description', 'itunes:summary', 'media:description']);
  const descHtml = description ? trimmed(innerHtml(description, false)) : null;
  const bodyHtml = encoded ? trimmed(innerHtml(encoded, false)) : descHtml;
  const contentHtml = bodyHtml ? resolveHtmlUrls(bodyHtml, base) : null;
  const titleEl = firstOf(el, ['title', 'dc:title', 'media:title']);
  // Unescaped markup in a title parses as elements: an `<img>` alone has no text but its alt.
  const rawTitle = cleanText(titleEl) ?? (titleEl?.children.some((c) => typeof c !== 'string') ? titleText(innerHtml(titleEl, false)) : null);
  // Titles are HTML-ish in the wild: markup (escaped or in CDATA) is dropped, and entities that
  // survived inside CDATA (`<![CDATA[Tom &amp; Jerry]]>`) are decoded.
  const title = rawTitle && (rawTitle.indexOf('<') !== -1 || ENTITY_REF.test(rawTitle)) ? titleText(rawTitle) : rawTitle;

  const published = parseDate(cleanText(firstOf(el, ['pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published', 'issued'])));
  const updated = parseDate(cleanText(firstOf(el, ['atom:updated', 'dcterms:modified', 'lastbuilddate'])));
  const categories = uniq([...children(el, 'category'), ...children(el, 'dc:subject')].map((c) => cleanText(c) ?? c.attrs.term ?? null));
  const summary = htmlTextOrNull(descHtml);
  const id = guid ?? about ?? link ?? fallbackId([title, summary, published], contentHtml);
  if (!id) return null;
  return {
    id,
    title,
    link,
    published,
    updated,
    author: rssAuthor(el),
    summary,
    contentHtml,
    categories,
    image: itemImage(el, contentHtml),
  };
}

/** RSS `<author>` is an e-mail address, often `jane@x.org (Jane Doe)`: the name is what we want. */
function rssAuthor(el: XElement): string | null {
  const creators = children(el, 'dc:creator').map((c) => cleanText(c)).filter((c): c is string => c !== null);
  if (creators.length > 0) return uniq(creators).join(', ');
  const raw = cleanText(firstOf(el, ['author', 'itunes:author', 'dc:contributor']));
  if (raw) {
    const m = /^\S+@\S+\s*\((.+)\)$/.exec(raw);
    return m ? m[1]!.trim() : raw;
  }
  const atomAuthor = child(el, 'atom:author');
  return atomAuthor ? cleanText(child(atomAuthor, 'atom:name')) ?? cleanText(atomAuthor) : null;
}
