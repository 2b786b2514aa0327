import type { FeedItem, ParsedFeed } from '../../domain/feed.ts';
import { parseDate } from '../../shared/dates.ts';
import { resolveHttpUrl } from '../../shared/urls.ts';
import { child, children, cleanText } from '../tree-query.ts';
import type { Warnings } from '../warnings.ts';
import type { XElement } from '../xml-tree.ts';
import { langTag, uniq } from './shared.ts';

/** Sitemaps (`urlset`), sitemap indexes and Google News sitemaps (`news:news`, `image:image`). */
export function parseSitemap(root: XElement, warnings: Warnings, maxItems: number): ParsedFeed {
  const feed: ParsedFeed = { kind: 'sitemap', title: null, link: null, language: null, warnings: warnings.list, items: [], hub: null, self: null, ttlMinutes: null, sitemaps: [] };
  if (root.name === 'sitemapindex' || root.name === 'sm:sitemapindex') {
    feed.kind = 'sitemapindex';
    feed.sitemaps = uniq(children(root, root.name === 'sitemapindex' ? 'sitemap' : 'sm:sitemap').map((s) => loc(s)));
    return feed;
  }
  const urls = [...children(root, 'url'), ...children(root, 'sm:url')];
  if (urls.length > maxItems) warnings.add(`sitemap has ${urls.length} URLs; kept the first ${maxItems}`);
  for (const u of urls.slice(0, maxItems)) {
    const item = sitemapItem(u);
    if (!item) continue;
    feed.items.push(item.item);
    feed.language ??= item.language;
  }
  return feed;
}

function loc(el: XElement): string | null {
  return resolveHttpUrl(cleanText(child(el, 'loc') ?? child(el, 'sm:loc')), el.base);
}

function sitemapItem(u: XElement): { item: FeedItem; language: string | null } | null {
  const link = loc(u);
  if (!link) return null;
  const news = child(u, 'news:news');
  const publication = news && child(news, 'news:publication');
  const keywords = cleanText(news && child(news, 'news:keywords'));
  const imageEl = child(u, 'image:image');
  const lastmod = parseDate(cleanText(child(u, 'lastmod') ?? child(u, 'sm:lastmod')));
  return {
    item: {
      id: link,
      title: cleanText(news && child(news, 'news:title')) ?? cleanText(imageEl && child(imageEl, 'image:title')),
      link,
      published: parseDate(cleanText(news && child(news, 'news:publication_date'))) ?? lastmod,
      updated: lastmod,
      author: cleanText(publication && child(publication, 'news:name')),
      summary: null,
      contentHtml: null,
      categories: keywords ? uniq(keywords.split(',').map((k) => k.trim())) : [],
      image: imageEl ? resolveHttpUrl(cleanText(child(imageEl, 'image:loc')), imageEl.base) : null,
    },
    language: langTag(cleanText(publication && child(publication, 'news:language'))),
  };
}

/** A text sitemap (sitemaps.org): one absolute URL per line, UTF-8, nothing else. */
export function parseTextSitemap(text: string, warnings: Warnings, maxItems: number): ParsedFeed {
  const feed: ParsedFeed = { kind: 'sitemap', title: null, link: null, language: null, warnings: warnings.list, items: [], hub: null, self: null, ttlMinutes: null, sitemaps: [] };
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    const url = resolveHttpUrl(t, null);
    if (!url) {
      skipped++;
      continue;
    }
    if (feed.items.length >= maxItems) {
      warnings.add(`sitemap has more than ${maxItems} URLs; kept the first ${maxItems}`);
      break;
    }
    feed.items.push({ id: url, title: null, link: url, published: null, updated: null, author: null, summary: null, contentHtml: null, categories: [], image: null });
  }
  if (skipped > 0) warnings.add(`${skipped} lines that are not URLs skipped`);
  return feed;
}
