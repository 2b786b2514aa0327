import type { FeedItem, ParsedFeed } from '../../domain/feed.ts';
import { PermanentError } from '../../domain/errors.ts';
import { parseDate } from '../../shared/dates.ts';
import { escapeHtml } from '../../shared/escape-html.ts';
import { resolveHttpUrl } from '../../shared/urls.ts';
import { clean, trimmed, htmlTextOrNull, resolveHtmlUrls } from '../text.ts';
import type { Warnings } from '../warnings.ts';
import { fallbackId, langTag, uniq } from './shared.ts';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? clean(v) : typeof v === 'number' ? String(v) : null);
const rawStr = (v: unknown): string | null => (typeof v === 'string' ? trimmed(v) : null);
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

/** JSON Feed 1.0 and 1.1 (`author` or `authors`, `language`, `hubs`). */
export function parseJsonFeed(text: string, url: string, warnings: Warnings, maxItems: number): ParsedFeed {
  let doc: Obj | null;
  try {
    doc = obj(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (err) {
    throw new PermanentError(`feeds: invalid JSON (${(err as Error).message})`, 'feeds.unparseable', { cause: err });
  }
  if (!doc || !Array.isArray(doc.items)) throw new PermanentError('feeds: JSON without an items array is not a JSON Feed', 'feeds.unparseable');
  if (typeof doc.version !== 'string' || !doc.version.startsWith('https://jsonfeed.org/version/')) warnings.add('JSON Feed without a jsonfeed.org version');
  const base = resolveHttpUrl(str(doc.feed_url), url) ?? url;
  const feedAuthor = authorOf(doc);
  const raw = doc.items as unknown[];
  if (raw.length > maxItems) warnings.add(`feed has ${raw.length} items; kept the first ${maxItems}`);
  const items: FeedItem[] = [];
  for (const it of raw.slice(0, maxItems)) {
    const o = obj(it);
    if (!o) {
      warnings.add('JSON Feed item that is not an object skipped');
      continue;
    }
    const link = resolveHttpUrl(str(o.url) ?? str(o.external_url), base);
    const text = rawStr(o.content_text);
    const html = rawStr(o.content_html) ?? (text ? escapeHtml(text).replace(/\r?\n/g, '<br>') : null);
    const contentHtml = html ? resolveHtmlUrls(html, link ?? base) : null;
    const title = str(o.title);
    const summary = str(o.summary) ?? htmlTextOrNull(contentHtml)?.slice(0, 500) ?? null;
    const published = parseDate(str(o.date_published));
    const id = str(o.id) ?? link ?? fallbackId([title, summary, published]);
    if (!id) continue;
    items.push({
      id,
      title,
      link,
      published,
      updated: parseDate(str(o.date_modified)),
      author: authorOf(o) ?? feedAuthor,
      summary,
      contentHtml,
      categories: uniq(Array.isArray(o.tags) ? o.tags.map(str) : []),
      image: resolveHttpUrl(str(o.image) ?? str(o.banner_image), base),
    });
  }
  const hubs = Array.isArray(doc.hubs) ? doc.hubs.map(obj) : [];
  const hub = hubs.find((h) => h && /websub|pubsubhubbub/i.test(String(h.type)) && typeof h.url === 'string');
  return {
    kind: 'json',
    title: str(doc.title),
    link: resolveHttpUrl(str(doc.home_page_url), base),
    language: langTag(str(doc.language)),
    warnings: warnings.list,
    items,
    hub: hub ? resolveHttpUrl(String(hub.url), base) : null,
    self: resolveHttpUrl(str(doc.feed_url), url),
    ttlMinutes: null,
    sitemaps: [],
  };
}

function authorOf(o: Obj): string | null {
  const list = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
  const names = list.map((a) => (typeof a === 'string' ? a : str(obj(a)?.name)));
  const u = uniq(names);
  return u.length > 0 ? u.join(', ') : null;
}
