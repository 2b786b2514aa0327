import { isUtf8 } from 'node:buffer';
import type { FeedItem, ParsedFeed } from '../../domain/feed.ts';
import { itemImage } from '../item-image.ts';
import { parseDate } from '../../shared/dates.ts';
import { escapeHtml } from '../../shared/escape-html.ts';
import { resolveHttpUrl } from '../../shared/urls.ts';
import { trimmed, htmlTextOrNull, resolveHtmlUrls, titleText } from '../text.ts';
import { child, children, cleanText, firstOf, innerHtml, textOf } from '../tree-query.ts';
import type { Warnings } from '../warnings.ts';
import type { XElement } from '../xml-tree.ts';
import { fallbackId, langTag, linkRel, rebaseOnSite, uniq } from './shared.ts';

/** Atom 1.0 and 0.3 (`issued`/`modified`/`tagline`, `mode="escaped|xml|base64"`). */
export function parseAtom(root: XElement, warnings: Warnings, maxItems: number): ParsedFeed {
  const entryEls = children(root, 'entry');
  if (entryEls.length > maxItems) warnings.add(`feed has ${entryEls.length} items; kept the first ${maxItems}`);
  const feedAuthor = authorName(root);
  const link = linkRel(root, 'alternate');
  rebaseOnSite(root, link);
  const items: FeedItem[] = [];
  for (const el of entryEls.slice(0, maxItems)) {
    const item = atomEntry(el, feedAuthor, warnings);
    if (item) items.push(item);
    else warnings.add('entry with no id, link, title, text or date skipped');
  }
  const title = child(root, 'title');
  return {
    kind: 'atom',
    title: title ? titleText(textConstructHtml(title, warnings)) : null,
    link,
    language: langTag(root.lang),
    warnings: warnings.list,
    items,
    hub: linkRel(root, 'hub'),
    self: linkRel(root, 'self'),
    ttlMinutes: null,
    sitemaps: [],
  };
}

/** An Atom text construct as HTML, whatever its `type` (or 0.3 `mode`). */
export function textConstructHtml(el: XElement, warnings?: Warnings): string | null {
  const type = (el.attrs.type ?? 'text').trim().toLowerCase();
  const mode = el.attrs.mode?.toLowerCase();
  // RFC 4287 §4.1.3.3: a media type that is neither text/* nor XML is base64 (so is 0.3's mode).
  if (mode === 'base64' || isBase64Type(type)) return fromBase64(textOf(el), type, warnings);
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    const div = el.children.find((c): c is XElement => typeof c !== 'string' && /(^|:)div$/.test(c.name));
    return trimmed(innerHtml(div ?? el, true));
  }
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return trimmed(innerHtml(el, false));
  const hasElements = el.children.some((c) => typeof c !== 'string');
  // type="text" with markup inside is a broken feed: read the markup as HTML rather than lose it.
  return hasElements ? trimmed(innerHtml(el, false)) : trimmed(escapeHtml(textOf(el)));
}

function isBase64Type(type: string): boolean {
  return type.includes('/') && !type.startsWith('text/') && !/[/+]xml$/.test(type);
}

/** Base64 text as HTML: markup for an HTML type, escaped text for the rest; never binary junk. */
function fromBase64(data: string, type: string, warnings: Warnings | undefined): string | null {
  const bytes = Buffer.from(data.replace(/\s+/g, ''), 'base64');
  if (!isUtf8(bytes) || /[\u0000-\u0008\u000e-\u001f]/.test(bytes.toString('utf8'))) {
    warnings?.add(`base64 ${type} content that is not text ignored`);
    return null;
  }
  const text = bytes.toString('utf8');
  return trimmed(/html/.test(type) ? text : escapeHtml(text));
}

function authorName(el: XElement): string | null {
  const names = children(el, 'author')
    .map((a) => cleanText(child(a, 'name')) ?? cleanText(child(a, 'email')) ?? cleanText(a))
    .filter((n): n is string => n !== null);
  return names.length > 0 ? uniq(names).join(', ') : null;
}

function atomEntry(el: XElement, feedAuthor: string | null, warnings: Warnings): FeedItem | null {
  const link = linkRel(el, 'alternate') ?? linkRel(el, 'related');
  const titleEl = child(el, 'title');
  const title = titleEl ? titleText(textConstructHtml(titleEl, warnings)) : null;
  const summaryEl = child(el, 'summary');
  const summaryHtml = summaryEl ? textConstructHtml(summaryEl, warnings) : null;
  const contentEl = child(el, 'content');
  const rawContent = (contentEl && !contentEl.attrs.src ? textConstructHtml(contentEl, warnings) : null) ?? summaryHtml;
  const contentHtml = rawContent ? resolveHtmlUrls(rawContent, (contentEl ?? el).base) : null;
  const group = child(el, 'media:group');
  const summary = htmlTextOrNull(summaryHtml) ?? cleanText(child(el, 'media:description') ?? (group && child(group, 'media:description')));
  const published = parseDate(cleanText(firstOf(el, ['published', 'issued', 'created', 'dc:date'])));
  const updated = parseDate(cleanText(firstOf(el, ['updated', 'modified'])));
  const categories = uniq([...children(el, 'category').map((c) => c.attrs.label ?? c.attrs.term ?? cleanText(c)), ...children(el, 'dc:subject').map((c) => cleanText(c))]);
  const id = cleanText(child(el, 'id')) ?? link ?? fallbackId([title, summary, published], contentHtml);
  if (!id) return null;
  return {
    id,
    title,
    link: link ?? resolveHttpUrl(cleanText(child(el, 'id')), el.base),
    // Atom requires only <updated>; it is the best date many entries have.
    published: published ?? updated,
    updated,
    author: authorName(el) ?? cleanText(child(el, 'dc:creator')) ?? feedAuthor,
    summary,
    contentHtml,
    categories,
    image: itemImage(el, contentHtml),
  };
}
