import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

let db: Db;
let app: SiteApp;
let seeded: Seeded;

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

const get = (path: string, headers: Record<string, string> = {}) => app.fetch(new Request(`http://site.test${path}`, { headers }));
const doc = async (res: Response) => parseHTML(await res.text()).document;
const path = (key: string) => seeded.pubs.get(key)!.path;

describe('article page', () => {
  it('shows the Spanish translation with its provenance and the exact notice', async () => {
    const res = await get(path('port:es'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const d = await doc(res);
    const html = d.documentElement;
    expect(html.getAttribute('lang')).toBe('es');
    expect(html.getAttribute('dir')).toBe('ltr');
    expect(d.querySelector('h1')?.textContent).toBe('Aprobada la ampliación del puerto tras 2.000 comentarios públicos');
    expect(d.querySelector('.body')?.textContent).toContain('2.000 comentarios públicos');
    expect(d.querySelector('.notice')?.textContent).toContain('Traducido automáticamente por Apertium; no revisado por un editor.');
    const provenance = d.querySelector('dl.provenance')!.textContent;
    expect(provenance).toContain('Harbour Gazette');
    expect(provenance).toContain('Port expansion approved after 2,000 public comments');
    expect(provenance).toContain('inglés');
    expect(provenance).toContain('Publicado por la fuente');
    const original = [...d.querySelectorAll('a')].filter((a) => a.getAttribute('href') === 'https://harbour-gazette.example/2026/11/port-expansion');
    expect(original.length).toBeGreaterThanOrEqual(2);
    expect(d.querySelector('.warning')).toBeNull();
    // The back-to-top control is part of the layout, never of the article text.
    expect(d.querySelector('a.to-top')?.getAttribute('href')).toBe('#top');
    expect(d.getElementById('top')).not.toBeNull();
    expect(d.querySelector('.body')?.textContent).not.toContain('Volver arriba');
  });

  it('carries SEO metadata: canonical, hreflang alternates, Open Graph, NewsArticle JSON-LD', async () => {
    const d = await doc(await get(path('port:es')));
    expect(d.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`https://news.example${path('port:es')}`);
    const alts = [...d.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.getAttribute('hreflang'));
    expect(alts).toEqual(expect.arrayContaining(['es', 'ar', 'x-default']));
    expect(d.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    const ld = JSON.parse(d.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.isBasedOn).toBe('https://harbour-gazette.example/2026/11/port-expansion');
    expect(ld.translator.name).toBe('Apertium');
    expect(ld.inLanguage).toBe('es');
  });

  it('makes no request to a third party: foreign images are dropped from the body', async () => {
    const html = await (await get(path('port:es'))).text();
    expect(html).not.toContain('cdn.harbour-gazette.example');
    expect(html).not.toContain('El puerto norte al amanecer.'); // its caption goes with it
    expect(html).toContain('Un muelle nuevo');
  });

  it('is right-to-left in Arabic, with the Arabic notice', async () => {
    const d = await doc(await get(path('port:ar')));
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
    expect(d.documentElement.getAttribute('lang')).toBe('ar');
    expect(d.querySelector('.notice')?.textContent).toContain('تُرجم آليًا بواسطة opus-mt؛ لم يراجعه محرر.');
    expect(d.querySelector('.alternates a')?.getAttribute('href')).toBe(path('port:es'));
  });

  it('shows a visible warning when the fidelity gate flagged it', async () => {
    const d = await doc(await get(path('comet:es')));
    expect(d.querySelector('.warning')?.textContent).toContain('Posibles errores de traducción');
  });

  it('stays under 60 KB before images', async () => {
    const body = await (await get(path('port:es'))).arrayBuffer();
    expect(body.byteLength).toBeLessThan(60_000);
  });
});

describe('home and lists', () => {
  it('lists the latest stories, newest first, with a lead story', async () => {
    const d = await doc(await get('/es/'));
    expect(d.querySelector('.lead h2 a')?.getAttribute('href')).toBe(path('port:es'));
    const links = [...d.querySelectorAll('main h2 a, main h3 a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([path('port:es'), path('comet:es'), path('bridge:es'), path('rain:es')]);
    // 'Updated' is our newest change to the site (the seed translated its stories just now).
    expect(d.querySelector('.updated')?.textContent).toMatch(/Actualizado (este minuto|hace \d+ minutos?)/);
  });

  it.each([
    ['/es/topic/economy', ['port:es', 'bridge:es']],
    ['/es/source/valley-times', ['comet:es', 'rain:es']],
  ])('%s lists only its stories', async (url, keys) => {
    const d = await doc(await get(url));
    const links = [...d.querySelectorAll('main h2 a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(keys.map(path));
  });

  it('has an about page with the disclaimer', async () => {
    const d = await doc(await get('/es/about'));
    expect(d.querySelector('main')?.textContent).toContain('Ningún editor revisa estas traducciones');
  });
});

describe('HTTP behaviour', () => {
  it.each([
    ['/', 302, '/es/'],
    ['/ar', 301, '/ar/'],
    ['/es/?page=2', 301, '/es/page/2'],
  ])('%s redirects (%i) to %s', async (url, status, location) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBe(location);
  });

  it.each(['/es/nope', '/es/2026/11/no-such-story', '/es/topic/no-such-topic', '/es/page/9'])('%s is a 404 page in Spanish', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const d = await doc(res);
    expect(d.documentElement.getAttribute('lang')).toBe('es');
    expect(d.querySelector('h1')?.textContent).toBe('Página no encontrada');
  });

  it('answers 404 in Arabic under /ar/', async () => {
    const d = await doc(await get('/ar/nope'));
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
  });

  it('serves pre-compressed br and gzip bytes that decode to the same page', async () => {
    const plain = Buffer.from(await (await get('/es/')).arrayBuffer());
    const br = await get('/es/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(plain)).toBe(true);
    const gz = await get('/es/', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('answers 304 to a matching ETag or an unchanged Last-Modified', async () => {
    const first = await get(path('bridge:es'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toContain('stale-while-revalidate');
    expect((await get(path('bridge:es'), { 'if-none-match': etag })).status).toBe(304);
    expect((await get(path('bridge:es'), { 'if-modified-since': first.headers.get('last-modified')! })).status).toBe(304);
    expect((await get(path('bridge:es'), { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });

  it('sends a strict CSP with no script allowed', async () => {
    const res = await get('/es/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(await res.text()).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  it('serves fingerprinted assets as immutable', async () => {
    const d = await doc(await get('/es/'));
    const css = d.querySelector('link[rel=stylesheet]')!.getAttribute('href')!;
    expect(css).toMatch(/^\/assets\/site\.[0-9a-f]{12}\.css$/);
    const res = await get(css);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 500 with an error page in the page language when the database fails', async () => {
    let broken = false;
    const flaky = { ...db, kind: db.kind, query: (sql: string, params?: unknown[]) => (broken ? Promise.reject(new Error('connection lost')) : db.query(sql, params)) } as Db;
    const logged: Array<{ level: string; msg: string; fields: object }> = [];
    const failing = createSiteApp({ db: flaky, site: SITE, log: { info: (fields, msg) => logged.push({ level: 'info', msg, fields }), warn: (fields, msg) => logged.push({ level: 'warn', msg, fields }) } });
    await failing.start();
    broken = true;
    const res = await failing.fetch(new Request('http://site.test/ar/'));
    await failing.close();
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const d = await doc(res);
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
    expect(d.querySelector('h1')?.textContent).toBe('حدث خطأ ما');
    // A failed request is a warning naming its route, not an info line.
    expect(logged).toContainEqual({ level: 'warn', msg: 'web: request failed', fields: expect.objectContaining({ route: 'home', path: '/ar/', status: 500 }) });
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await app.fetch(new Request('http://site.test/es/', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    const post = await app.fetch(new Request('http://site.test/es/', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
