import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import takedownCommand from '../../src/cli/takedown.ts';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

let db: Db;
let seeded: Seeded;
let app: SiteApp;
/** A second web process on the same database: it learns of changes only by polling. */
let other: SiteApp;

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db);
  app = createSiteApp({ db, site: SITE });
  other = createSiteApp({ db, site: SITE, cache: { pollMs: 50, inProcessEvents: false } });
  await app.start();
  await other.start();
});
afterAll(async () => {
  await app.close();
  await other.close();
  await db.close();
});

const text = async (a: SiteApp, path: string) => {
  const res = await a.fetch(new Request(`http://site.test${path}`));
  return { status: res.status, body: await res.text() };
};

async function publishNew(slug: string, title: string): Promise<{ id: number; path: string }> {
  const src = (await db.query<{ id: number }>('SELECT id FROM sources ORDER BY id LIMIT 1')).rows[0]!.id;
  const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid) VALUES ($1, $2) RETURNING id`, [src, slug]);
  const art = await db.query<{ id: number }>(
    `INSERT INTO articles (item_id, source_id, url, title, lang, category, html, text, content_hash, published_at)
     VALUES ($1, $2, $3, 'Fresh news', 'en', 'Economy', '<p>x</p>', 'x', $3, now()) RETURNING id`,
    [item.rows[0]!.id, src, `https://harbour-gazette.example/${slug}`],
  );
  const tr = await db.query<{ id: number }>(
    `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status)
     VALUES ($1, 'es', $2, '<p>Noticia fresca sobre el mercado de pescado.</p>', 'Noticia fresca sobre el mercado de pescado.', 'apertium', '1', '{}', 'publish', 'published') RETURNING id`,
    [art.rows[0]!.id, title],
  );
  const path = `/es/2026/12/${slug}`;
  const pub = await db.query<{ id: number }>(
    `INSERT INTO publications (translation_id, article_id, lang, path) VALUES ($1, $2, 'es', $3) RETURNING id`,
    [tr.rows[0]!.id, art.rows[0]!.id, path],
  );
  return { id: pub.rows[0]!.id, path };
}

describe('render job', () => {
  it('renders the changed pages once, pre-compressed, and every web process serves them', async () => {
    // Both processes hold the home page in memory before the change.
    expect((await text(app, '/es/')).body).not.toContain('Mercado de pescado');
    expect((await text(other, '/es/')).body).not.toContain('Mercado de pescado');
    const pub = await publishNew('mercado-de-pescado', 'Mercado de pescado abre de noche');

    // Warm pages that list it, so the job has something to invalidate.
    for (const p of ['/es/atom.xml', '/es/topic/economy', '/es/sitemap.xml']) await text(app, p);
    const before = await db.query<{ path: string }>('SELECT path FROM pages WHERE NOT stale');
    expect(before.rows.map((r) => r.path)).toContain('/es/atom.xml');
    await createRenderSiteHandler({ db, site: SITE })({ lang: 'es', publicationId: pub.id, reason: 'publish' });

    const { rows } = await db.query<{ path: string; stale: boolean; has_br: boolean; has_gzip: boolean }>(
      `SELECT path, stale, br IS NOT NULL AS has_br, gzip IS NOT NULL AS has_gzip FROM pages ORDER BY path`,
    );
    const fresh = rows.filter((r) => !r.stale);
    // Rendered now, pre-compressed: the article, the home page, the RSS feed.
    expect(fresh.map((r) => r.path)).toEqual(expect.arrayContaining([pub.path, '/es/', '/es/feed.xml']));
    expect(fresh.every((r) => r.has_br && r.has_gzip)).toBe(true);
    // The other pages that list it are tombstones, rendered again on their next request.
    expect(rows.filter((r) => r.stale).map((r) => r.path)).toEqual(expect.arrayContaining(['/es/atom.xml', '/es/topic/economy', '/es/sitemap.xml']));
    expect((await text(other, '/es/atom.xml')).body).toContain(pub.path);

    await app.refresh();
    expect((await text(app, '/es/')).body).toContain('Mercado de pescado abre de noche');
    await vi.waitFor(async () => expect((await text(other, '/es/')).body).toContain('Mercado de pescado abre de noche'), { timeout: 3000, interval: 50 });
    expect((await text(other, pub.path)).status).toBe(200);
  });

  it('a request for a page no job has rendered yet renders it on the spot', async () => {
    const pub = await publishNew('sin-render', 'Noticia que nadie renderizó');
    const res = await text(app, pub.path);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Noticia que nadie renderizó');
  });
});

describe('templates', () => {
  it('a page written by another template version is rendered again, not served', async () => {
    await text(app, '/es/about');
    await db.query(`UPDATE pages SET body = convert_to('OLD TEMPLATE', 'UTF8'), render_version = 'old' WHERE path = '/es/about'`);
    const fresh = createSiteApp({ db, site: SITE });
    await fresh.start();
    const res = await text(fresh, '/es/about');
    await fresh.close();
    expect(res.body).not.toContain('OLD TEMPLATE');
    expect(res.body).toContain('Acerca de este sitio');
  });
});

describe('takedown', () => {
  it('rejects bad arguments and unknown publications', async () => {
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await takedownCommand([], { db, site: SITE })).toBe(2);
    expect(await takedownCommand(['/es/2026/11/none'], { db, site: SITE })).toBe(1);
    quiet.mockRestore();
  });

  it('answers 410 at once and removes the story from home, topics, sources, search, feeds and sitemaps', async () => {
    const { path } = seeded.pubs.get('port:es')!;
    const arPath = seeded.pubs.get('port:ar')!.path;
    const watched = ['/es/', '/es/topic/economy', '/es/source/harbour-gazette', '/es/feed.xml', '/es/atom.xml', '/es/feed.json', '/es/sitemap.xml', '/es/news-sitemap.xml', '/ar/sitemap.xml', arPath];
    // Warm every cache first, as readers would have.
    for (const a of [app, other]) for (const p of [path, ...watched]) expect((await text(a, p)).body).toContain(path);
    expect((await text(app, '/es/search?q=puerto')).body).toContain(path);

    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await takedownCommand([`https://news.example${path}`, '--reason', 'legal request'], { db, site: SITE })).toBe(0);
    out.mockRestore();
    expect((await db.query('SELECT status, gone_reason FROM publications WHERE path = $1', [path])).rows[0]).toEqual({ status: 'gone', gone_reason: 'legal request' });

    await app.refresh();
    const gone = await text(app, path);
    expect(gone.status).toBe(410);
    expect(gone.body).toContain('Esta noticia ha sido retirada');
    for (const p of watched) expect((await text(app, p)).body, p).not.toContain(path);
    expect((await text(app, '/es/search?q=puerto')).body).not.toContain(path);
    // The other process catches up by its poll, without a restart.
    await vi.waitFor(async () => expect((await text(other, path)).status).toBe(410), { timeout: 3000, interval: 50 });
    for (const p of watched) expect((await text(other, p)).body, p).not.toContain(path);
  });

  it('the feeds still parse after the takedown', async () => {
    const parsed = new XMLParser().parse((await text(app, '/es/feed.xml')).body);
    expect(parsed.rss.channel.item.length).toBeGreaterThan(0);
  });
});
