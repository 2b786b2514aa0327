/** Blocks to the article's body: block-level HTML (before sanitizing) and plain text. */
import { DomUtils } from 'htmlparser2';
import type { Block } from './collect-blocks.ts';
import type { Element } from './dom.ts';
import { escapeText, escapeAttribute } from 'entities';

export interface Rendered {
  html: string;
  text: string;
}

function inner(block: Block): string {
  return DomUtils.getOuterHTML(block.nodes, { decodeEntities: true, encodeEntities: 'utf8' }).trim();
}

export function renderBlocks(blocks: Block[]): Rendered {
  const html: string[] = [];
  const text: string[] = [];
  let list: Element | null = null;
  let quote: Element | null = null;
  const closeList = (): void => {
    if (list) html.push(list.name === 'ol' ? '</ol>' : '</ul>');
    list = null;
  };
  const closeQuote = (): void => {
    closeList();
    if (quote) html.push('</blockquote>');
    quote = null;
  };
  for (const b of blocks) {
    if (b.quote !== quote) {
      closeQuote();
      if (b.quote) html.push('<blockquote>');
      quote = b.quote;
    }
    if (b.kind === 'li' && b.list) {
      if (b.list !== list) {
        closeList();
        html.push(b.list.name === 'ol' ? '<ol>' : '<ul>');
        list = b.list;
      }
      html.push(`<li>${inner(b)}</li>`);
      text.push(b.text);
      continue;
    }
    closeList();
    switch (b.kind) {
      case 'h': {
        const level = Math.min(4, Math.max(2, b.level));
        html.push(`<h${level}>${inner(b)}</h${level}>`);
        break;
      }
      case 'pre':
        html.push(`<pre>${inner(b)}</pre>`);
        break;
      case 'table':
        html.push(inner(b));
        break;
      case 'figure': {
        const img = b.image;
        if (!img) break;
        const caption = img.caption ? `<figcaption>${escapeText(img.caption)}</figcaption>` : '';
        html.push(`<figure><img src="${escapeAttribute(img.src)}" alt="${escapeAttribute(img.alt)}">${caption}</figure>`);
        break;
      }
      default:
        html.push(b.standfirst ? `<p class="standfirst">${inner(b)}</p>` : `<p>${inner(b)}</p>`);
    }
    if (b.text && b.kind !== 'figure') text.push(b.text);
  }
  closeQuote();
  return { html: html.join('\n'), text: text.join('\n\n') };
}
