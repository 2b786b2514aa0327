import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';
import { seedStory, type SeededStory } from './story-seed.ts';

// The sitemap and feeds of a site with a story still pass the schemas feed-schemas.test.ts checks
// (test/fixtures/schemas/): story pages in the urlset with their hreflang links, story items in the feeds.

const SCHEMAS = new URL('../fixtures/schemas/', import.meta.url);
const schemaFile = (name: string): XMLFileInfo => ({ fileName: name, contents: readFileSync(new URL(name, SCHEMAS), 'utf8') });
const officialSitemapXsd: XMLFileInfo = { fileName: 'sitemap.xsd', contents: readFileSync(createRequire(import.meta.url).resolve('sitemap/schema/sitemap.xsd'), 'utf8') };

let db: Db;
let app: SiteApp;
let story: SeededStory;

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  story = await seedStory(db);
  app = createSiteApp({ db, site: SITE });
  await app.start();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const text = async (path: string) => (await app.fetch(new Request(`http://site.test${path}`))).text();

describe('feeds and sitemaps with a story', () => {
  it.each(['es', 'ar'])('/%s/sitemap.xml with story pages is a valid urlset', async (lang) => {
    const xml = await text(`/${lang}/sitemap.xml`);
    expect(xml).toContain(`/${lang}/story/${story.storyId}</loc>`);
    const r = await validateXML({
      xml: { fileName: 'document.xml', contents: xml }, schema: schemaFile('urlset.xsd'),
      preload: [officialSitemapXsd, schemaFile('xhtml-link.xsd'), schemaFile('news-sitemap.xsd')], extension: 'schema',
    });
    expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it('/es/feed.xml and /es/atom.xml with a story item are valid', async () => {
    const rss = await validateXML({ xml: { fileName: 'document.xml', contents: await text('/es/feed.xml') }, schema: schemaFile('rss-2.0.xsd'), extension: 'schema' });
    expect(rss.errors.map((e) => e.rawMessage)).toEqual([]);
    const atom = await validateXML({ xml: { fileName: 'document.xml', contents: await text('/es/atom.xml') }, schema: schemaFile('atom.rng'), extension: 'relaxng' });
    expect(atom.errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it('/es/feed.json with a story item is a valid JSON Feed 1.1', async () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('jsonfeed-1.1.schema.json', SCHEMAS), 'utf8')));
    const ok = validate(JSON.parse(await text('/es/feed.json')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
