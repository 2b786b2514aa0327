import { escapeHtml } from '../shared/escape-html.ts';
import { VOID_ELEMENTS } from '../shared/void-elements.ts';
import { clean } from './text.ts';
import type { XElement } from './xml-tree.ts';

export function child(el: XElement, name: string): XElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function children(el: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

/** First child among `names`, in the order of `names` (preference order). */
export function firstOf(el: XElement, names: readonly string[]): XElement | undefined {
  for (const n of names) {
    const c = child(el, n);
    if (c) return c;
  }
  return undefined;
}

/** All text under an element, tags dropped. */
export function textOf(el: XElement | undefined): string {
  if (!el) return '';
  const kids = el.children;
  if (kids.length === 1 && typeof kids[0] === 'string') return kids[0];
  let out = '';
  for (const c of kids) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Trimmed, whitespace-collapsed text, or null. */
export function cleanText(el: XElement | undefined): string | null {
  return el ? clean(textOf(el)) : null;
}

/**
 * Children as HTML. `escape` is how text nodes are read: RSS text is already HTML source
 * (escaped or CDATA markup), XHTML text is literal text and must be escaped again.
 */
export function innerHtml(el: XElement, escape: boolean): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += escape ? escapeHtml(c) : c;
    else out += outerHtml(c, escape);
  }
  return out;
}

function outerHtml(el: XElement, escape: boolean): string {
  const colon = el.name.indexOf(':');
  const tag = colon >= 0 ? el.name.slice(colon + 1) : el.name;
  let attrs = '';
  for (const k in el.attrs) {
    if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xml:')) continue;
    attrs += ` ${k}="${escapeHtml(el.attrs[k]!)}"`;
  }
  if (VOID_ELEMENTS.has(tag)) return `<${tag}${attrs}>`;
  return `<${tag}${attrs}>${innerHtml(el, escape)}</${tag}>`;
}
