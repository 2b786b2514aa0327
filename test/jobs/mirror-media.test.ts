import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { createMirrorMediaHandler, sniffImage } from '../../src/jobs/handlers/mirror-media.ts';
import { createLogger } from '../../src/logger.ts';
import { diskMediaFiles } from '../../src/media/media-files.ts';
import { localMediaOnly, renderArticle } from '../../src/publish/render-article.ts';
import type { Db } from '../../src/store/db.ts';
import { listMediaSources, mediaForArticle } from '../../src/store/media.ts';
import { getArticleByPath, listAlternates } from '../../src/store/site-article.ts';
import { CSP } from '../../src/web/encode-page.ts';
import { mediaRoute } from '../../src/web/media-route.ts';
import { toArticle } from '../../src/web/site-views.ts';
import { openTestDb } from '../helpers/test-db.ts';

/** Just enough of each format for its magic bytes and size header. */
const png = (w: number, h: number) => {
  const b = Buffer.alloc(40);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(b);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
};
const jpeg = (w: number, h: number) => {
  const app0 = [0xff, 0xe0, 0, 16, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
};
const gif = (w: number, h: number) => Buffer.concat([Buffer.from('GIF89a'), Buffer.from([w & 255, w >> 8, h & 255, h >> 8]), Buffer.alloc(20)]);
const webp = (w: number, h: number) => {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUIntLE(w - 1, 24, 3);
  b.writeUIntLE(h - 1, 27, 3);
  return b;
};
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('sniffImage tells formats by their bytes, never by a header', () => {
  it.each([
    ['png', png(640, 360), { contentType: 'image/png', ext: 'png', width: 640, height: 360 }],
    ['jpeg', jpeg(1200, 800), { contentType: 'image/jpeg', ext: 'jpg', width: 1200, height: 800 }],
    ['gif', gif(300, 200), { contentType: 'image/gif', ext: 'gif', width: 300, height: 200 }],
    ['webp', webp(1920, 1080), { contentType: 'image/webp', ext: 'webp', width: 1920, height: 1080 }],
    ['svg (can carry script)', SVG, null],
    ['html', Buffer.from('<!doctype html><p>hi'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s', (_name, bytes, out) => expect(sniffImage(bytes)).toEqual(out));
});

describe('localMediaOnly with mirrored images', () => {
  const media = new Map([['https://cdn.example/a.jpg?w=1&h=2', { path: '/media/abc.jpg', width: 800, height: 600 }]]);
  it.each([
    ['<img src="https://cdn.example/a.jpg?w=1&amp;h=2" alt="A port" srcset="https://cdn.example/a2.jpg 2x">',
      '<img src="/media/abc.jpg" alt="A port" width="800" height="600" loading="lazy" decoding="async">'],
    ['<figure><img src="https://cdn.example/other.jpg"><figcaption>Gone</figcaption></figure><p>x</p>', '<p>x</p>'],
    ['<figure><img src="https://cdn.example/a.jpg?w=1&amp;h=2" alt=""><figcaption>Kept</figcaption></figure>',
      '<figure><img src="/media/abc.jpg" alt="" width="800" height="600" loading="lazy" decoding="async"><figcaption>Kept</figcaption></figure>'],
    ['<img src="/media/x.jpg" srcset="https://cdn.example/x2.jpg 2x">', '<img src="/media/x.jpg">'],
  ])('%s', (input, out) => expect(localMediaOnly(input, media)).toBe(out));
});

/** A real, decodable image (the mirror job converts what it keeps). */
const solid = (w: number, h: number, format: 'png' | 'jpeg') =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 60, b: 30 } } }).toFormat(format).toBuffer();
const files = diskMediaFiles(mkdtempSync(join(tmpdir(), 'transwire-media-')));

type Reply = { status?: number; type?: string; body: Buffer | string };
let server: Server;
let base: string;
const hits: string[] = [];
const routes: Record<string, Reply> = {
  '/lead.png': { type: 'image/png', body: '' },
  '/body.jpg': { type: 'image/jpeg', body: '' },
  '/same.jpg': { type: 'image/jpeg', body: '' },
  '/missing.png': { status: 404, type: 'text/plain', body: 'no' },
  '/page.html': { type: 'text/html', body: '<!doctype html><p>not an image</p>' },
  '/liar.png': { type: 'image/png', body: '<!doctype html><p>says png</p>' },
  '/evil.svg': { type: 'image/svg+xml', body: SVG },
  '/huge.png': { type: 'image/png', body: Buffer.concat([png(10, 10), Buffer.alloc(300_000)]) },
};

let db: Db;
let http: HttpClient;
let articleId: number;
const path = '/es/2026/11/puerto-con-imagenes';
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  routes['/lead.png']!.body = await solid(640, 360, 'png');
  routes['/body.jpg']!.body = await solid(1200, 800, 'jpeg');
  routes['/same.jpg']!.body = routes['/body.jpg']!.body;
  server = createServer((req, res) => {
    hits.push(req.url!);
    const r = routes[req.url!] ?? { status: 404, body: 'not found' };
    res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'text/plain' });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(base).host] });
  db = await openTestDb();

  const src = (await db.query<{ id: number }>(`INSERT INTO sources (url, name) VALUES ('https://gazette.example/feed', 'Gazette') RETURNING id`)).rows[0]!.id;
  const item = (await db.query<{ id: number }>(`INSERT INTO items (source_id, guid) VALUES ($1, 'g1') RETURNING id`, [src])).rows[0]!.id;
  const body = ['lead.png', 'body.jpg', 'missing.png', 'page.html', 'liar.png', 'evil.svg', 'huge.png']
    .map((f) => `<figure><img src="${base}/${f}" alt="${f}"><figcaption>${f}</figcaption></figure>`).join('') + '<p>The port opened.</p>';
  articleId = (await db.query<{ id: number }>(
    `INSERT INTO articles (item_id, source_id, url, title, lang, html, text, content_hash, image_url, image_caption)
     VALUES ($1, $2, $3, 'Port opens', 'en', $4, 'The port opened.', 'h1', $5, 'The harbour at dawn') RETURNING id`,
    [item, src, `${base}/story`, body, `${base}/lead.png`],
  )).rows[0]!.id;
  const tr = (await db.query<{ id: number }>(
    `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status, image_caption)
     VALUES ($1, 'es', 'Abre el puerto', $2, 'Abrió el puerto.', 'apertium', '1', '{}', 'publish', 'published', 'El puerto al amanecer') RETURNING id`,
    [articleId, body.replace('The port opened.', 'Abrió el puerto.')],
  )).rows[0]!.id;
  await db.query(`INSERT INTO publications (translation_id, article_id, lang, path) VALUES ($1, $2, 'es', $3)`, [tr, articleId, path]);
});
afterAll(async () => {
  await http.close();
  await db.close();
  await new Promise((r) => server.close(r));
});

