import type { Warnings } from './warnings.ts';

/** prefix → namespace URI in scope ('' is the default namespace). */
export type NsScope = Map<string, string>;

const RSS1 = 'http://purl.org/rss/1.0';
const RSS090 = 'http://my.netscape.com/rdf/simple/0.9';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns';

/**
 * Feeds bind the same namespaces to many prefixes (and sometimes to none); parsers match on the
 * canonical prefix below. Keys are normalized with `normNs`.
 */
const KNOWN: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  [RSS1]: 'rss',
  [RSS090]: 'rss',
  'http://backend.userland.com/rss2': 'rss',
  'http://backend.userland.com/rss': 'rss',
  [RDF]: 'rdf',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.rssboard.org/media-rss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.sitemaps.org/schemas/sitemap/0.9': 'sm',
  'http://www.google.com/schemas/sitemap/0.84': 'sm',
  'http://www.google.com/schemas/sitemap-news/0.9': 'news',
  'http://www.google.com/schemas/sitemap-image/1.1': 'image',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://purl.org/rss/1.0/modules/slash': 'slash',
  'http://wellformedweb.org/commentapi': 'wfw',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://www.georss.org/georss': 'georss',
  'http://www.w3.org/xml/1998/namespace': 'xml',
};

export function normNs(uri: string): string {
  return uri.trim().toLowerCase().replace(/^https:/, 'http:').replace(/[/#]+$/, '');
}

/**
 * The namespaces whose elements stay unprefixed: no namespace, the root's own, and RSS 1.0 inside
 * an `rdf:RDF` root. Everything else keeps its canonical prefix (`atom:link` in RSS 2.0).
 */
export function homeNamespaces(rootName: string, scope: NsScope): Set<string> {
  const home = new Set<string>(['']);
  const colon = rootName.indexOf(':');
  const uri = scope.get(colon > 0 ? rootName.slice(0, colon) : '');
  if (uri !== undefined) {
    const n = normNs(uri);
    if (n === RDF) {
      home.add(RSS1);
      home.add(RSS090);
    } else {
      home.add(n);
    }
  }
  return home;
}

export function canonicalName(raw: string, scope: NsScope, home: Set<string>, warnings: Warnings): string {
  const colon = raw.indexOf(':');
  const prefix = colon > 0 ? raw.slice(0, colon) : '';
  const local = colon > 0 ? raw.slice(colon + 1) : raw;
  const uri = scope.get(prefix);
  if (uri === undefined) {
    if (prefix === '') return local;
    if (prefix !== 'xml') warnings.add(`undeclared namespace prefix "${prefix}:"`);
    // Kept as written: feeds that forget to declare `dc:` or `media:` use the usual prefix.
    return raw;
  }
  const n = normNs(uri);
  if (home.has(n)) return local;
  const known = KNOWN[n];
  if (known) return `${known}:${local}`;
  return raw;
}
