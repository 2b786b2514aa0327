/** Removes page chrome from the parsed page before scoring: junk tags, hidden parts, boilerplate blocks. */
import { BOILERPLATE_CLASS, BOILERPLATE_ROLE, CAPTION_CLASS, CONTENT_CLASS, EMBED_CLASS, HOVER_CLASS, JUNK_TAGS } from './boilerplate.ts';
import { classAndId, isElement, isText, removeNode, type ChildNode, type Element, type ParentNode } from './dom.ts';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;
const HIDDEN_KEEP_SHARE = 0.85;

/**
 * Hidden from every reader: the `hidden` attribute, an inline `display:none` or `visibility:hidden`,
 * and `aria-hidden="true"` (decoration and duplicates a screen reader is told to skip). Hidden in
 * the light pass too: what no one sees is never the story's text.
 */
function isHidden(el: Element): boolean {
  const a = el.attribs;
  return 'hidden' in a || a['aria-hidden'] === 'true' || (a.style !== undefined && HIDDEN_STYLE.test(a.style));
}

/** Length of text inside <p> elements, per element: wrappers of the story hold most of it. */
function paragraphLengths(root: ParentNode, out: Map<Element, number>): number {
  let total = 0;
  for (const child of root.children) {
    if (!isElement(child)) continue;
    const len = child.name === 'p' ? textLength(child) : paragraphLengths(child, out);
    out.set(child, len);
    total += len;
  }
  return total;
}

function textLength(node: ChildNode): number {
  if (isText(node)) return node.data.trim().length;
  if (!isElement(node)) return 0;
  let n = 0;
  for (const c of node.children) n += textLength(c);
  return n;
}

export interface CleanOptions {
  /** Removed whatever they hold (per-source rules). */
  drop?: (el: Element) => boolean;
  /** Only what can never be text (scripts, styles, controls): the second try on pages whose markup
   * puts the whole story inside a header or an aside. */
  light?: boolean;
}

const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'link', 'meta', 'button', 'input', 'select', 'textarea', 'option', 'dialog']);

export function cleanTree(body: Element, opts: CleanOptions = {}): void {
  const pLen = new Map<Element, number>();
  const totalP = paragraphLengths(body, pLen);
  // An element holding most of the page's paragraphs is the story's wrapper, whatever its class says.
  const holdsStory = (el: Element): boolean => totalP > 400 && (pLen.get(el) ?? 0) > 0.5 * totalP;
  // A hidden element is kept only when it is nearly the whole page: a story revealed by script,
  // or a page hidden until its fonts load. Half the page hidden is padding no reader sees.
  const isWholePage = (el: Element): boolean => totalP > 0 && (pLen.get(el) ?? 0) >= HIDDEN_KEEP_SHARE * totalP;

  const visit = (parent: ParentNode): void => {
    for (const child of [...parent.children]) {
      if (child.type === 'comment' || child.type === 'directive' || child.type === 'cdata') {
        removeNode(child);
        continue;
      }
      if (!isElement(child)) continue;
      if (isHidden(child) ? !isWholePage(child) || opts.drop?.(child) : shouldRemove(child, holdsStory, opts)) removeNode(child);
      else visit(child);
    }
  };
  visit(body);
}

function shouldRemove(el: Element, holdsStory: (el: Element) => boolean, opts: CleanOptions): boolean {
  if (opts.drop?.(el)) return true;
  const name = el.name;
  if (opts.light) return NEVER_TEXT.has(name);
  if (JUNK_TAGS.has(name)) return !(name === 'aside' && holdsStory(el)) && !(name === 'footer' && holdsStory(el));
  const a = el.attribs;
  if ((name === 'form' || name === 'header') && !holdsStory(el)) return true;
  if (a.role && BOILERPLATE_ROLE.test(a.role) && !holdsStory(el)) return true;
  const ci = classAndId(el);
  // A figure's caption is read with its figure, not dropped as page furniture.
  if (name === 'figcaption') return false;
  if (ci && (CAPTION_CLASS.test(ci) || HOVER_CLASS.test(ci)) && !holdsStory(el)) return true;
  if (ci && BOILERPLATE_CLASS.test(ci) && !CONTENT_CLASS.test(ci) && !EMBED_CLASS.test(ci) && !holdsStory(el)) return true;
  const itemprop = a.itemprop ?? '';
  if (/^(?:comment|author|publisher)$/i.test(itemprop) && !holdsStory(el)) return true;
  return false;
}
