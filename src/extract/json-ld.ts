/** The article described by a page's JSON-LD blocks, reduced to the fields extraction uses. */
import { rawText, type Element } from './dom.ts';

export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  image: string | null;
  publisher: string | null;
  inLanguage: string | null;
  articleBody: string | null;
  description: string | null;
  url: string | null;
  /** `articleSection`: the first where it is a list. */
  section: string | null;
}

const ARTICLE_TYPE = /article|posting|report|newsarticle|blogposting/i;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every object in the blocks, @graph and nested arrays flattened. */
function flatten(value: unknown, out: Obj[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) for (const v of value) flatten(v, out, depth + 1);
  else if (isObj(value)) {
    out.push(value);
    if (value['@graph']) flatten(value['@graph'], out, depth + 1);
    if (isObj(value.mainEntity)) flatten(value.mainEntity, out, depth + 1);
  }
}

function types(o: Obj): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (isObj(v)) return str(v['@value'] ?? v.name ?? v.url ?? v['@id']);
  return null;
}

/**
 * Author names: strings, objects with a name, arrays of either, and references (`{"@id": …}`) to a
 * Person described elsewhere in the graph (Yoast and other generators write them so).
 */
function names(v: unknown, byId: Map<string, Obj>): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of list) {
    const o = isObj(item) && item.name === undefined && typeof item['@id'] === 'string' ? byId.get(item['@id']) ?? item : item;
    const name = typeof o === 'string' ? o : isObj(o) ? str(Array.isArray(o.name) ? o.name.join(', ') : o.name) : null;
    if (name && !/^https?:\/\//.test(name) && !out.includes(name.trim())) out.push(name.trim());
  }
  return out;
}

function imageUrl(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return imageUrl(v[0]);
  if (isObj(v)) return str(v.url ?? v.contentUrl ?? v['@id']);
  return null;
}

function parseBlock(source: string): unknown {
  const cleaned = source.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*\]\]>)\s*$/, '').trim();
  // `\u0000` in a string would put U+0000 in the story (PostgreSQL refuses it): the escape goes.
  const noNul = cleaned.indexOf('\\u0000') === -1 ? cleaned : cleaned.replace(/(?<=(?:^|[^\\])(?:\\\\)*)\\u0000/g, '');
  try {
    return JSON.parse(noNul);
  } catch {
    // Control characters inside strings are the most common fault of hand-built JSON-LD.
    try {
      return JSON.parse(noNul.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

export function readJsonLd(scripts: Element[]): JsonLdArticle | null {
  const objects: Obj[] = [];
  for (const script of scripts) {
    flatten(parseBlock(rawText(script)), objects);
  }
  const articles = objects.filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  if (articles.length === 0) return null;
  // The richest description wins when a page describes several (the article and a teaser list).
  const a = articles.reduce((best, o) => (score(o) > score(best) ? o : best));
  const publisher = isObj(a.publisher) ? str(a.publisher.name) : str(a.publisher);
  return {
    headline: str(a.headline) ?? str(a.name),
    authors: names(a.author ?? a.creator, byId(objects)),
    datePublished: str(a.datePublished) ?? str(a.dateCreated),
    dateModified: str(a.dateModified),
    image: imageUrl(a.image ?? a.thumbnailUrl),
    publisher,
    inLanguage: str(a.inLanguage),
    articleBody: typeof a.articleBody === 'string' ? a.articleBody : null,
    description: str(a.description),
    url: str(a.url) ?? str(a.mainEntityOfPage),
    section: str(a.articleSection),
  };
}

function byId(objects: Obj[]): Map<string, Obj> {
  const map = new Map<string, Obj>();
  for (const o of objects) if (typeof o['@id'] === 'string' && o.name !== undefined) map.set(o['@id'], o);
  return map;
}

function score(o: Obj): number {
  return (typeof o.articleBody === 'string' ? o.articleBody.length : 0) + (o.headline ? 10 : 0) + (o.datePublished ? 5 : 0);
}
