/** Drops the " | Site name" part that pages add to their titles. */
import { normalizeSpace } from './dom.ts';

const SEPARATOR = /\s+[|\-–—:·•»«/]\s+|\s+::\s+/;

function comparable(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function cleanTitle(raw: string | null, siteName: string | null, heading: string | null = null): string | null {
  if (!raw) return null;
  const title = normalizeSpace(raw);
  if (!title) return null;
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const site = siteName ? comparable(siteName) : '';
  // The page's own heading settles which part is the title.
  if (heading) {
    const h = comparable(heading);
    if (h && comparable(title).startsWith(h) && h.length >= 10) return normalizeSpace(heading);
  }
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (site && (comparable(last) === site || site.includes(comparable(last)) || comparable(last).includes(site))) {
    return title.slice(0, title.length - last.length).replace(/\s*(?:[|\-–—:·•»«/]|::)\s*$/, '').trim();
  }
  if (site && (comparable(first) === site || site.includes(comparable(first)))) {
    return title.slice(first.length).replace(/^\s*(?:[|\-–—:·•»«/]|::)\s*/, '').trim();
  }
  // Without a known site name, a short tail after a pipe is almost always the site.
  const m = /\s+[|·•]\s+([^|·•]+)$/.exec(title);
  if (m && m[1] && m[1].split(/\s+/).length <= 4) return title.slice(0, m.index).trim();
  return title;
}
