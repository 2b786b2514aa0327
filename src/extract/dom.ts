/** Small helpers over the htmlparser2 DOM (domhandler nodes): faster than a full DOM, enough here. */
import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';
import { collapseWhitespace } from '../shared/text.ts';

export type { AnyNode, ChildNode, Element, ParentNode };

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is AnyNode & { data: string } {
  return node.type === 'text';
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** Class and id joined, lowercased: what boilerplate patterns are matched against. */
export function classAndId(el: Element): string {
  const c = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  return c || id ? `${c} ${id}`.toLowerCase() : '';
}

/** Raw text of a subtree, concatenated without any normalization. */
export function rawText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children) {
    if (child.type === 'tag' && child.name === 'br') out += '\n';
    else out += rawText(child);
  }
  return out;
}

/** Whitespace collapsed to single spaces (no-break spaces and zero-width characters included). */
export function normalizeSpace(text: string): string {
  // Zero-width space and word joiner count as spaces; ZWNJ and ZWJ are letters' joiners (Persian, Indic).
  return collapseWhitespace(text.replace(/[\u200b\u2060]/g, ' '));
}

export function textOf(node: AnyNode): string {
  return normalizeSpace(rawText(node));
}

export function removeNode(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node);
  if (i >= 0) parent.children.splice(i, 1);
  const prev = node.prev;
  const next = node.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/**
 * Depth-first, document order, elements only; stops early when `visit` returns true. An explicit
 * stack, not nested generators: those cost the depth of the tree for every element they yield.
 */
export function walkElements(root: ParentNode, visit: (el: Element) => boolean | void): void {
  const stack: ChildNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (visit(node) === true) return;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Depth of the element tree, counting stops as soon as it passes `limit`. */
export function depthExceeds(root: ParentNode, limit: number): boolean {
  const stack: Array<[ParentNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const c of node.children) if (isElement(c) && c.children.length > 0) stack.push([c, depth + 1]);
  }
  return false;
}

export function findAll(root: ParentNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkElements(root, (el) => {
    if (test(el)) out.push(el);
  });
  return out;
}

export function findFirst(root: ParentNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkElements(root, (el) => {
    if (!test(el)) return false;
    found = el;
    return true;
  });
  return found;
}

export function ancestors(el: AnyNode): Element[] {
  const out: Element[] = [];
  let p = el.parent;
  while (p && isElement(p)) {
    out.push(p);
    p = p.parent;
  }
  return out;
}
