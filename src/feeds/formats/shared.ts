import { createHash } from 'node:crypto';
import { resolveUrl } from '../text.ts';
import type { XElement } from '../xml-tree.ts';

/** href of the first `<link rel=…>` / `<atom:link rel=…>` child with that rel (Atom's default rel is alternate). */
export function linkRel(el: XElement, rel: string): string | null {
  for (const c of el.children) {
    if (typeof c === 'string' || (c.name !== 'link' && c.name !== 'atom:link') || !c.attrs.href) continue;
    const r = (c.attrs.rel ?? 'alternate').toLowerCase().split(/\s+/);
    if (!r.includes(rel)) continue;
    if (rel === 'alternate' && c.attrs.type && !/html/i.test(c.attrs.type)) continue;
    const url = resolveUrl(c.attrs.href, c.base);
    if (url) return url;
  }
  return null;
}

/** A stable id for an item that has no guid, id or link: the same item hashes the same next time. */
export function fallbackId(parts: Array<string | null>): string | null {
  if (parts.every((p) => p == null)) return null;
  return `urn:sha1:${createHash('sha1').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex')}`;
}

export function uniq(values: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v)) out.push(v);
  return out;
}
