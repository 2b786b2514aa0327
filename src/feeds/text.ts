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
/** True when collapsing whitespace would change the text beyond a trim (a loop beats a regex here). */
function isMessy(text: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32 || c === 0xa0 || (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))) return true;
  }
  return false;
}

export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = isMessy(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return t === '' ? null : t;
}

/** Trimmed, null for empty; whitespace inside is kept (HTML may hold <pre>). */
export function trimmed(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = text.trim();
  return t === '' ? null : t;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'td', 'th', 'ul', 'ol', 'hr', 'figure', 'figcaption', 'section', 'article', 'pre', 'table']);

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string | null): string | null {
  if (html == null) return null;
  if (html.indexOf('<') === -1) return clean(decodeText(html));
  let stripped = html;
  if (/<(script|style)/i.test(html)) stripped = stripped.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  if (html.indexOf('<!--') !== -1) stripped = stripped.replace(/<!--[\s\S]*?-->/g, ' ');
  // Block ends become spaces so paragraphs do not run together; other tags vanish.
  stripped = stripped.replace(/<(\/?)([a-z0-9]+)\b[^>]*>|<[^>]*>/gi, (_m, _slash, tag?: string) => (tag && BLOCK.has(tag.toLowerCase()) ? ' ' : ''));
  return clean(decodeText(stripped));
}

const IMG_ALT = /<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * A title as plain text. A title that is only an image (a logo, a comic strip's panel) keeps the
 * image's `alt`, as a reader would show it, rather than becoming empty.
 */
export function titleText(html: string | null): string | null {
  const text = htmlToText(html);
  if (text !== null || html === null || html.indexOf('<') === -1) return text;
  const alts: string[] = [];
  for (const m of html.matchAll(IMG_ALT)) alts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return clean(decodeAttr(alts.join(' ')));
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

/** True when `html` has `href` or `src` (any case) right before `eq`, after whitespace. */
function isUrlAttr(html: string, eq: number): boolean {
  let k = eq - 1;
  while (k > 0 && html.charCodeAt(k) === 32) k--;
  const c = html.charCodeAt(k) | 32;
  let start: number;
  if (c === 102 /* f */ && (html.charCodeAt(k - 1) | 32) === 101 && (html.charCodeAt(k - 2) | 32) === 114 && (html.charCodeAt(k - 3) | 32) === 104) start = k - 3;
  else if (c === 99 /* c */ && (html.charCodeAt(k - 1) | 32) === 114 && (html.charCodeAt(k - 2) | 32) === 115) start = k - 2;
  else return false;
  const before = html.charCodeAt(start - 1);
  return before === 32 || before === 10 || before === 9 || before === 13;
}

/** Makes relative href/src attributes in an HTML fragment absolute (feed readers show it elsewhere). */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (!base) return html;
  // One indexOf pass over "=", not a regex: content is most of a feed's bytes.
  let out = '';
  let last = 0;
  for (let eq = html.indexOf('='); eq !== -1; eq = html.indexOf('=', eq + 1)) {
    if (!isUrlAttr(html, eq)) continue;
    let j = eq + 1;
    while (html.charCodeAt(j) === 32) j++;
    const q = html[j];
    if (q !== '"' && q !== "'") continue;
    const end = html.indexOf(q, j + 1);
    if (end === -1) break;
    const value = html.slice(j + 1, end);
    eq = end;
    if (value === '' || value[0] === '#' || (value.charCodeAt(0) === 104 && value.startsWith('http')) || HAS_SCHEME.test(value)) continue;
    let abs: string;
    try {
      abs = new URL(decodeAttr(value), base).href;
    } catch {
      continue;
    }
    out += `${html.slice(last, j)}"${escapeHtml(abs)}"`;
    last = end + 1;
  }
  return last === 0 ? html : out + html.slice(last);
}
