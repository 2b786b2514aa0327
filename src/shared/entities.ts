import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * HTML character references to characters: the full HTML table (`&eacute;`, `&frac12;`, `&nbsp;`)
 * and numeric references, by the `entities` package — the same table parse5 and htmlparser2 use.
 * Only what HTML defines: entities a DOCTYPE declares are never expanded (no billion laughs).
 */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTML(text);
}

/** The same for an attribute value, where HTML leaves `&copy=` in a URL's query alone. */
export function decodeAttributeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTMLAttribute(text);
}
