/**
 * The standfirst (dek, subtitle, lead paragraph) as the outlet marks it up: a class that says so,
 * a classed paragraph right under the headline (or a paragraph in its `<hgroup>`), or a first
 * paragraph that is, word for word, the page's description. Marked on the block so it renders as
 * `<p class="standfirst">`; it stays a paragraph for everything else (translation included).
 */
import type { Block } from './collect-blocks.ts';
import { normalizeSpace, rawText, type Element } from './dom.ts';

const WORD = /^(?:standfirst|stand-first|dek|deck|subtitle|sub-title|subheadline|sub-headline|summary|lede|lead|intro|excerpt|strapline|description)$/;
const PREFIX = /^(?:[a-z]{1,2}-|article-|story-|post-|entry-|news-|content-|page-|headline-|header-)+/;
const MAX_LENGTH = 500;

export function markStandfirst(blocks: Block[], description: string | null): void {
  const i = blocks.findIndex((b) => b.kind !== 'figure' && b.text !== '');
  const b = blocks[i];
  if (!b || b.kind !== 'p' || b.quote || b.text.length > MAX_LENGTH) return;
  // A story of one paragraph has no standfirst, only a paragraph.
  if (!blocks.slice(i + 1).some((x) => x.kind === 'p' && x.text.length >= 40)) return;
  if (classSays(b) || underHeadline(b) || (description !== null && normalizeSpace(description) === b.text)) b.standfirst = true;
}

/** The paragraph's own class, or that of a wrapper holding nothing else, names a standfirst. */
function classSays(b: Block): boolean {
  let el: Element | null = b.el;
  for (let depth = 0; el && depth < 3; depth++, el = el.parent as Element | null) {
    if (el.type !== 'tag') return false;
    if (depth > 0 && normalizeSpace(rawText(el)) !== b.text) return false;
    if (isStandfirstClass(el.attribs.class)) return true;
  }
  return false;
}

/** `article__standfirst`, `c-article-dek--large`, `lead`: one class token is the word, whatever its BEM prefix. */
export function isStandfirstClass(cls: string | undefined): boolean {
  if (!cls) return false;
  for (const token of cls.toLowerCase().split(/\s+/)) {
    const element = token.split('--')[0]!.split('__').pop()!;
    if (WORD.test(element) || WORD.test(element.replace(PREFIX, ''))) return true;
  }
  return false;
}

function underHeadline(b: Block): boolean {
  const el = b.el;
  if (!b.own || el.name !== 'p') return false;
  const parent = el.parent as Element | null;
  let prev = el.prev;
  while (prev && prev.type !== 'tag') prev = prev.prev;
  const afterH1 = prev !== null && (prev as Element).name === 'h1';
  return (afterH1 && !!el.attribs.class?.trim()) || (parent?.type === 'tag' && parent.name === 'hgroup');
}
