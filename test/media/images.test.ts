import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { createMirrorMediaHandler } from '../../src/jobs/handlers/mirror-media.ts';
import { createLogger } from '../../src/logger.ts';
import { diskMediaFiles } from '../../src/media/media-files.ts';
import { ImageRejectedError, processImage } from '../../src/media/process-image.ts';
import { renderCard } from '../../src/publish/render-cards.ts';
import type { Db } from '../../src/store/db.ts';
import { listMediaSources, putMedia } from '../../src/store/media.ts';
import { mediaRoute } from '../../src/web/media-route.ts';
import { openTestDb } from '../helpers/test-db.ts';

const LIMITS = { maxPixels: 40_000_000 };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A photo-like image: a gradient, so encoders have something to do. */
async function photo(width: number, height: number, opts: { exifOrientation?: number } = {}): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i % (width * 3)) % 256;
  let img = sharp(raw, { raw: { width, height, channels: 3 } });
  if (opts.exifOrientation) {
    img = img.withMetadata({ orientation: opts.exifOrientation }).withExif({ IFD0: { Make: 'SpyCam', Model: 'GPS-1000', Copyright: 'someone' } });
  }
  return img.jpeg({ quality: 80 }).toBuffer();
}

describe('processImage', { timeout: 60_000 }, () => {
  it('makes WebP copies at the standard widths below the original, and its own width capped at 1920', async () => {
    const bytes = await photo(2400, 1200);
    const out = await processImage(bytes, sha(bytes), 'jpg', LIMITS);
    const names = [...out.files.keys()].map((n) => n.slice(64));
    expect(names.sort()).toEqual(['-1440.webp', '-1920.webp', '-480.webp', '-960.webp', '-og.jpg', '.jpg'].sort());
    for (const [name, b] of out.files) {
      const meta = await sharp(b).metadata();
      const w = /-(\d+)\.webp$/.exec(name)?.[1];
      if (w) expect(meta, name).toMatchObject({ format: 'webp', width: Number(w), height: Number(w) / 2 });
    }
    expect(await sharp(out.files.get(`${sha(bytes)}.jpg`)!).metadata()).toMatchObject({ format: 'jpeg', width: 2400, height: 1200 });
  });

  it('makes a 1200×630 JPEG for og:image, whatever the shape of the original', async () => {
    const bytes = await photo(500, 900);
    const out = await processImage(bytes, sha(bytes), 'jpg', LIMITS);
    expect(await sharp(out.files.get(`${sha(bytes)}-og.jpg`)!).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect([...out.files.keys()].filter((n) => n.endsWith('.webp')).map((n) => n.slice(65))).toEqual(['480.webp', '500.webp']);
  });

  it('strips EXIF (camera, GPS, copyright) from every file and turns the picture upright', async () => {
    const bytes = await photo(800, 400, { exifOrientation: 6 });
    const before = await sharp(bytes).metadata();
    expect(before.exif).toBeDefined(); // the test image does carry EXIF
    expect(before.exif!.toString('latin1')).toContain('SpyCam');
    const out = await processImage(bytes, sha(bytes), 'jpg', LIMITS);
    // Orientation 6: a quarter turn, so the page's width and height swap.
    expect({ width: out.width, height: out.height }).toEqual({ width: 400, height: 800 });
    for (const [name, b] of out.files) {
      const meta = await sharp(b).metadata();
      expect(meta.exif, name).toBeUndefined();
      expect(meta.orientation ?? 1, name).toBe(1);
      expect(b.toString('latin1').includes('SpyCam'), name).toBe(false);
    }
  });

  it('refuses a decompression bomb: more pixels than media.maxPixels, before decoding them', async () => {
    // 5000×5000 of one colour: a few KB of PNG, 25 million pixels.
    const bomb = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(bomb.length).toBeLessThan(200_000);
    await expect(processImage(bomb, sha(bomb), 'png', { maxPixels: 10_000_000 })).rejects.toThrow(ImageRejectedError);
    await expect(processImage(bomb, sha(bomb), 'png', { maxPixels: 10_000_000 })).rejects.toThrow(/pixel/);
  });

  it('refuses bytes no decoder reads', async () => {
    const junk = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]);
    await expect(processImage(junk, sha(junk), 'jpg', LIMITS)).rejects.toThrow(ImageRejectedError);
  });
});

describe('cards', () => {
  it('offer the WebP copies with srcset and sizes', () => {
    const path = `/media/${'a'.repeat(64)}.jpg`;
    const card = { id: 1, path: '/es/x', lang: 'es', title: 'T', excerpt: null, publishedAt: new Date(), updatedAt: new Date(), outlet: null, sourceSlug: null, category: null, topicSlug: null, imageUrl: 'https://x/a.jpg', leadImage: { path, width: 1200, height: 675 }, flagged: false };
    const html = renderCard('es', card, 'h2');
    expect(html).toContain(`srcset="/media/${'a'.repeat(64)}-480.webp 480w, /media/${'a'.repeat(64)}-960.webp 960w, /media/${'a'.repeat(64)}-1200.webp 1200w"`);
    expect(html).toMatch(/sizes="[^"]*rem[^"]*"/);
    expect(html).toContain(`src="${path}"`);
  });
});

