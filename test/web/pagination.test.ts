import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';

let db: Db;
let app: SiteApp;
const EXTRA = 25;

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db);
  // 25 more Spanish stories, newer than the fixture, alternating two topics.
  for (let i = 1; i <= EXTRA; i++) {
    const src = (await db.query<{ id: number }>('SELECT id FROM sources ORDER BY id LIMIT 1')).rows[0]!.id;
    const item = await db.query<{ id: number }>('INSERT INTO items (source_id, guid) VALUES ($1, $2) RETURNING id', [src, `extra-${i}`]);
    const art = await db.query<{ id: number }>(
      `INSERT INTO articles (item_id, source_id, url, title, lang, category, html, text, content_hash)
       VALUES ($1, $2, $3, $4, 'en', $5, '<p>x</p>', 'x', 'h') RETURNING id`,
      [item.rows[0]!.id, src, `https://harbour-gazette.example/extra-${i}`, `Extra ${i}`, i % 2 ? 'Economy' : 'Science'],
    );
    const tr = await db.query<{ id: number }>(
      `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status)
       VALUES ($1, 'es', $2, '<p>Texto.</p>', 'Texto.', 'apertium', '1', '{}', 'publish', 'published') RETURNING id`,
      [art.rows[0]!.id, `Noticia extra ${i}`],
    );
    await db.query(
      `INSERT INTO publications (translation_id, article_id, lang, path, published_at) VALUES ($1, $2, 'es', $3, now() - make_interval(mins => $4))`,
      [tr.rows[0]!.id, art.rows[0]!.id, `/es/2026/11/extra-${i}`, 60 - i],
    );
  }
  app = createSiteApp({ db, site: SITE });
  await app.start();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function page(path: string) {
  const res = await app.fetch(new Request(`http://site.test${path}`));
  return { status: res.status, d: parseHTML(await res.text()).document };
}

describe('home pagination and topic sections', () => {
  it('page 1 holds 20 stories, newest first, and links to page 2', async () => {
    const { d } = await page('/es/');
    const latest = [...d.querySelectorAll('.lead h2 a, main > ul.grid > li h3 a')].map((a) => a.textContent);
    expect(latest).toHaveLength(20);
    expect(latest[0]).toBe('Noticia extra 25');
    expect(d.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/es/page/2');
    expect(d.querySelector('a[rel=prev]')).toBeNull();
  });

  it('page 2 holds the rest and links back', async () => {
    const { status, d } = await page('/es/page/2');
    expect(status).toBe(200);
    expect(d.querySelectorAll('main > ul.grid > li').length).toBe(EXTRA + 4 - 20);
    expect(d.querySelector('a[rel=prev]')?.getAttribute('href')).toBe('/es/');
    expect(d.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://news.example/es/page/2');
  });

  it('page 3 does not exist', async () => {
    expect((await page('/es/page/3')).status).toBe(404);
  });

  it('topic sections show stories not already in the latest list', async () => {
    const { d } = await page('/es/');
    const sections = [...d.querySelectorAll('section.section')];
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).toEqual(expect.arrayContaining(['Más en Economy', 'Más en Science']));
    const latest = new Set([...d.querySelectorAll('.lead h2 a, main > ul.grid > li h3 a')].map((a) => a.getAttribute('href')));
    for (const s of sections) for (const a of s.querySelectorAll('h3 a')) expect(latest.has(a.getAttribute('href'))).toBe(false);
  });
});

describe('search pagination', () => {
  it('pages through 25 matches ten at a time', async () => {
    const first = await page('/es/search?q=extra');
    expect(first.d.querySelector('main p.muted')?.textContent).toBe('25 resultados para «extra»');
    expect(first.d.querySelectorAll('main .card').length).toBe(10);
    expect(first.d.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/es/search?q=extra&page=2');
    const last = await page('/es/search?q=extra&page=3');
    expect(last.d.querySelectorAll('main .card').length).toBe(5);
    expect(last.d.querySelector('a[rel=next]')).toBeNull();
    expect(last.d.querySelector('a[rel=prev]')?.getAttribute('href')).toBe('/es/search?q=extra&page=2');
  });
});
