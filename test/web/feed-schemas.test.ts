import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML, type XMLFileInfo, type XMLValidationResult } from 'xmllint-wasm';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

// Feeds and sitemaps checked against schemas written from their specifications (see the comment at
// the top of each file in test/fixtures/schemas/), by libxml2 (xmllint-wasm) for XSD and RELAX NG and
// by Ajv for JSON Schema. feeds.test.ts parses the same documents back; this file checks their shape.

const SCHEMAS = new URL('../fixtures/schemas/', import.meta.url);
const schemaFile = (name: string): XMLFileInfo => ({ fileName: name, contents: readFileSync(new URL(name, SCHEMAS), 'utf8') });
// The official sitemaps.org schema, as bundled by the `sitemap` package (a dev dependency for this file only).
const officialSitemapXsd: XMLFileInfo = {
  fileName: 'sitemap.xsd',
  contents: readFileSync(createRequire(import.meta.url).resolve('sitemap/schema/sitemap.xsd'), 'utf8'),
};

type Family = 'rss' | 'atom' | 'sitemap-index' | 'urlset';
const FAMILIES: Record<Family, { schema: XMLFileInfo; preload: XMLFileInfo[]; extension: 'schema' | 'relaxng' }> = {
  rss: { schema: schemaFile('rss-2.0.xsd'), preload: [], extension: 'schema' },
  atom: { schema: schemaFile('atom.rng'), preload: [], extension: 'relaxng' },
  'sitemap-index': { schema: schemaFile('sitemap-index.xsd'), preload: [], extension: 'schema' },
  urlset: {
    schema: schemaFile('urlset.xsd'),
    preload: [officialSitemapXsd, schemaFile('xhtml-link.xsd'), schemaFile('news-sitemap.xsd')],
    extension: 'schema',
  },
};

function validate(family: Family, xml: string): Promise<XMLValidationResult> {
  const f = FAMILIES[family];
  return validateXML({ xml: { fileName: 'document.xml', contents: xml }, schema: f.schema, preload: f.preload, extension: f.extension });
}

/** Compares the error list first so that a failure prints xmllint's messages, not just `false`. */
function expectValid(r: XMLValidationResult) {
  expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(r.valid).toBe(true);
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false }) // anyOf: [{ required: [...] }] names properties declared beside it;
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(JSON.parse(readFileSync(new URL('jsonfeed-1.1.schema.json', SCHEMAS), 'utf8')));

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'link', 'author', 'url', 'sitemap'].includes(name) });
type Node = Record<string, unknown>;
const list = (v: unknown) => (v ?? []) as Node[];

/** RSS 2.0 rules XSD 1.0 cannot say: "at least one of title or description must be present". */
function rssRules(xml: string): string[] {
  return list(parser.parse(xml).rss.channel.item)
    .filter((i) => !i.title && !i.description)
    .map((i) => `item ${String(i.link)} has neither title nor description`);
}

/** RFC 4287 rules RELAX NG cannot say (sections 4.1.1, 4.1.2). */
function atomRules(xml: string): string[] {
  const feed = parser.parse(xml).feed as Node;
  const errors: string[] = [];
  const entries = list(feed.entry);
  if (list(feed.author).length === 0 && entries.some((e) => list(e.author).length === 0)) {
    errors.push('feed has no atom:author and some entry has none either');
  }
  const ids = new Set<string>();
  for (const e of [feed, ...entries]) {
    const links = list(e.link);
    const alternates = links.filter((l) => (l['@rel'] ?? 'alternate') === 'alternate').map((l) => `${String(l['@type'])}|${String(l['@hreflang'])}`);
    if (new Set(alternates).size !== alternates.length) errors.push(`${String(e.id)}: two alternate links with the same type and hreflang`);
    if (e === feed) continue;
    if (!e.content && alternates.length === 0) errors.push(`${String(e.id)}: no atom:content and no alternate link`);
    const content = e.content as Node | string | undefined;
    if (typeof content === 'object' && content['@src'] && !e.summary) errors.push(`${String(e.id)}: atom:content has src, so atom:summary is required`);
    if (ids.has(String(e.id))) errors.push(`${String(e.id)}: atom:id repeated`);
    ids.add(String(e.id));
  }
  return errors;
}

