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

/** Returns a warning for bare ampersands or undefined entities in raw text, or null. */
export function entityProblem(raw: string): string | null {
  if (raw.indexOf('&') === -1) return null;
  ENTITY_LIKE.lastIndex = 0;
  for (let m = ENTITY_LIKE.exec(raw); m; m = ENTITY_LIKE.exec(raw)) {
    const ref = m[1];
    if (!ref) return 'bare "&" in text (treated as a literal ampersand)';
    if (ref[0] !== '#' && decodeHTML(`&${ref}`) === `&${ref}`) {
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
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = text.replace(/\s+/g, ' ').trim();
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

/**
 * Resolves a URL against a base. Only http(s) results are kept: a `javascript:` or `data:` link in
 * a feed is never a story link.
 */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (href == null) return null;
  const h = href.trim();
  if (h === '') return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const URL_ATTR = /(\s(?:href|src|poster|cite)\s*=\s*)("([^"]*)"|'([^']*)')/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Makes relative href/src attributes in an HTML fragment absolute (feed readers show it elsewhere). */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (!base || (html.indexOf('href') === -1 && html.indexOf('src') === -1)) return html;
  return html.replace(URL_ATTR, (all, pre: string, _q, dq?: string, sq?: string) => {
    const v = dq ?? sq ?? '';
    if (v === '' || v[0] === '#' || HAS_SCHEME.test(v)) return all;
    let abs: string;
    try {
      abs = new URL(decodeAttr(v), base).href;
    } catch {
      return all;
    }
    return `${pre}"${escapeHtml(abs)}"`;
  });
}
