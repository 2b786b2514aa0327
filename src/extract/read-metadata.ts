/** Metadata of a page, by precedence JSON-LD > Open Graph / meta > the document itself. */
import type { Document } from 'domhandler';
import { cleanTitle } from './clean-title.ts';
import { classAndId, findAll, findFirst, normalizeSpace, textOf, type Element } from './dom.ts';
import { readJsonLd } from './json-ld.ts';
import { toIsoDate, dateFromUrl } from './parse-date.ts';
import { plainText, safeUrl } from './text-fields.ts';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  declaredLang: string | null;
  declaredDir: 'ltr' | 'rtl' | null;
  siteName: string | null;
  canonical: string | null;
  image: string | null;
  description: string | null;
  articleBody: string | null;
}

function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of findAll(doc, (e) => e.name === 'meta')) {
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase().trim();
    const content = el.attribs.content;
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function first(...values: Array<string | null | undefined>): string | null {
  for (const v of values) if (v && v.trim()) return v.trim();
  return null;
}

function itemprop(doc: Document, name: string): Element | null {
  return findFirst(doc, (e) => e.attribs.itemprop === name);
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const ld = readJsonLd(doc);
  const meta = metaMap(doc);
  const m = (...keys: string[]): string | null => first(...keys.map((k) => meta.get(k)));
  const html = findFirst(doc, (e) => e.name === 'html');
  const titleEl = findFirst(doc, (e) => e.name === 'title');
  const h1 = findFirst(doc, (e) => e.name === 'h1') ?? findFirst(doc, (e) => /^h[2-3]$/.test(e.name) && /title|headline/i.test(classAndId(e)));
  const canonicalEl = findFirst(doc, (e) => e.name === 'link' && /(^|\s)canonical(\s|$)/i.test(e.attribs.rel ?? ''));
  const timeEl = findFirst(doc, (e) => e.name === 'time' && !!(e.attribs.datetime ?? ''));
  const propDate = itemprop(doc, 'datePublished');
  const propAuthor = itemprop(doc, 'author');

  const siteName = plainText(first(m('og:site_name'), m('application-name'), ld?.publisher));
  const h1Text = h1 ? textOf(h1) : null;
  const rawTitle = first(ld?.headline, m('og:title'), m('twitter:title'), titleEl ? textOf(titleEl) : null, h1Text);
  const metaAuthor = m('author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author');
  const byline = first(
    ld && ld.authors.length > 0 ? ld.authors.join(', ') : null,
    metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : null,
    propAuthor ? textOf(propAuthor) : null,
  );
  const published = toIsoDate(
    first(
      ld?.datePublished,
      m('article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date'),
      propDate ? (propDate.attribs.content ?? propDate.attribs.datetime ?? null) : null,
      timeEl?.attribs.datetime,
    ),
  ) ?? dateFromUrl(url);
  const modified = toIsoDate(first(ld?.dateModified, m('article:modified_time', 'og:updated_time', 'datemodified', 'last-modified')));
  const dir = (html?.attribs.dir ?? '').toLowerCase();
  return {
    title: plainText(cleanTitle(rawTitle, siteName, h1Text)),
    byline: plainText(byline ? byline.replace(/^by\s+/i, '') : null),
    published,
    modified,
    declaredLang: first(html?.attribs.lang, html?.attribs['xml:lang'], ld?.inLanguage, m('og:locale', 'content-language', 'dc.language', 'language')),
    declaredDir: dir === 'rtl' ? 'rtl' : dir === 'ltr' ? 'ltr' : null,
    siteName,
    canonical: safeUrl(first(canonicalEl?.attribs.href, m('og:url'), ld?.url), url),
    image: safeUrl(first(ld?.image, m('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src')), url),
    description: plainText(first(ld?.description, m('og:description', 'description', 'twitter:description'))),
    articleBody: ld?.articleBody ? normalizeBody(ld.articleBody) : null,
  };
}

function normalizeBody(body: string): string | null {
  // articleBody is sometimes HTML-escaped markup rather than text.
  const text = /<\/?(p|div|br)\b/i.test(body) ? body.replace(/<br\s*\/?>|<\/p>/gi, '\n\n').replace(/<[^>]+>/g, '') : body;
  const out = text.split(/\n\s*\n|\r\n/).map(normalizeSpace).filter(Boolean).join('\n\n');
  return out || null;
}
