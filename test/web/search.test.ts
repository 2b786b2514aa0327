import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

let db: Db;
let app: SiteApp;
let seeded: Seeded;

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db);
  // One client asks every query here: the per-address limit is test/web/search-limits.test.ts's
  // subject, the time budget test/web/search-flood.test.ts's.
  app = createSiteApp({ db, site: SITE, search: { burst: 1000, busyShare: 1 } });
  await app.start();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function search(lang: string, q: string) {
  const res = await app.fetch(new Request(`http://site.test/${lang}/search?q=${encodeURIComponent(q)}`));
  const html = await res.text();
  const d = parseHTML(html).document;
  return { res, html, d, links: [...d.querySelectorAll('main h2 a')].map((a) => a.getAttribute('href')) };
}

describe('search', () => {
  it.each([
    ['es', 'puertos', ['port:es']], // Spanish stemming: plural finds singular
    ['es', 'peajes puente', ['bridge:es']],
    ['es', 'cometa OR lluvias', ['comet:es', 'rain:es']],
    ['es', '"valle bajo"', ['rain:es']],
    ['ar', 'الميناء', ['port:ar']],
  ])('in %s, %s finds %j', async (lang, q, keys) => {
    const { res, links } = await search(lang, q);
    expect(res.status).toBe(200);
    expect(links.sort()).toEqual(keys.map((k) => seeded.pubs.get(k)!.path).sort());
  });

  it('ranks a title match first and highlights matches in the snippet', async () => {
    const { d } = await search('es', 'puerto');
    expect(d.querySelector('main h2 a')?.getAttribute('href')).toBe(seeded.pubs.get('port:es')!.path);
    expect(d.querySelector('main .card mark')?.textContent?.toLowerCase()).toBe('puerto');
  });

  it.each([
    '',
    '   ',
    '<script>alert(1)</script>',
    "' OR 1=1; DROP TABLE publications; --",
    '!!!&|:*()',
    'a'.repeat(5000),
    '\u0000\u0001 puerto',
    'de la el',
  ])('answers a hostile or empty query (%j) with a page, escaped', async (q) => {
    const { res, html, d } = await search('es', q);
    expect(res.status).toBe(200);
    expect(html).not.toContain('<script>alert');
    expect(d.querySelector('h1')?.textContent).toBe('Búsqueda');
    expect((await db.query('SELECT count(*)::int AS n FROM publications')).rows[0]).toEqual({ n: 5 });
  });

  it('says so when nothing matches', async () => {
    const { d } = await search('es', 'zzzzqqq');
    expect(d.querySelector('main')?.textContent).toContain('Ninguna noticia coincide con «zzzzqqq».');
  });
});