describe('the mirror job and the media route', { timeout: 120_000 }, () => {
  let db: Db;
  let http: HttpClient;
  let server: Server;
  let base: string;
  let sourceId: number;
  const dir = mkdtempSync(join(tmpdir(), 'transwire-media-'));
  const files = diskMediaFiles(dir);
  const log = createLogger({ level: 'silent' });
  const served: Record<string, Buffer> = {};

  beforeAll(async () => {
    served['/a.jpg'] = await photo(1600, 900, { exifOrientation: 1 });
    served['/b.jpg'] = await photo(1000, 500);
    // A PNG header that claims 100000×100000 pixels: refused from the header alone.
    const claim = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
    claim.writeUInt32BE(100_000, 16);
    claim.writeUInt32BE(100_000, 20);
    served['/bomb.png'] = claim;
    server = createServer((req, res) => {
      const body = served[req.url!];
      res.writeHead(body ? 200 : 404, { 'content-type': 'image/jpeg' });
      res.end(body ?? 'no');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(base).host] });
    db = await openTestDb();
    sourceId = (await db.query<{ id: number }>(`INSERT INTO sources (url, name) VALUES ('https://g.example/feed', 'G') RETURNING id`)).rows[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await http?.close();
    await db?.close();
    await new Promise((r) => server.close(r));
  });

  async function article(guid: string, images: string[]): Promise<number> {
    const item = (await db.query<{ id: number }>(`INSERT INTO items (source_id, guid) VALUES ($1, $2) RETURNING id`, [sourceId, guid])).rows[0]!.id;
    const html = images.map((i) => `<img src="${base}${i}">`).join('') + '<p>x</p>';
    return (await db.query<{ id: number }>(
      `INSERT INTO articles (item_id, source_id, url, title, lang, html, text, content_hash) VALUES ($1, $2, $3, 't', 'en', $4, 'x', $5) RETURNING id`,
      [item, sourceId, `${base}/${guid}`, html, guid],
    )).rows[0]!.id;
  }

  it('keeps the image bytes on disk, not in the database, and records the upright size', async () => {
    const id = await article('s1', ['/a.jpg', '/bomb.png']);
    await createMirrorMediaHandler({ db, http, log, files })({ articleId: id });
    const rows = await listMediaSources(db, id);
    const a = rows.find((r) => r.url.endsWith('/a.jpg'))!;
    expect(a.sha256).toBe(sha(served['/a.jpg']!));
    const media = (await db.query<{ bytes: unknown; size: number; width: number; height: number }>('SELECT bytes, size, width, height FROM media WHERE sha256 = $1', [a.sha256])).rows[0]!;
    expect(media).toMatchObject({ bytes: null, size: served['/a.jpg']!.length, width: 1600, height: 900 });
    for (const suffix of ['.jpg', '-480.webp', '-960.webp', '-1440.webp', '-1600.webp', '-og.jpg']) {
      expect(existsSync(join(dir, a.sha256!.slice(0, 2), `${a.sha256}${suffix}`)), suffix).toBe(true);
    }
    const bomb = rows.find((r) => r.url.endsWith('/bomb.png'))!;
    expect(bomb.sha256).toBeNull();
    expect(bomb.error).toMatch(/100000×100000 is more than media\.maxPixels/);
  });

  it('serves the copies by name, typed, and 404 for a width that was never made', async () => {
    const route = mediaRoute(db, { files });
    const name = sha(served['/a.jpg']!);
    const get = (p: string) => route.handle(new Request(`https://site.example/media/${p}`));
    const webp = await get(`${name}-960.webp`);
    expect(webp.status).toBe(200);
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(Buffer.from(await webp.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 960 });
    const og = await get(`${name}-og.jpg`);
    expect(await sharp(Buffer.from(await og.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect((await get(`${name}-700.webp`)).status).toBe(404);
    expect((await get(`${name}-960.png`)).status).toBe(404);
  });

  it('fails the job (to be retried) when the media folder cannot be written, recording nothing against the image', async () => {
    const id = await article('s3', ['/b.jpg']);
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    const broken = diskMediaFiles(join(notAFolder, 'media'));
    await expect(createMirrorMediaHandler({ db, http, log, files: broken })({ articleId: id })).rejects.toThrow(/ENOTDIR|not a directory/);
    expect(await listMediaSources(db, id)).toEqual([]);
  });

  it('stops fetching for a source past media.perSourceBytesPerDay', async () => {
    const id = await article('s2', ['/b.jpg']);
    await createMirrorMediaHandler({ db, http, log, files, perSourceBytesPerDay: 1000 })({ articleId: id });
    const [b] = await listMediaSources(db, id);
    expect(b).toMatchObject({ sha256: null });
    expect(b!.error).toMatch(/perSourceBytesPerDay/);
  });

  it('moves an image stored in the database (before migration 094) to disk on its first request', async () => {
    const old = await photo(700, 350);
    const h = sha(old);
    await putMedia(db, { sha256: h, contentType: 'image/jpeg', ext: 'jpg', bytes: old, width: 700, height: 350 });
    const route = mediaRoute(db, { files });
    const res = await route.handle(new Request(`https://site.example/media/${h}-480.webp`));
    expect(res.status).toBe(200);
    expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 480 });
    expect((await db.query('SELECT 1 FROM media WHERE sha256 = $1 AND bytes IS NULL', [h])).rows).toHaveLength(1);
    expect(existsSync(join(dir, h.slice(0, 2), `${h}.jpg`))).toBe(true);
  });
});
