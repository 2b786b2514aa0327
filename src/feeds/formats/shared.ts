import { createHash } from 'node:crypto';
import { resolveHttpUrl } from '../../shared/urls.ts';
import type { XElement } from '../xml-tree.ts';

/** href of the first `<link rel=…>` / `<atom:link rel=…>` child with that rel (Atom's default rel is alternate). */
export function linkRel(el: XElement, rel: string): string | null {
  for (const c of el.children) {
    if (typeof c === 'string' || (c.name !== 'link' && c.name !== 'atom:link') || !c.attrs.href) continue;
    const r = (c.attrs.rel ?? 'alternate').toLowerCase().split(/\s+/);
    if (!r.includes(rel)) continue;
    if (rel === 'alternate' && c.attrs.type && !/html/i.test(c.attrs.type)) continue;
    const url = resolveHttpUrl(c.attrs.href, c.base);
    if (url) return url;
  }
  return null;
}

const WEB_URL = /^https?:\/\//i;

/**
 * A feed read from a file (or handed without its URL) has no web address to resolve `/news/1`
 * against: like feed readers, fall back on the site's own link. Every element whose base is not a
 * web URL gets the site link as its base, so links, content and images resolve alike.
 */
export function rebaseOnSite(root: XElement, siteLink: string | null): void {
  if (!siteLink || (root.base && WEB_URL.test(root.base))) return;
  const stack: XElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (!el.base || !WEB_URL.test(el.base)) el.base = siteLink;
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
}

/** A stable id for an item that has no guid, id or link: the same item hashes the same next time. */
export function fallbackId(parts: Array<string | null>, content: string | null = null): string | null {
  // An item with nothing but its content is still an item; its id hashes the content alone
  // (the ids of items with a title, summary or date stay what they were).
  if (parts.every((p) => p == null)) return content == null ? null : fallbackId([content]);
  return `urn:sha1:${createHash('sha1').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex')}`;
}

export function uniq(values: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v)) out.push(v);
  return out;
}

/**
 * A language tag as BCP 47 writes it: `en_US`, `EN-us` → `en-US`, `zh_hant_tw` → `zh-Hant-TW`.
 * What is not a tag at all (`English`) is kept as given: the language detector decides later.
 */
export function langTag(raw: string | null | undefined): string | null {
  const t = raw?.trim();
  if (!t) return null;
  const parts = t.replace(/_/g, '-').split('-');
  if (!/^[a-z]{2,3}$/i.test(parts[0]!) || parts.some((p) => !/^[a-z0-9]{1,8}$/i.test(p))) return t;
  let extension = false;
  return parts
    .map((p, i) => {
      // After a singleton (`x-`, `u-`) come private or extension subtags: no case rules there.
      extension ||= i > 0 && p.length === 1;
      if (i === 0 || extension) return p.toLowerCase();
      if (p.length === 2 && /^[a-z]+$/i.test(p)) return p.toUpperCase();
      if (p.length === 4 && /^[a-z]+$/i.test(p)) return p[0]!.toUpperCase() + p.slice(1).toLowerCase();
      return p.toLowerCase();
    })
    .join('-');
}