let db: Db;
let app: SiteApp;

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  app = createSiteApp({ db, site: SITE });
  await app.start();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function get(path: string): Promise<string> {
  const res = await app.fetch(new Request(`http://site.test${path}`));
  expect(res.status, path).toBe(200);
  return res.text();
}

const FEED_SCOPES = ['/es', '/ar', '/es/topic/economy', '/es/source/valley-times'];

describe('feeds against their schemas', () => {
  it.each(FEED_SCOPES)('%s/feed.xml is valid RSS 2.0', async (scope) => {
    const xml = await get(`${scope}/feed.xml`);
    expectValid(await validate('rss', xml));
    expect(rssRules(xml)).toEqual([]);
    expect(list(parser.parse(xml).rss.channel.item).length).toBeGreaterThan(0);
  });

  it.each(FEED_SCOPES)('%s/atom.xml is valid Atom (RFC 4287)', async (scope) => {
    const xml = await get(`${scope}/atom.xml`);
    expectValid(await validate('atom', xml));
    expect(atomRules(xml)).toEqual([]);
    expect(list(parser.parse(xml).feed.entry).length).toBeGreaterThan(0);
  });

  it.each(FEED_SCOPES)('%s/feed.json is valid JSON Feed 1.1', async (scope) => {
    const feed = JSON.parse(await get(`${scope}/feed.json`)) as { items: { id: string }[] };
    const valid = validateJsonFeed(feed);
    expect(validateJsonFeed.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(feed.items.length).toBeGreaterThan(0);
    // "id … must be unique … for that feed"
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
  });
});

describe('sitemaps against their schemas', () => {
  it('/sitemap.xml is a valid sitemap index and every sitemap it lists is a valid urlset', async () => {
    const index = await get('/sitemap.xml');
    expectValid(await validate('sitemap-index', index));
    const locs = list(parser.parse(index).sitemapindex.sitemap).map((s) => String(s.loc));
    expect(locs).toHaveLength(SITE.languages.length);
    for (const loc of locs) {
      const path = new URL(loc).pathname;
      expectValid(await validate('urlset', await get(path)));
    }
  });

  it.each(SITE.languages)('/%s/news-sitemap.xml is a valid urlset with Google News entries', async (lang) => {
    const xml = await get(`/${lang}/news-sitemap.xml`);
    expectValid(await validate('urlset', xml));
  });

  // A quiet language (no story in 48 hours) answers 404 for its news sitemap, never an empty
  // <urlset>, which the sitemaps.org schema refuses (urlset needs at least one <url>); robots.txt
  // does not list it.
  it('a language with no story in the last 48 hours answers 404 for its news sitemap, never an empty urlset, and robots.txt leaves it out', async () => {
    const quiet = createSiteApp({ db, site: { ...SITE, languages: [...SITE.languages, 'fr'] } });
    await quiet.start();
    try {
      const res = await quiet.fetch(new Request('http://site.test/fr/news-sitemap.xml'));
      expect(res.status).toBe(404);
      const robots = await (await quiet.fetch(new Request('http://site.test/robots.txt'))).text();
      expect(robots).toContain(`Sitemap: ${SITE.baseUrl}/es/news-sitemap.xml`);
      expect(robots).not.toContain('/fr/news-sitemap.xml');
      expect(robots).toContain('Disallow: /fr/search');
      const busy = await quiet.fetch(new Request('http://site.test/es/news-sitemap.xml'));
      expect(busy.status).toBe(200);
      expectValid(await validate('urlset', await busy.text()));
    } finally {
      await quiet.close();
    }
  });

  it('the sitemaps carry the extensions the schemas check (so strict validation covered them)', async () => {
    expect(await get('/es/sitemap.xml')).toContain('<xhtml:link rel="alternate"');
    expect(await get('/es/news-sitemap.xml')).toContain('<news:news>');
  });
});

/** Each schema must reject a document that breaks its specification: proof that it has teeth. */
describe('the schemas reject broken documents', () => {
  const xmlCases: [string, string, Family, (xml: string) => string, RegExp][] = [
    ['an RSS channel without <link>', '/es/feed.xml', 'rss', (x) => x.replace(/<link>[^<]*<\/link>\n/, ''), /channelLink|link/],
    ['an RSS channel with two <title>s', '/es/feed.xml', 'rss', (x) => x.replace('<channel>', '<channel><title>Otra</title>'), /channelTitle|Duplicate/i],
    ['an RSS item with an ISO pubDate', '/es/feed.xml', 'rss', (x) => x.replace(/<pubDate>[^<]*<\/pubDate>/, '<pubDate>2026-11-28T10:00:00Z</pubDate>'), /pubDate/],
    ['RSS with version="0.91"', '/es/feed.xml', 'rss', (x) => x.replace('version="2.0"', 'version="0.91"'), /version/],
    ['an unqualified unknown channel element', '/es/feed.xml', 'rss', (x) => x.replace('<channel>', '<channel><creator>x</creator>'), /creator/],
    ['an Atom entry without <id>', '/es/atom.xml', 'atom', (x) => x.replace(/(<entry>[\s\S]*?)<id>[^<]*<\/id>/, '$1'), /entry|id/],
    ['an Atom feed without <updated>', '/es/atom.xml', 'atom', (x) => x.replace(/<updated>[^<]*<\/updated>\n<link rel="self"/, '<link rel="self"'), /feed|updated/],
    ['an Atom date without a time zone', '/es/atom.xml', 'atom', (x) => x.replace(/<published>([^<Z]*)Z<\/published>/, '<published>$1</published>'), /published|dateTime|data/],
    ['a sitemap index entry without <loc>', '/sitemap.xml', 'sitemap-index', (x) => x.replace(/<loc>[^<]*<\/loc>/, ''), /loc/],
    ['a urlset <url> without <loc>', '/es/sitemap.xml', 'urlset', (x) => x.replace(/<loc>[^<]*<\/loc>/, ''), /loc/],
    ['an xhtml:link without hreflang', '/es/sitemap.xml', 'urlset', (x) => x.replace(/ hreflang="[^"]*"/, ''), /hreflang/],
    ['a news:news without news:publication', '/es/news-sitemap.xml', 'urlset', (x) => x.replace(/<news:publication>[\s\S]*?<\/news:publication>/, ''), /publication/],
  ];
  it.each(xmlCases)('%s (%s)', async (_name, path, family, mutate, why) => {
    const original = await get(path);
    expectValid(await validate(family, original));
    const broken = mutate(original);
    expect(broken).not.toBe(original);
    const r = await validate(family, broken);
    expect(r.valid).toBe(false);
    // The schema itself compiled: the error is about the document, and about what we broke.
    expect(r.rawOutput).not.toMatch(/failed to compile|WXS schema .* failed|Relax-NG schema .* failed to compile/);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(why);
  });

  it('the RSS and Atom rules checked in code catch what the schemas cannot', async () => {
    const rss = (await get('/es/feed.xml')).replace(/<item>\n<title>[^<]*<\/title>/, '<item>').replace(/(<item>[\s\S]*?)<description>[^<]*<\/description>/, '$1');
    expect(rssRules(rss)).toHaveLength(1);
    const atom = (await get('/es/atom.xml')).replace(/<author><name>Transwire Test<\/name><\/author>\n/, '').replace(/(<entry>[\s\S]*?)<author>[\s\S]*?<\/author>/, '$1');
    expect(atomRules(atom)).toContain('feed has no atom:author and some entry has none either');
  });

  const jsonCases: [string, (feed: { items: Record<string, unknown>[] } & Record<string, unknown>) => void, string][] = [
    ['a JSON Feed item without id', (f) => delete f.items[0]!.id, 'id'],
    ['a JSON Feed item with a numeric id', (f) => { f.items[0]!.id = 42; }, 'id'],
    ['a JSON Feed item with neither content_html nor content_text', (f) => delete f.items[0]!.content_html, 'anyOf'],
    ['a JSON Feed with the 1.0 version URL', (f) => { f.version = 'https://jsonfeed.org/version/1'; }, 'version'],
    ['a JSON Feed date that is not RFC 3339', (f) => { f.items[0]!.date_published = 'Sat, 28 Nov 2026 10:00:00 GMT'; }, 'date_published'],
    ['a JSON Feed key without the _ of extensions', (f) => { f.custom = true; }, 'additionalProperties'],
  ];
  it.each(jsonCases)('%s', async (_name, mutate, why) => {
    const feed = JSON.parse(await get('/es/feed.json'));
    mutate(feed);
    expect(validateJsonFeed(feed)).toBe(false);
    expect(JSON.stringify(validateJsonFeed.errors)).toContain(why);
  });
});
