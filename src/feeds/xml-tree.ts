import { canonicalName, homeNamespaces, type NsScope } from './namespaces.ts';
import { decodeAttributeEntities, decodeEntities } from '../shared/entities.ts';
import { VOID_ELEMENTS } from '../shared/void-elements.ts';
import { entityProblem } from './text.ts';
import type { Warnings } from './warnings.ts';
import { tokenize } from './xml-tokenizer.ts';

export interface XElement {
  /** Lower-cased; prefix canonicalized from the namespace URI (`dc:creator` whatever the prefix). */
  name: string;
  attrs: Record<string, string>;
  /** Decoded text (CDATA kept verbatim) and child elements, in document order. */
  children: Array<XElement | string>;
  /** Effective xml:base (feed URL at the top). */
  base: string | null;
  lang: string | null;
}

/** Text-only feed elements, and the feed elements that cannot be inside them: seeing one of the
 * latter while one of the former is open means the former was never closed. */
const LEAF = new Set(['title', 'link', 'guid', 'pubdate', 'comments', 'ttl', 'language', 'category', 'dc:creator', 'dc:date', 'updated', 'published', 'id']);
/** HTML void elements, read as self-closing wherever they appear (`<br>` in unescaped HTML content
 * must not swallow the text after it). Not `link` or `source`: RSS has text elements by those names. */
const HTML_VOID = new Set([...VOID_ELEMENTS].filter((name) => name !== 'link' && name !== 'source'));

function localName(raw: string): string {
  const colon = raw.indexOf(':');
  return colon === -1 ? raw : raw.slice(colon + 1);
}

/** Elements that only hold other elements: the whitespace between their children is indentation. */
const CONTAINERS = new Set(['rss', 'channel', 'item', 'feed', 'entry', 'author', 'rdf:rdf', 'urlset', 'url', 'sitemapindex', 'sitemap', 'media:group', 'news:news', 'news:publication', 'image:image', 'image', 'textinput', 'opml', 'head', 'body', 'outline']);
const STRUCTURAL = new Set([...LEAF, 'item', 'entry', 'description', 'content:encoded', 'enclosure', 'author', 'summary', 'content', 'media:content', 'media:thumbnail', 'media:group']);

interface Open {
  el: XElement;
  raw: string;
  ownsScope: boolean;
}

/**
 * A forgiving XML tree: unclosed tags are closed where the document implies (a closing tag
 * further up, or a feed element that cannot nest in the open one), stray closing tags are
 * dropped, undeclared prefixes are kept, junk around the root is skipped, and a DOCTYPE is only
 * noted — its entities are never expanded. Problems go to `warnings`.
 */
export function buildTree(xml: string, baseUrl: string | null, warnings: Warnings, maxDepth = 200): XElement {
  const doc: XElement = { name: '#document', attrs: {}, children: [], base: baseUrl, lang: null };
  const stack: Open[] = [{ el: doc, raw: '', ownsScope: false }];
  const scopes: NsScope[] = [new Map()];
  let home = new Set<string>(['']);
  let cache = new Map<string, string>();
  let rootClosed = false;
  let entityChecks = 0;
  let depthWarned = false;
  let afterRootWarned = false;
  // Names already warned about: building the same message 100,000 times is what a hostile feed wants.
  const strays = new Set<string>();
  const unclosed = new Set<string>();
  const warnUnclosed = (raw: string): void => {
    if (unclosed.has(raw)) return;
    unclosed.add(raw);
    warnings.add(`unclosed element <${raw}>`);
  };

  const pop = (): void => {
    const top = stack.pop()!;
    if (top.ownsScope) {
      scopes.pop();
      cache = new Map();
    }
    if (stack.length === 1) rootClosed = true;
  };

  const addText = (text: string): void => {
    const parent = stack[stack.length - 1]!.el;
    if (CONTAINERS.has(parent.name) && isBlank(text)) return;
    if (parent === doc) {
      if (rootClosed && text.trim() !== '') warnings.add('content after the root element');
      return;
    }
    const kids = parent.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + text;
    else kids.push(text);
  };

  tokenize(xml, {
    open(raw, attrs, selfClosing) {
      if (stack.length > maxDepth) {
        if (!depthWarned) warnings.add(`elements nested deeper than ${maxDepth} flattened`);
        depthWarned = true;
        return;
      }
      let scope = scopes[scopes.length - 1]!;
      let ownsScope = false;
      for (const key in attrs) {
        const value = decodeAttributeEntities(attrs[key]!);
        attrs[key] = value;
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (!ownsScope) scope = new Map(scope);
          ownsScope = true;
          scope.set(key === 'xmlns' ? '' : key.slice(6), value);
        }
      }
      if (ownsScope) cache = new Map();
      // Each top-level element sets the home namespace of its subtree: junk markup before the
      // real root (a PHP warning's <b>) must not decide how the feed's own elements are named.
      if (stack.length === 1) {
        home = homeNamespaces(raw, scope);
        cache = new Map();
      }
      let name = cache.get(raw);
      if (name === undefined) {
        name = canonicalName(raw, scope, home, warnings);
        cache.set(raw, name);
      }
      while (stack.length > 1 && STRUCTURAL.has(name) && LEAF.has(stack[stack.length - 1]!.el.name)) {
        warnUnclosed(stack[stack.length - 1]!.raw);
        pop();
      }
      const parent = stack[stack.length - 1]!.el;
      if (parent === doc && rootClosed && !afterRootWarned) {
        afterRootWarned = true;
        warnings.add('content after the root element');
      }
      const xb = attrs['xml:base'];
      let base = parent.base;
      if (xb !== undefined) {
        try {
          base = new URL(xb, parent.base ?? undefined).href;
        } catch {
          warnings.add('invalid xml:base ignored');
        }
      }
      const el: XElement = { name, attrs, children: [], base, lang: attrs['xml:lang'] ?? parent.lang };
      parent.children.push(el);
      if (selfClosing || HTML_VOID.has(localName(raw))) return;
      if (ownsScope) {
        scopes.push(scope);
        cache = new Map();
      }
      stack.push({ el, raw, ownsScope });
    },
    close(raw) {
      // Close the nearest open element of that name and everything left open inside it.
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]!.raw !== raw) continue;
        while (stack.length - 1 > k) {
          warnUnclosed(stack[stack.length - 1]!.raw);
          pop();
        }
        pop();
        return;
      }
      if (HTML_VOID.has(localName(raw))) return; // `<br></br>`: already closed at its start
      if (!strays.has(raw)) warnings.add(`stray closing tag </${raw}> ignored`);
      strays.add(raw);
    },
    text(raw) {
      let text = raw;
      if (raw.indexOf('&') !== -1) {
        // Warn from the first few texts with entities: the warning is per feed, not per item.
        if (entityChecks < 500) {
          entityChecks++;
          const problem = entityProblem(raw);
          if (problem) warnings.add(problem);
        }
        text = decodeEntities(raw);
      }
      addText(text);
    },
    cdata(text) {
      addText(text);
    },
    declaration(raw) {
      if (/<!ENTITY/i.test(raw)) warnings.add('DOCTYPE with entity declarations ignored (entities are never expanded)');
    },
    recover(problem) {
      warnings.add(problem);
    },
  });
  for (let k = stack.length - 1; k > 0; k--) warnUnclosed(stack[k]!.raw);
  return doc;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}
