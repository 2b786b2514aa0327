/** Flattens a cleaned subtree into the text blocks a reader sees: paragraphs, headings, list items… */
import { isElement, isText, normalizeSpace, rawText, type ChildNode, type Element, type ParentNode } from './dom.ts';

export type BlockKind = 'p' | 'h' | 'li' | 'pre' | 'figure' | 'table';

export interface Block {
  kind: BlockKind;
  /** The element whose ancestors are credited with this block. */
  el: Element;
  /** Whether `el` is the block itself (a <p>) rather than the container of an inline run. */
  own: boolean;
  /** Inline nodes that make up the block (not for figures). */
  nodes: ChildNode[];
  text: string;
  linkChars: number;
  /** Text of a link the block opens with (a teaser's headline), 0 when it opens with plain text. */
  leadLinkChars: number;
  level: number;
  list: Element | null;
  quote: Element | null;
  image: { src: string; alt: string; caption: string } | null;
  /** The story's standfirst (dek), rendered as `<p class="standfirst">`. */
  standfirst?: boolean;
}

/** Elements that start a new block; everything else (custom elements too) flows inline in its text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);
const INLINE = { has: (name: string): boolean => !BLOCK.has(name) };
const HEADING = /^h([1-6])$/;

interface Ctx {
  list: Element | null;
  quote: Element | null;
  inLi: boolean;
  /** Inside a block-level link: a teaser, whatever its own markup says. */
  inLink: boolean;
}

/** Whether an element holds block content anywhere below it; computed once per element. */
function makeHasBlock(): (el: Element) => boolean {
  const memo = new Map<Element, boolean>();
  const has = (el: Element): boolean => {
    let v = memo.get(el);
    if (v !== undefined) return v;
    v = false;
    for (const c of el.children) {
      if (isElement(c) && (!INLINE.has(c.name) || has(c))) {
        v = true;
        break;
      }
    }
    memo.set(el, v);
    return v;
  };
  return has;
}

function linkChars(node: ChildNode): number {
  if (!isElement(node)) return 0;
  if (node.name === 'a') return normalizeSpace(rawText(node)).length;
  let n = 0;
  for (const c of node.children) n += linkChars(c);
  return n;
}

export function imageOf(el: Element): { src: string; alt: string } | null {
  const img = el.name === 'img' ? el : findImg(el);
  if (!img) return null;
  const a = img.attribs;
  const lazy = a['data-src'] ?? a['data-lazy-src'] ?? a['data-original'] ?? a['data-url'] ?? a['data-srcset']?.split(/\s+/)[0];
  const src = lazy && (!a.src || a.src.startsWith('data:')) ? lazy : a.src ?? lazy ?? a.srcset?.trim().split(/\s+/)[0];
  return src ? { src, alt: normalizeSpace(a.alt ?? '') } : null;
}

function findImg(el: Element): Element | null {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === 'img') return c;
    const found = findImg(c);
    if (found) return found;
  }
  return null;
}

