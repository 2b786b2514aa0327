import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * Entity decoding for feeds. We decode the full HTML entity table (feeds are full of `&nbsp;` and
 * `&eacute;` that XML does not define) plus character references — and nothing else: entities a
 * DOCTYPE declares are never expanded, so billion-laughs and XXE payloads stay inert text.
 */
export function decodeText(raw: string): string {
  return raw.indexOf('&') === -1 ? raw : decodeHTML(raw);
}

export function decodeAttr(raw: string): string {
  return raw.indexOf('&') === -1 ? raw : decodeHTMLAttribute(raw);
}

const ENTITY_LIKE = /&(#[0-9]+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)?/gi;
const KNOWN_ENTITY = new Map<string, boolean>();

function isKnownEntity(ref: string): boolean {
  let known = KNOWN_ENTITY.get(ref);
  if (known === undefined) {
    known = decodeHTML(`&${ref}`) !== `&${ref}`;
    if (KNOWN_ENTITY.size < 4096) KNOWN_ENTITY.set(ref, known);
  }
  return known;
}

/** Returns a warning for bare ampersands or undefined entities in raw text, or null. */
export function entityProblem(raw: string): string | null {
  if (raw.indexOf('&') === -1) return null;
  ENTITY_LIKE.lastIndex = 0;
  for (let m = ENTITY_LIKE.exec(raw); m; m = ENTITY_LIKE.exec(raw)) {
    const ref = m[1];
    if (!ref) return 'bare "&" in text (treated as a literal ampersand)';
    if (ref[0] !== '#' && !isKnownEntity(ref)) {
      return `undefined entity &${ref} left as text (DOCTYPE entities are never expanded)`;
    }
  }
  return null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Collapses whitespace; null for empty. */
const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u3000\ufeff]/;

export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = MESSY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return t === '' ? null : t;
}

/** Trimmed, null for empty; whitespace inside is kept (HTML may hold <pre>). */
export function trimmed(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = text.trim();
  return t === '' ? null : t;
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string | null): string | null {
  if (html == null) return null;
  if (html.indexOf('<') === -1) return clean(decodeText(html));
  const stripped = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return clean(decodeText(stripped));
}

// The last label starts with a letter: a numeric one would make the host an IPv4 address to rewrite.
const CANONICAL_URL = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~/?=&%+,;:@!*$]*$/;

/**
 * Resolves a URL against a base. Only http(s) results are kept: a `javascript:` or `data:` link in
 * a feed is never a story link.
 */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
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

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const URL_ATTRS = ['href', 'src'];

/** Makes relative href/src attributes in an HTML fragment absolute (feed readers show it elsewhere). */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (!base) return html;
  // An indexOf scan, not a regex: content is most of a feed's bytes and this runs over all of it.
  let out = '';
  let last = 0;
  const next = URL_ATTRS.map((a) => html.indexOf(a, 0));
  for (;;) {
    let k = -1;
    for (let a = 0; a < next.length; a++) if (next[a]! !== -1 && (k === -1 || next[a]! < next[k]!)) k = a;
    if (k === -1) break;
    const at = next[k]!;
    const name = URL_ATTRS[k]!;
    next[k] = html.indexOf(name, at + name.length);
    const before = at > 0 ? html.charCodeAt(at - 1) : 0;
    if (before !== 32 && before !== 10 && before !== 9 && before !== 13) continue;
    let j = at + name.length;
    while (html.charCodeAt(j) === 32) j++;
    if (html.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (html.charCodeAt(j) === 32) j++;
    const q = html[j];
    if (q !== '"' && q !== "'") continue;
    const end = html.indexOf(q, j + 1);
    if (end === -1) break;
    const value = html.slice(j + 1, end);
    if (value === '' || value[0] === '#' || (value.charCodeAt(0) === 104 && value.startsWith('http')) || HAS_SCHEME.test(value)) continue;
    let abs: string;
    try {
      abs = new URL(decodeAttr(value), base).href;
    } catch {
      continue;
    }
    out += `${html.slice(last, j)}"${escapeHtml(abs)}"`;
    last = end + 1;
    for (let a = 0; a < next.length; a++) if (next[a]! !== -1 && next[a]! < last) next[a] = html.indexOf(URL_ATTRS[a]!, last);
  }
  return last === 0 ? html : out + html.slice(last);
}
