import { decodeAttributeEntities, decodeEntities } from '../shared/entities.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { collapseWhitespace, htmlToText } from '../shared/text.ts';
import { resolveHttpUrl } from '../shared/urls.ts';

/*
 * Feed text: entities are decoded by shared/entities.ts, which knows the full HTML table (feeds are
 * full of `&nbsp;` and `&eacute;` that XML does not define) plus character references — and
 * nothing else: entities a DOCTYPE declares are never expanded, so billion-laughs and XXE payloads
 * stay inert text.
 */

const ENTITY_LIKE = /&(#[0-9]+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)?/gi;
const KNOWN_ENTITY = new Map<string, boolean>();

function isKnownEntity(ref: string): boolean {
  let known = KNOWN_ENTITY.get(ref);
  if (known === undefined) {
    known = decodeEntities(`&${ref}`) !== `&${ref}`;
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

/** Collapses whitespace; null for empty. */
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = collapseWhitespace(text);
  return t === '' ? null : t;
}

/** Trimmed, null for empty; whitespace inside is kept (HTML may hold <pre>). */
export function trimmed(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = text.trim();
  return t === '' ? null : t;
}

/** Plain text of an HTML fragment (shared/text.ts's rules); null for none or empty. */
export function htmlTextOrNull(html: string | null): string | null {
  if (html == null) return null;
  const text = htmlToText(html);
  return text === '' ? null : text;
}

const IMG_ALT = /<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * A title as plain text. A title that is only an image (a logo, a comic strip's panel) keeps the
 * image's `alt`, as a reader would show it, rather than becoming empty.
 */
export function titleText(html: string | null): string | null {
  const text = htmlTextOrNull(html);
  if (text !== null || html === null || html.indexOf('<') === -1) return text;
  const alts: string[] = [];
  for (const m of html.matchAll(IMG_ALT)) alts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return clean(decodeAttributeEntities(alts.join(' ')));
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
      abs = new URL(decodeAttributeEntities(value), base).href;
    } catch {
      continue;
    }
    out += `${html.slice(last, j)}"${escapeHtml(abs)}"`;
    last = end + 1;
  }
  return last === 0 ? html : out + html.slice(last);
}
