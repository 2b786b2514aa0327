import { decodeAttributeEntities } from '../shared/entities.ts';
import { resolveHttpUrl } from '../shared/urls.ts';
import { child, children } from './tree-query.ts';
import type { XElement } from './xml-tree.ts';

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i;

function isImage(el: XElement): boolean {
  const medium = el.attrs.medium;
  if (medium) return medium === 'image';
  const type = el.attrs.type;
  if (type) return type.startsWith('image/');
  return IMAGE_EXT.test(el.attrs.url ?? el.attrs.href ?? '');
}

/**
 * The item's lead image: media:content / media:thumbnail (also inside media:group), an image
 * enclosure (RSS enclosure or Atom link rel=enclosure), itunes:image, and last the first
 * `<img>` of the content that is not a tracking pixel.
 */
export function itemImage(item: XElement, contentHtml: string | null): string | null {
  const groups = [item, ...children(item, 'media:group')];
  for (const g of groups) {
    for (const c of g.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'media:content' && isImage(c)) return resolveHttpUrl(c.attrs.url, c.base);
    }
  }
  for (const g of groups) {
    const thumb = child(g, 'media:thumbnail');
    if (thumb?.attrs.url) return resolveHttpUrl(thumb.attrs.url, thumb.base);
  }
  for (const c of item.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'enclosure' && isImage(c)) return resolveHttpUrl(c.attrs.url, c.base);
    if ((c.name === 'link' || c.name === 'atom:link') && c.attrs.rel === 'enclosure' && isImage(c)) return resolveHttpUrl(c.attrs.href, c.base);
  }
  const itunes = child(item, 'itunes:image');
  if (itunes?.attrs.href) return resolveHttpUrl(itunes.attrs.href, itunes.base);
  return contentHtml ? firstContentImage(contentHtml, item.base) : null;
}

const IMG = /<img\b[^>]*>/gi;

function firstContentImage(html: string, base: string | null): string | null {
  if (html.indexOf('<img') === -1) return null;
  IMG.lastIndex = 0;
  for (let m = IMG.exec(html); m; m = IMG.exec(html)) {
    const tag = m[0];
    if (/\b(width|height)\s*=\s*["']?[01]["'\s/>]/i.test(tag)) continue;
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const raw = src?.[1] ?? src?.[2] ?? src?.[3];
    const url = raw ? resolveHttpUrl(decodeAttributeEntities(raw), base) : null;
    if (url) return url;
  }
  return null;
}
