/**
 * Boxes that stand beside a story and can outweigh it: a slide gallery (many captioned photos, more
 * text than a short story) and a teaser for another story (a heading that links elsewhere, then its
 * opening paragraphs). Their prose counts for little and only inside the box, so a wrapper holding
 * both them and the story is never worth more than the story itself.
 */
import type { Block } from './collect-blocks.ts';
import { classAndId, type Element } from './dom.ts';

const GALLERY_CLASS = /(?:^|[\s_-])(?:gallery|galleries|slideshow|slide-?show|slides|carousel|slider|swiper|slick|splide|flickity)(?:$|[\s_-])/i;
const GALLERY_ROLE = /carousel|slide/i;

export interface SideBox {
  /** The box: credit stops at `lift` levels above the block (the box itself, or its parent for teasers). */
  box: Element;
  /** Index in the block's chain of the last element credited. */
  top: number;
}

export interface SideBoxInput {
  blocks: Block[];
  /** Per block: its element and its ancestors, nearest first. */
  chains: Element[][];
  blockCount: Map<Element, number>;
  holdsTitle: Set<Element>;
  pageUrl?: string;
}

/** Per block, the gallery or teaser box it belongs to, or null. */
export function sideBoxes(input: SideBoxInput): Array<SideBox | null> {
  const { blocks, chains } = input;
  const teasers = teaserBoxes(input);
  const galleryMemo = new Map<Element, boolean>();
  const isGallery = (el: Element): boolean => {
    let v = galleryMemo.get(el);
    if (v === undefined) {
      const ci = classAndId(el);
      v = ((ci !== '' && GALLERY_CLASS.test(ci)) || GALLERY_ROLE.test(el.attribs['aria-roledescription'] ?? '')) && mostlyPictures(el, blocks, chains);
      galleryMemo.set(el, v);
    }
    return v;
  };
  return blocks.map((b, i) => {
    const chain = chains[i]!;
    // The outermost gallery box: a gallery's slides are often galleries' items themselves.
    let gallery = -1;
    chain.forEach((el, depth) => {
      if (isGallery(el) && !input.holdsTitle.has(el)) gallery = depth;
    });
    if (gallery >= 0 && b.kind !== 'h') return { box: chain[gallery]!, top: gallery };
    for (let depth = 0; depth < chain.length; depth++) {
      if (!teasers.has(chain[depth]!)) continue;
      // A row of teasers is worth its list (a digest page), but never a wrapper that also holds
      // the page's title: that one holds the story too.
      const parent = chain[depth + 1];
      return { box: chain[depth]!, top: parent && !input.holdsTitle.has(parent) ? depth + 1 : depth };
    }
    return null;
  });
}

/** A gallery by its content too: several pictures, one for every two texts at least (a page-wide
 * `enable-slider` class names no gallery). */
function mostlyPictures(el: Element, blocks: Block[], chains: Element[][]): boolean {
  let pictures = 0;
  let texts = 0;
  blocks.forEach((b, i) => {
    if (!chains[i]!.includes(el)) return;
    if (b.kind === 'figure') pictures++;
    else texts++;
  });
  return pictures >= 3 && pictures * 2 >= texts;
}

/**
 * A box is a teaser when its first block is a heading that links to another page and it does not
 * hold the page's title: the heading of a story told elsewhere, with its opening lines.
 */
function teaserBoxes({ blocks, chains, blockCount, holdsTitle, pageUrl }: SideBoxInput): Set<Element> {
  const out = new Set<Element>();
  const seen = new Set<Element>();
  let first: Map<Element, number> | null = null;
  blocks.forEach((b, i) => {
    if (b.kind !== 'h' || b.level < 2 || b.linkChars < 0.8 * b.text.length) return;
    const chain = chains[i]!;
    const at = chain.findIndex((el, depth) => depth >= 1 && (blockCount.get(el) ?? 0) > 1);
    if (at < 0) return;
    const box = chain[at]!;
    // Only the box's first block: a linked subheading further down is the story's own.
    first ??= firstBlocks(chains);
    if (seen.has(box) || holdsTitle.has(box) || first.get(box) !== i) return;
    seen.add(box);
    if (!linksAway(b, chain, pageUrl)) return;
    out.add(box);
  });
  return out;
}

/** For every element holding blocks, the index of its first block. */
function firstBlocks(chains: Element[][]): Map<Element, number> {
  const first = new Map<Element, number>();
  chains.forEach((chain, i) => {
    for (const el of chain) if (!first.has(el)) first.set(el, i);
  });
  return first;
}

/** Whether the heading's link goes to another page (not this one, not an anchor in it). */
function linksAway(b: Block, chain: Element[], pageUrl: string | undefined): boolean {
  const href = linkHref(b.el) ?? chain.slice(1, 4).find((el) => el.name === 'a')?.attribs.href;
  if (!href || href.startsWith('#')) return false;
  if (!pageUrl) return true;
  try {
    const target = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    return target.origin + target.pathname !== page.origin + page.pathname;
  } catch {
    return false;
  }
}

function linkHref(el: Element): string | undefined {
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    if (e.name === 'a' && e.attribs.href) return e.attribs.href;
    const inner = linkHref(e);
    if (inner) return inner;
  }
  return undefined;
}
