/** Metadata of a page, by precedence JSON-LD > Open Graph / meta > the document itself. */
import type { Document } from 'domhandler';
import { cleanTitle } from './clean-title.ts';
import { findByline } from './find-byline.ts';
import { classAndId, normalizeSpace, textOf, walkElements, type Element } from './dom.ts';
import { imageOf } from './collect-blocks.ts';
import { readJsonLd } from './json-ld.ts';
import { firstSection } from './section-name.ts';
import { toIsoDate, dateFromUrl } from './parse-date.ts';
import { resolveHttpUrl } from '../shared/urls.ts';
import { plainText } from './text-fields.ts';

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
  /** The caption of the lead image where the page shows it in a <figure>. */
  imageCaption: string | null;
  description: string | null;
  articleBody: string | null;
  /** The section the page files the story under (World, Science…), normalized; null when it names none. */
  section: string | null;
}

interface Found {
  meta: Map<string, string>;
  jsonLd: Element[];
  html?: Element;
  title?: Element;
  h1?: Element;
  titledHeading?: Element;
  canonical?: Element;
  time?: Element;
  datePublished?: Element;
  figures: Element[];
}

/** Everything metadata reads, gathered in one walk over the page. */
function gather(doc: Document): Found {
  const found: Found = { meta: new Map(), jsonLd: [], figures: [] };
  walkElements(doc, (e) => {
    const a = e.attribs;
    switch (e.name) {
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase().trim();
        if (key && a.content && !found.meta.has(key)) found.meta.set(key, a.content);
        break;
      }
      case 'script':
        if (/ld\+json/i.test(a.type ?? '')) found.jsonLd.push(e);
        break;
      case 'html':
        found.html ??= e;
        break;
      case 'title':
        found.title ??= e;
        break;
      case 'h1':
        found.h1 ??= e;
        break;
      case 'h2':
      case 'h3':
        if (!found.titledHeading && /title|headline/i.test(classAndId(e))) found.titledHeading = e;
        break;
      case 'link':
        if (!found.canonical && /(^|\s)canonical(\s|$)/i.test(a.rel ?? '')) found.canonical = e;
        break;
      case 'figure':
        found.figures.push(e);
        break;
      case 'time':
        if (!found.time && a.datetime) found.time = e;
        break;
    }
    if (a.itemprop === 'datePublished') found.datePublished ??= e;
  });
  return found;
}

function first(...values: Array<string | null | undefined>): string | null {
  for (const v of values) if (v && v.trim()) return v.trim();
  return null;
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const found = gather(doc);
  const ld = readJsonLd(found.jsonLd);
  const meta = found.meta;
  const m = (...keys: string[]): string | null => first(...keys.map((k) => meta.get(k)));
  const html = found.html;
  const titleEl = found.title;
  const h1 = found.h1 ?? found.titledHeading;
  const canonicalEl = found.canonical;
  const timeEl = found.time;
  const propDate = found.datePublished;

  const siteName = plainText(first(m('og:site_name'), m('application-name'), ld?.publisher));
  const h1Text = h1 ? textOf(h1) : null;
  const rawTitle = first(ld?.headline, m('og:title'), m('twitter:title'), titleEl ? textOf(titleEl) : null, h1Text);
  const metaAuthor = m('author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author');
  const byline = first(
    ld && ld.authors.length > 0 ? ld.authors.join(', ') : null,
    metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : null,
  ) ?? findByline(doc);
  const declaredLang = first(html?.attribs.lang, html?.attribs['xml:lang'], ld?.inLanguage, m('og:locale', 'content-language', 'dc.language', 'language'));
  const published = toIsoDate(
    first(
      ld?.datePublished,
      m('article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date'),
      propDate ? (propDate.attribs.content ?? propDate.attribs.datetime ?? null) : null,
      timeEl?.attribs.datetime,
    ),
    declaredLang,
  ) ?? dateFromUrl(url);
  const modified = toIsoDate(first(ld?.dateModified, m('article:modified_time', 'og:updated_time', 'datemodified', 'last-modified')), declaredLang);
  const dir = (html?.attribs.dir ?? '').toLowerCase();
  const image = resolveHttpUrl(first(ld?.image, m('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src')), url);
  return {
    title: plainText(cleanTitle(rawTitle, siteName, h1Text)),
    byline: plainText(byline ? byline.replace(/^by\s+/i, '') : null),
    published,
    modified,
    declaredLang,
    declaredDir: dir === 'rtl' ? 'rtl' : dir === 'ltr' ? 'ltr' : null,
    siteName,
    canonical: resolveHttpUrl(first(canonicalEl?.attribs.href, m('og:url'), ld?.url), url),
    image,
    imageCaption: image ? captionOf(found.figures, image, url) : null,
    description: plainText(first(ld?.description, m('og:description', 'description', 'twitter:description'))),
    articleBody: ld?.articleBody ? normalizeBody(ld.articleBody) : null,
    section: firstSection(ld?.section, meta.get('article:section'), meta.get('og:article:section'), meta.get('parsely-section'), meta.get('section')),
  };
}

function normalizeBody(body: string): string | null {
  // articleBody is sometimes HTML-escaped markup rather than text.
  const text = /<\/?(p|div|br)\b/i.test(body) ? body.replace(/<br\s*\/?>|<\/p>/gi, '\n\n').replace(/<[^>]+>/g, '') : body;
  const out = text.split(/\n\s*\n|\r\n/).map(normalizeSpace).filter(Boolean).join('\n\n');
  return out || null;
}

/** Images are matched by file name: pages serve the same picture from several sizes and hosts. */
function fileName(u: string): string {
  return u.replace(/[?#].*$/, '').split('/').pop() ?? u;
}

function captionOf(figures: Element[], image: string, url: string): string | null {
  const want = fileName(image);
  for (const figure of figures) {
    const img = imageOf(figure);
    const src = img ? resolveHttpUrl(img.src, url) : null;
    if (!src || fileName(src) !== want) continue;
    const caption = figure.children.find((c): c is Element => c.type === 'tag' && (c as Element).name === 'figcaption');
    return plainText(caption ? textOf(caption) : img?.alt || null);
  }
  return null;
}
