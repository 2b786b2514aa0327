import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import { resolveHttpUrl } from '../../src/shared/urls.ts';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from '../web/seed-site.ts';

// Issue 15, the attack suite: XSS payloads in every field of a published story that a page, a
// feed or the sitemap shows as text or as a link. (The body's HTML is sanitized when extracted:
// test/extract/sanitize-html.test.ts.) Every page reached from the story is checked for markup
// the payload could have become.

const TEXT = `"'><script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>`;
// A story's URLs are http(s) by the time they are stored (the fetch client refuses other
// schemes; a page's canonical and image URLs go through resolveHttpUrl, checked below), so the
// payload in a URL is what an http(s) URL can carry: quotes and angle brackets.
const URL_PAYLOAD = `https://evil.example/a"><script>alert(5)</script><img src=x onerror=alert(6)>`;

let db: Db;
let app: SiteApp;
let articlePath: string;

beforeAll(async () => {
  db = await openTestDb();
  const { pubs } = await seedSite(db);
  const pub = pubs.get('port:es')!;
  articlePath = pub.path;
  await db.query(
    `UPDATE translations t SET title = 'Puerto ' || $1, excerpt = $1, category = $1, image_caption = $1
      FROM publications p WHERE p.translation_id = t.id AND p.id = $2`,
    [TEXT, pub.id],
  );
  await db.query(
    `UPDATE articles a SET byline = $1, site_name = $1, category = $1, image_caption = $1, image_url = $2, url = $2, canonical_url = $2
      FROM publications p WHERE p.article_id = a.id AND p.id = $3`,
    [TEXT, URL_PAYLOAD, pub.id],
  );
  await db.query(`UPDATE sources s SET name = $1, title = $1 FROM articles a JOIN publications p ON p.article_id = a.id WHERE a.source_id = s.id AND p.id = $2`, [TEXT, pub.id]);
  await createRenderSiteHandler({ db, site: SITE })({ lang: 'es', publicationId: pub.id, reason: 'publish' });
  app = createSiteApp({ db, site: SITE, search: { busyShare: 1 } });
  await app.start();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** What a payload would have become, in an HTML document. */
function injected(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const s of document.querySelectorAll('script')) {
    if (s.getAttribute('type') !== 'application/ld+json') found.push(`<script>${s.textContent}`);
    else if (/<\/|<script|<img/i.test(s.textContent ?? '')) found.push('markup inside JSON-LD');
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (/^(href|src|action|formaction|srcset|poster)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  for (const tag of ['svg', 'iframe', 'object', 'embed']) if (document.querySelector(tag)) found.push(`<${tag}>`);
  return found;
}

it('no page, feed or sitemap that shows the story lets a payload become markup or a javascript: link', async () => {
  const seen = new Set<string>();
  const queue = [articlePath, '/es/', `/es/search?q=puerto`];
  const checked: string[] = [];
  while (queue.length && checked.length < 40) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await app.fetch(new Request(`http://site.test${path}`));
    if (res.status !== 200) continue;
    const type = res.headers.get('content-type') ?? '';
    const body = await res.text();
    if (!body.includes('alert(')) continue; // the story is not on this page
    checked.push(path);
    if (type.includes('html')) {
      expect({ path, found: injected(body) }).toEqual({ path, found: [] });
      const { document } = parseHTML(body);
      for (const a of document.querySelectorAll('a[href^="/es/"], link[href^="/es/"]')) queue.push(a.getAttribute('href')!);
    } else if (type.includes('json')) {
      // JSON Feed: titles and summaries are plain text by the spec; content_html is HTML.
      const feed = JSON.parse(body) as { items: Array<{ content_html?: string; url?: string; external_url?: string }> };
      for (const item of feed.items) {
        expect({ path, found: injected(item.content_html ?? '') }).toEqual({ path, found: [] });
        expect([item.url, item.external_url].filter((u) => u && !/^https?:/.test(u))).toEqual([]);
      }
    } else {
      // Atom, RSS and sitemaps: the payload only ever as escaped text.
      expect({ path, raw: /<script|<img |<svg /i.test(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')) }).toEqual({ path, raw: false });
      expect({ path, cdataScript: /<!\[CDATA\[[^\]]*<script/i.test(body) }).toEqual({ path, cdataScript: false });
    }
  }
  // The story's own page, a list and the search showed the payloads (and were checked).
  expect(checked).toEqual(expect.arrayContaining([articlePath, '/es/', '/es/search?q=puerto']));
  expect(checked.some((p) => /feed|atom|rss|\.xml/.test(p))).toBe(true);
}, 120_000);

it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'java\tscript:alert(1)'])(
  'a page\'s canonical or image URL %j is never stored as a link', (href) => {
    expect(resolveHttpUrl(href, 'https://news.example/story')).toBeNull();
  },
);
