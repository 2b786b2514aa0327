import { decodeEntities } from './entities.ts';

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

/**
 * Runs of white space (Unicode's, `\s`: NBSP and the BOM included) become one space; the ends are
 * trimmed. Zero-width joiners (ZWNJ, ZWJ) are not white space: Persian and Indic words need them.
 */
export function collapseWhitespace(text: string): string {
  return isMessy(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

// Elements whose end separates words: their tags become a space, any other tag vanishes.
const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'td', 'th', 'ul', 'ol', 'dl', 'dt', 'dd', 'hr', 'figure', 'figcaption', 'section', 'article', 'aside', 'header', 'footer', 'pre', 'table', 'caption']);

/**
 * Plain text of an HTML fragment: `script`, `style` and comments dropped, block boundaries turned
 * to spaces (paragraphs never run together) while inline tags vanish (`<b>Har</b>bour` stays one
 * word), every entity decoded, white space collapsed.
 */
export function htmlToText(html: string): string {
  if (html.indexOf('<') === -1) return collapseWhitespace(decodeEntities(html));
  let stripped = html;
  if (/<(script|style)/i.test(html)) stripped = stripped.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  if (html.indexOf('<!--') !== -1) stripped = stripped.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  stripped = stripped.replace(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>|<[!?/][^>]*>/gi, (_m, _slash, tag?: string) => (tag && BLOCK.has(tag.toLowerCase()) ? ' ' : ''));
  return collapseWhitespace(decodeEntities(stripped));
}