describe('mirror-media job', () => {
  it('mirrors real images, records the rest, and queues the re-render of live pages', async () => {
    await createMirrorMediaHandler({ db, http, log, files, maxBytes: 100_000 })({ articleId });
    const rows = await listMediaSources(db, articleId);
    const by = Object.fromEntries(rows.map((r) => [r.url.slice(base.length + 1), r]));
    expect(by['lead.png']).toMatchObject({ role: 'lead', error: null });
    expect(by['body.jpg']).toMatchObject({ role: 'body', error: null });
    expect(by['lead.png']!.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const f of ['missing.png', 'page.html', 'liar.png', 'evil.svg', 'huge.png']) {
      expect(by[f]!.sha256, f).toBeNull();
      expect(by[f]!.error, f).toBeTruthy();
    }
    expect(by['missing.png']!.error).toContain('404');
    const jobs = await db.query<{ key: string; payload: { reason: string; lang: string } }>(`SELECT key, payload FROM jobs WHERE kind = 'render'`);
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]!.payload).toMatchObject({ lang: 'es', reason: 'correction' });
  });

  it('is idempotent: mirrored images are not fetched again', async () => {
    const before = hits.filter((h) => h === '/lead.png' || h === '/body.jpg').length;
    await createMirrorMediaHandler({ db, http, log, files, maxBytes: 100_000 })({ articleId });
    expect(hits.filter((h) => h === '/lead.png' || h === '/body.jpg').length).toBe(before);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM media')).rows[0]!.n).toBe(2);
  });

  it('fetches at most maxImages images', async () => {
    const item = (await db.query<{ id: number }>(`INSERT INTO items (source_id, guid) SELECT source_id, 'g2' FROM items LIMIT 1 RETURNING id`)).rows[0]!.id;
    const html = ['a', 'b', 'c', 'd'].map((x) => `<img src="${base}/same.jpg?${x}">`).join('');
    const id = (await db.query<{ id: number }>(
      `INSERT INTO articles (item_id, source_id, url, title, lang, html, text, content_hash) SELECT $1, source_id, $2, 't', 'en', $3, 't', 'h2' FROM items WHERE id = $1 RETURNING id`,
      [item, `${base}/story2`, html],
    )).rows[0]!.id;
    await createMirrorMediaHandler({ db, http, log, files, maxImages: 2 })({ articleId: id });
    expect((await listMediaSources(db, id)).map((r) => r.url.slice(-1))).toEqual(['a', 'b']);
    // The same bytes under two URLs are stored once.
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM media')).rows[0]!.n).toBe(2);
  });
});

