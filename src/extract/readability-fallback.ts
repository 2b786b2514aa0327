/** Readability.js on linkedom, for the rare page our own heuristics find nothing in. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeSpace } from './dom.ts';

export function readabilityFallback(html: string, url: string): { html: string; text: string } | null {
  try {
    const { document } = parseHTML(html);
    // Readability resolves relative links against the document's base URI.
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    if (!article?.content) return null;
    const { document: out } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const paragraphs: string[] = [];
    for (const el of out.querySelectorAll('p, h2, h3, h4, li, blockquote, pre')) {
      if (el.querySelector('p, li, blockquote, pre')) continue;
      const t = normalizeSpace(el.textContent ?? '');
      if (t) paragraphs.push(t);
    }
    const text = paragraphs.length ? paragraphs.join('\n\n') : normalizeSpace(article.textContent ?? '');
    return { html: article.content, text };
  } catch {
    return null;
  }
}
