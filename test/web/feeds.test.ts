import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { putMedia, recordMediaSource } from '../../src/store/media.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

let db: Db;
let app: SiteApp;
let seeded: Seeded;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name, jpath) =>
  ['item', 'entry', 'url', 'sitemap', 'xhtml:link'].includes(name) || (name === 'link' && String(jpath).startsWith('feed')) });

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db);
  app = createSiteApp({ db, site: SITE });
  await app.start();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function xml(path: string, type: RegExp) {
  const res = await app.fetch(new Request(`http://site.test${path}`));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(type);
  const text = await res.text();
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}
const abs = (key: string) => `https://news.example${seeded.pubs.get(key)!.path}`;
const RFC822 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('feeds', () => {
  it('RSS 2.0 has the channel elements and items with content:encoded', async () => {
    const { rss } = await xml('/es/feed.xml', /^application\/rss\+xml/);
    expect(rss['@version']).toBe('2.0');
    const ch = rss.channel;
    for (const el of ['title', 'link', 'description']) expect(ch[el]).toBeTruthy();
    expect(ch.language).toBe('es');
    expect(ch['atom:link']['@rel']).toBe('self');
    expect(ch.item.map((i: { link: string }) => i.link)).toEqual(['port:es', 'comet:es', 'bridge:es', 'rain:es'].map(abs));
    for (const item of ch.item) {
      expect(item.title).toBeTruthy();
      expect(item.guid['#text']).toBe(item.link);
      expect(item.pubDate).toMatch(RFC822);
      expect(item['content:encoded']).toContain('Traducido automáticamente por Apertium; no revisado por un editor.');
    }
  });

  it('Atom has id, title, updated, self link and entries with author and content', async () => {
    const { feed } = await xml('/es/atom.xml', /^application\/atom\+xml/);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://news.example/es/atom.xml');
    expect(feed.updated).toMatch(ISO);
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe('https://news.example/es/atom.xml');
    expect(feed.entry).toHaveLength(4);
    for (const e of feed.entry) {
      for (const el of ['id', 'title', 'updated', 'published']) expect(e[el]).toBeTruthy();
      expect(e.author.name).toBeTruthy();
      expect(e.content['@type']).toBe('html');
    }
  });

  it('JSON Feed 1.1 has version, title and items with id and content', async () => {
    const res = await app.fetch(new Request('http://site.test/es/feed.json'));
    expect(res.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const feed = await res.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://news.example/es/feed.json');
    expect(feed.items[0].id).toBe(abs('port:es'));
    expect(feed.items[0].external_url).toBe('https://harbour-gazette.example/2026/11/port-expansion');
    for (const item of feed.items) expect(item.content_html).toBeTruthy();
  });

  it.each([['/es/topic/economy/feed.xml', ['port:es', 'bridge:es']], ['/es/source/valley-times/feed.xml', ['comet:es', 'rain:es']]])(
    '%s holds only its stories', async (path, keys) => {
      const { rss } = await xml(path, /rss/);
      expect(rss.channel.item.map((i: { link: string }) => i.link)).toEqual(keys.map(abs));
    });
});

describe('sitemaps', () => {
  it('the index points to one sitemap per language', async () => {
    const { sitemapindex } = await xml('/sitemap.xml', /^application\/xml/);
    expect(sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual(['https://news.example/es/sitemap.xml', 'https://news.example/ar/sitemap.xml']);
  });

  it('the language sitemap lists every live article with hreflang alternates', async () => {
    const { urlset } = await xml('/es/sitemap.xml', /xml/);
    expect(urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    const locs = urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual(['https://news.example/es/', ...['port:es', 'comet:es', 'bridge:es', 'rain:es'].map(abs)]);
    const port = urlset.url.find((u: { loc: string }) => u.loc === abs('port:es'));
    expect(port.lastmod).toMatch(ISO);
    expect(port['xhtml:link'].map((l: Record<string, string>) => [l['@hreflang'], l['@href']])).toEqual([['ar', abs('port:ar')], ['es', abs('port:es')]]);
  });

  it('the news sitemap holds only the last 48 hours, with publication name and language', async () => {
    const { urlset } = await xml('/es/news-sitemap.xml', /xml/);
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url.map((u: { loc: string }) => u.loc)).toEqual(['port:es', 'comet:es', 'bridge:es'].map(abs));
    const news = urlset.url[0]['news:news'];
    expect(news['news:publication']['news:name']).toBe('Transwire Test');
    expect(news['news:publication']['news:language']).toBe('es');
    expect(news['news:publication_date']).toMatch(ISO);
    expect(news['news:title']).toBe('Aprobada la ampliación del puerto tras 2.000 comentarios públicos');
  });

  it('robots.txt names the sitemaps and keeps crawlers out of search', async () => {
    const text = await (await app.fetch(new Request('http://site.test/robots.txt'))).text();
    expect(text).toContain('Sitemap: https://news.example/sitemap.xml');
    expect(text).toContain('Sitemap: https://news.example/es/news-sitemap.xml');
    expect(text).toContain('Disallow: /es/search');
  });
});

describe('feeds name the images the site mirrored, never the outlet’s', () => {
  it('RSS, Atom and JSON Feed: absolute /media/ URLs on the site, as the pages show', async () => {
    const pub = seeded.pubs.get('port:es')!;
    const { rows } = await db.query<{ article_id: number; translation_id: number }>('SELECT article_id, translation_id FROM publications WHERE id = $1', [pub.id]);
    const { article_id: articleId, translation_id: translationId } = rows[0]!;
    const body = 'http://harbour-gazette.example/img/crane.jpg';
    const lead = 'http://harbour-gazette.example/img/lead.jpg';
    await db.query(`UPDATE translations SET html = html || $1 WHERE id = $2`, [`<figure><img src="${body}" alt="Grúas"><figcaption>Grúas</figcaption></figure>`, translationId]);
    await db.query('UPDATE articles SET image_url = $1 WHERE id = $2', [lead, articleId]);
    for (const [url, sha, role] of [[body, 'b1'.repeat(32), 'body'], [lead, 'a1'.repeat(32), 'lead']] as const) {
      await putMedia(db, { sha256: sha, contentType: 'image/jpeg', ext: 'jpg', bytes: Buffer.from(sha), width: 800, height: 450 });
      await recordMediaSource(db, { articleId, url, role, sha256: sha, error: null });
    }
    await createRenderSiteHandler({ db, site: SITE })({ lang: 'es', publicationId: pub.id, reason: 'correction' });
    await app.refresh();
    const text = async (path: string) => (await app.fetch(new Request(`http://site.test${path}`))).text();
    const rss = await text('/es/feed.xml');
    const atom = (await text('/es/atom.xml')).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const json = (JSON.parse(await text('/es/feed.json')) as { items: { content_html: string; image?: string }[] }).items.map((i) => i.content_html + (i.image ?? '')).join('');
    for (const [name, feed] of [['RSS', rss], ['Atom', atom], ['JSON Feed', json]] as const) {
      expect(feed, name).not.toContain('harbour-gazette.example/img');
      expect(feed, name).toContain(`<img src="https://news.example/media/${'b1'.repeat(32)}.jpg" alt="Grúas" width="800" height="450"`);
      expect(feed, name).toContain(`https://news.example/media/${'a1'.repeat(32)}.jpg`);
    }
  });
});
