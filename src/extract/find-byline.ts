/**
 * The byline a page shows in its markup, for pages whose metadata names no author: schema.org
 * microdata (`itemprop="author"`), `rel="author"` links, and the class names newsrooms give the
 * byline (`byline`, `author-name`, `c-byline__author`…). Read before the page is cleaned, since the
 * cleaner removes bylines from the story.
 */
import { classAndId, findFirst, normalizeSpace, textOf, walkElements, type Element, type ParentNode } from './dom.ts';

/** Classes of the element holding the author's name itself. */
const NAME_CLASS = /(?:^|[\s_-])(?:byline-?(?:name|author)|byline__(?:name|author|link)|author-?name|author__name|article-?author|story-?author|post-?author|entry-?author|author-?link|contributor-?name)(?:$|[\s_-])/i;
/** Classes of the whole byline line ("By Ana Ruiz and Li Wei | 3 March 2024"). */
const LINE_CLASS = /(?:^|[\s_-])(?:by-?line|byline__?|author|authors|article-?byline|story-?byline)(?:$|[\s_-])/i;
const NOT_BYLINE = /(?:^|[\s_-])(?:bio|box|card|info|avatar|image|img|photo|pic|description|about|more|follow)(?:$|[\s_-])/i;

const MAX_LENGTH = 120;

/** Candidates in order of trust; the first that reads like names wins. */
export function findByline(root: ParentNode): string | null {
  const found: { microdata?: Element; line?: Element; relAuthor: Element[]; nameClass: Element[] } = { relAuthor: [], nameClass: [] };
  walkElements(root, (el) => {
    const a = el.attribs;
    if (el.name === 'script' || el.name === 'style' || el.name === 'head') return;
    if (/(^|\s)author(\s|$)/i.test(a.itemprop ?? '')) found.microdata ??= el;
    if (el.name === 'a' && /(^|\s)author(\s|$)/i.test(a.rel ?? '')) found.relAuthor.push(el);
    const ci = classAndId(el);
    if (!ci || NOT_BYLINE.test(ci)) return;
    if (NAME_CLASS.test(ci)) found.nameClass.push(el);
    else if (LINE_CLASS.test(ci)) found.line ??= el;
  });
  const candidates: Array<string | null> = [
    found.microdata ? microdataName(found.microdata) : null,
    joinNames(dedupeNested(found.relAuthor).map(textOf)),
    joinNames(dedupeNested(found.nameClass).map(textOf)),
    found.line ? textOf(found.line) : null,
  ];
  for (const c of candidates) {
    const byline = cleanByline(c);
    if (byline) return byline;
  }
  return null;
}

/** `itemprop="author"` may wrap a Person whose `itemprop="name"` is the name; else its text. */
function microdataName(el: Element): string | null {
  const name = findFirst(el, (e) => e.attribs.itemprop === 'name');
  return (name ? name.attribs.content ?? textOf(name) : null) ?? el.attribs.content ?? textOf(el);
}

/** The same author linked twice (photo and name) counts once; an element inside another is the same. */
function dedupeNested(els: Element[]): Element[] {
  return els.filter((el) => !els.some((other) => other !== el && contains(other, el)));
}

function contains(outer: Element, inner: Element): boolean {
  for (let p = inner.parent; p; p = p.parent) if (p === outer) return true;
  return false;
}

function joinNames(names: string[]): string | null {
  const out: string[] = [];
  for (const n of names) if (n && !out.includes(n)) out.push(n);
  return out.length > 0 ? out.join(', ') : null;
}

/**
 * "By Ana Ruiz and Li Wei | Updated 3 March 2024" → "Ana Ruiz and Li Wei". Whatever does not read
 * like a few names (a sentence, a date alone, a URL) is no byline.
 */
export function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  let t = normalizeSpace(raw);
  t = t.replace(/^(?:written\s+)?by[:\s]\s*/i, '');
  t = t.split(/\s+[|•·—–]\s+|\s+-\s+(?=(?:updated|published|posted|\d))/i)[0]!;
  t = t.replace(/\s*,?\s*(?:updated|published|posted)\b.*$/i, '').replace(/[,;:\s]+$/, '').trim();
  if (!t || t.length > MAX_LENGTH || /https?:\/\/|@|(?:\p{Ll}{3}\.|[!?])$/u.test(t) || !/\p{Lu}/u.test(t) || /^\d|\d{4}/.test(t)) return null;
  if (t.split(/\s+/).length > 12) return null;
  return t;
}
