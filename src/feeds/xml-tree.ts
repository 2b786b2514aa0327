import { Parser } from 'htmlparser2';
import { canonicalName, homeNamespaces, type NsScope } from './namespaces.ts';
import { decodeAttr, decodeText, entityProblem } from './text.ts';
import type { Warnings } from './warnings.ts';

/** Text-only feed elements, and the feed elements that cannot be inside them: seeing one of the
 * latter while one of the former is open means the former was never closed. */
const LEAF = new Set(['title', 'link', 'guid', 'pubdate', 'comments', 'ttl', 'language', 'category', 'dc:creator', 'dc:date', 'updated', 'published', 'id']);
const STRUCTURAL = new Set([...LEAF, 'item', 'entry', 'description', 'content:encoded', 'enclosure', 'author', 'summary', 'content', 'media:content', 'media:thumbnail', 'media:group']);

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

/**
 * A forgiving XML tree builder over htmlparser2's tokenizer: unclosed and mismatched tags are
 * closed where the document implies, undeclared prefixes are kept, junk around the root is
 * skipped, and a DOCTYPE is read only to warn about it — its entities are never expanded.
 */
export function buildTree(xml: string, baseUrl: string | null, warnings: Warnings, maxDepth = 200): XElement {
  const doc: XElement = { name: '#document', attrs: {}, children: [], base: baseUrl, lang: null };
  const stack: XElement[] = [doc];
  const openEnds: number[] = [-1];
  const scopes: NsScope[] = [new Map()];
  const scopeOwner: XElement[] = [doc];
  let home: Set<string> | null = null;
  let cache = new Map<string, string>();
  // htmlparser2's own open-element stack, mirrored: null for elements past maxDepth. An element we
  // closed early (an unclosed <title> before <link>) stays here until htmlparser2 closes it.
  const hpStack: Array<XElement | null> = [];
  const closedEarly = new Set<XElement>();
  let inCdata = false;
  let rootClosed = false;

  const parser = new Parser(
    {
      onopentag(rawName, attrs) {
        if (stack.length > maxDepth) {
          hpStack.push(null);
          return;
        }
        let scope = scopes[scopes.length - 1]!;
        let newScope: NsScope | null = null;
        for (const key in attrs) {
          const raw = attrs[key]!;
          const value = raw.indexOf('&') === -1 ? raw : decodeAttr(raw);
          attrs[key] = value;
          if (key === 'xmlns' || key.startsWith('xmlns:')) {
            newScope ??= new Map(scope);
            newScope.set(key === 'xmlns' ? '' : key.slice(6), value);
          }
        }
        if (newScope) {
          scope = newScope;
          cache = new Map();
        }
        home ??= homeNamespaces(rawName, scope);
        let name = cache.get(rawName);
        if (name === undefined) {
          name = canonicalName(rawName, scope, home, warnings);
          cache.set(rawName, name);
        }
        while (stack.length > 1 && LEAF.has(stack[stack.length - 1]!.name) && STRUCTURAL.has(name)) {
          const leaf = stack.pop()!;
          openEnds.pop();
          closedEarly.add(leaf);
          if (scopeOwner[scopeOwner.length - 1] === leaf) {
            scopeOwner.pop();
            scopes.pop();
          }
          warnings.add(`unclosed element <${leaf.name}>`);
        }
        const parent = stack[stack.length - 1]!;
        if (parent === doc && rootClosed) warnings.add('content after the root element');
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
        stack.push(el);
        hpStack.push(el);
        openEnds.push(parser.endIndex);
        if (newScope) {
          scopes.push(newScope);
          scopeOwner.push(el);
        }
      },
      onclosetag(name, isImplied) {
        const mirrored = hpStack.pop();
        if (mirrored == null || closedEarly.delete(mirrored) || stack.length <= 1) return;
        const el = stack.pop()!;
        const openEnd = openEnds.pop();
        // Self-closing tags also report isImplied; they close at the same index they opened.
        if (isImplied && openEnd !== parser.endIndex) warnings.add(`unclosed element <${name}>`);
        if (scopeOwner[scopeOwner.length - 1] === el) {
          scopeOwner.pop();
          scopes.pop();
          cache = new Map();
        }
        if (stack.length === 1) rootClosed = true;
      },
      ontext(data) {
        const parent = stack[stack.length - 1]!;
        let text = data;
        if (!inCdata && data.indexOf('&') !== -1) {
          const problem = entityProblem(data);
          if (problem) warnings.add(problem);
          text = decodeText(data);
        }
        if (parent === doc) {
          if (rootClosed && text.trim() !== '') warnings.add('content after the root element');
          return;
        }
        const kids = parent.children;
        const last = kids[kids.length - 1];
        if (typeof last === 'string') kids[kids.length - 1] = last + text;
        else kids.push(text);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onprocessinginstruction(name) {
        if (name === '!doctype' || name === '!entity') {
          const raw = parser.endIndex > parser.startIndex ? xml.slice(parser.startIndex, parser.endIndex + 1) : '';
          if (name === '!entity' || raw.includes('[')) {
            warnings.add('DOCTYPE with entity declarations ignored (entities are never expanded)');
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(xml);
  return doc;
}