export function collectBlocks(root: Element): Block[] {
  const out: Block[] = [];
  const hasBlock = makeHasBlock();

  const emit = (kind: BlockKind, el: Element, all: ChildNode[], ctx: Ctx, own: boolean, level = 0): void => {
    const nodes = trimBreaks(all);
    const raw = nodes.map(rawText).join('');
    const text = kind === 'pre' ? raw.replace(/^\n+|\s+$/g, '') : normalizeSpace(raw);
    if (!text) {
      // A paragraph holding only an image is a figure.
      const image = nodes.length ? nodes.map((n) => (isElement(n) ? imageOf(n) : null)).find(Boolean) : null;
      if (image) out.push({ kind: 'figure', el, own, nodes: [], text: '', linkChars: 0, leadLinkChars: 0, level: 0, list: null, quote: ctx.quote, image: { ...image, caption: '' } });
      return;
    }
    const lc = ctx.inLink ? text.length : nodes.reduce((n, c) => n + linkChars(c), 0);
    out.push({ kind, el, own, nodes, text, linkChars: lc, leadLinkChars: leadLink(nodes), level, list: ctx.list, quote: ctx.quote, image: null });
  };

  const flush = (run: ChildNode[], el: Element, ctx: Ctx, own: boolean): void => {
    // Two line breaks in a row separate paragraphs on pages that use no <p>.
    let part: ChildNode[] = [];
    let brs = 0;
    let content = false;
    for (const n of run) {
      if (isElement(n) && n.name === 'br') brs++;
      else if (!(isText(n) && !n.data.trim())) {
        if (brs >= 2 && content) {
          emit(ctx.inLi ? 'li' : 'p', el, part, ctx, own);
          part = [];
        }
        brs = 0;
        content = true;
      }
      part.push(n);
    }
    if (part.length) emit(ctx.inLi ? 'li' : 'p', el, part, ctx, own);
  };

  const walk = (el: Element, ctx: Ctx): void => {
    let run: ChildNode[] = [];
    for (const child of el.children) {
      if (!isElement(child) || (INLINE.has(child.name) && !hasBlock(child))) {
        run.push(child);
        continue;
      }
      flush(run, el, ctx, false);
      run = [];
      block(child, ctx);
    }
    flush(run, el, ctx, false);
  };

  const block = (el: Element, ctx: Ctx): void => {
    const name = el.name;
    if (name === 'figure' || name === 'picture' || name === 'img') {
      const image = imageOf(el);
      const capEl = name === 'figure' ? el.children.find((c): c is Element => isElement(c) && c.name === 'figcaption') : undefined;
      const caption = capEl ? normalizeSpace(rawText(capEl)) : '';
      if (image) out.push({ kind: 'figure', el, own: true, nodes: capEl ? capEl.children : [], text: caption, linkChars: 0, leadLinkChars: 0, level: 0, list: null, quote: ctx.quote, image: { ...image, caption } });
      else if (name === 'figure') walk(el, ctx);
      return;
    }
    if (name === 'table' && isDataTable(el)) {
      out.push({ kind: 'table', el, own: true, nodes: [el], text: tableText(el), linkChars: linkChars(el), leadLinkChars: 0, level: 0, list: null, quote: ctx.quote, image: null });
      return;
    }
    if (name === 'pre') return emit('pre', el, el.children, ctx, true);
    const next: Ctx =
      name === 'ul' || name === 'ol' ? { ...ctx, list: el } : name === 'blockquote' ? { ...ctx, quote: el } : name === 'li' ? { ...ctx, inLi: true } : name === 'a' ? { ...ctx, inLink: true } : ctx;
    if (hasBlock(el)) return walk(el, next);
    const h = HEADING.exec(name);
    if (h) return emit('h', el, el.children, next, true, Number(h[1]));
    flush(el.children, el, next, true);
  };

  walk(root, { list: null, quote: null, inLi: false, inLink: false });
  return out;
}

function isDataTable(table: Element): boolean {
  let cells = 0;
  let nested = false;
  const visit = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'table' || c.name === 'p' || c.name === 'div') nested = true;
      if (c.name === 'td' || c.name === 'th') cells++;
      visit(c);
    }
  };
  visit(table);
  return !nested && cells >= 2;
}

function tableText(table: Element): string {
  const rows: string[] = [];
  const visit = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') {
        const cells = c.children.filter((x): x is Element => isElement(x) && (x.name === 'td' || x.name === 'th'));
        const row = cells.map((x) => normalizeSpace(rawText(x))).filter(Boolean).join(' ');
        if (row) rows.push(row);
      } else visit(c);
    }
  };
  visit(table);
  return rows.join('\n');
}

/** Leading and trailing line breaks and blank text are layout, not content. */
function trimBreaks(nodes: ChildNode[]): ChildNode[] {
  const blank = (n: ChildNode | undefined): boolean => !!n && ((isElement(n) && n.name === 'br') || (isText(n) && !n.data.trim()));
  let a = 0;
  let b = nodes.length;
  while (a < b && blank(nodes[a])) a++;
  while (b > a && blank(nodes[b - 1])) b--;
  return a === 0 && b === nodes.length ? nodes : nodes.slice(a, b);
}

/** Length of the link the content opens with, looking through inline wrappers (<strong><a>…). */
function leadLink(nodes: ChildNode[]): number {
  for (const n of nodes) {
    if (isText(n)) {
      if (n.data.trim()) return 0;
      continue;
    }
    if (!isElement(n)) continue;
    if (n.name === 'a') return normalizeSpace(rawText(n)).length;
    if (n.name === 'img' || n.name === 'br') continue;
    return leadLink(n.children);
  }
  return 0;
}
