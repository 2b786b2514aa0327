// The last label starts with a letter: a numeric one would make the host an IPv4 address to rewrite.
const CANONICAL_URL = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~/?=&%+,;:@!*$]*$/;

/**
 * `href` resolved against `base` (when given) to an absolute http(s) URL, or null: a
 * `javascript:`, `data:` or `mailto:` link, an empty string or a malformed URL is never a link
 * to fetch or to show.
 */
export function resolveHttpUrl(href: string | null | undefined, base?: string | null): string | null {
  if (href == null) return null;
  const h = href.trim();
  if (h === '') return null;
  // Already canonical (lower-case host, no port, a path without dot segments): what URL would return.
  if (CANONICAL_URL.test(h) && h.indexOf('/.') === -1) return h;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