describe('the article page shows mirrored images from the site itself', () => {
  it('renders the lead with size and caption, body images lazily, and drops what was not mirrored', async () => {
    const row = (await getArticleByPath(db, path))!;
    const view = { ...toArticle(row, await listAlternates(db, articleId), []), media: await mediaForArticle(db, articleId) };
    const html = renderArticle({ name: 'T', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' }, view);
    const lead = /<figure class="lead-image"><img src="(\/media\/[0-9a-f]{64}\.png)" alt="" width="640" height="360"[^>]*><figcaption>El puerto al amanecer<\/figcaption>/.exec(html);
    expect(lead).not.toBeNull();
    // Shared links show the 1200×630 copy.
    expect(html).toContain(`<meta property="og:image" content="https://news.example${lead![1]!.replace('.png', '-og.jpg')}">`);
    expect(html).toMatch(/<img src="\/media\/[0-9a-f]{64}\.jpg" alt="body.jpg" width="1200" height="800" loading="lazy" decoding="async" srcset="[^"]+-480\.webp 480w, [^"]+-960\.webp 960w, [^"]+-1200\.webp 1200w" sizes="[^"]+">/);
    // Nothing is loaded from the outlet's host; unmirrored figures and their captions are gone.
    expect(html).not.toMatch(/(src|srcset)="[^"]*127\.0\.0\.1/);
    for (const f of ['missing.png', 'page.html', 'liar.png', 'evil.svg', 'huge.png']) expect(html).not.toContain(`<figcaption>${f}`);
    // The body repeats the lead image: it is shown once, at the top.
    expect(html.split(`src="${lead![1]}"`).length - 1).toBe(1);
    expect(html).not.toContain('<figcaption>lead.png');
    expect(html).toContain('Abrió el puerto.');
  });

  it('without mirrored copies, external images stay dropped', async () => {
    const row = (await getArticleByPath(db, path))!;
    const html = renderArticle({ name: 'T', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' }, toArticle(row, [], []));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('lead-image');
  });

  it('keeps the page CSP strict: images from self only, no script source', () => {
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toMatch(/img-src 'self'( data:)?;/);
    expect(CSP).not.toMatch(/script-src|unsafe-inline|\*/);
  });
});

describe('/media/ route', () => {
  const route = () => mediaRoute(db, { files });
  const get = (p: string, headers: Record<string, string> = {}) => route().handle(new Request(`https://news.example${p}`, { headers }));

  it('serves the stored image, immutable, typed by its magic bytes, never sniffed', async () => {
    const { sha256 } = (await listMediaSources(db, articleId)).find((r) => r.url.endsWith('/lead.png'))!;
    const res = await get(`/media/${sha256}.png`);
    expect(res.status).toBe(200);
    expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({ format: 'png', width: 640, height: 360 });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    const etag = res.headers.get('etag')!;
    expect(etag).toBe(`"${sha256}"`);
    expect((await get(`/media/${sha256}.png`, { 'if-none-match': etag })).status).toBe(304);
  });

  it.each([
    ['unknown hash', `/media/${'0'.repeat(64)}.png`],
    ['wrong extension', 'LEAD.svg'],
    ['not a hash', '/media/../../etc/passwd'],
    ['no extension', `/media/${'a'.repeat(64)}`],
  ])('404 for %s', async (_name, p) => {
    let target = p;
    if (p === 'LEAD.svg') target = `/media/${(await listMediaSources(db, articleId)).find((r) => r.url.endsWith('/lead.png'))!.sha256}.svg`;
    expect((await get(target)).status).toBe(404);
  });
});
