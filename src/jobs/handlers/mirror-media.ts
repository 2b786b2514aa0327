import { createHash } from 'node:crypto';
import { errorMessage } from '../../domain/errors.ts';
import { FetchAbortedError, type HttpClient } from '../../fetch/index.ts';
import type { Logger } from '../../logger.ts';
import type { MediaFiles } from '../../media/media-files.ts';
import { ImageRejectedError, processImage } from '../../media/process-image.ts';
import { decodeAttributeEntities } from '../../shared/entities.ts';
import { resolveHttpUrl } from '../../shared/urls.ts';
import type { Db } from '../../store/db.ts';
import { listMediaSources, mediaByUrl, putMedia, recordMediaSource, sourceMediaBytesToday } from '../../store/media.ts';
import { JobQueue } from '../queue.ts';

export interface MirrorMediaDeps {
  db: Db;
  http: HttpClient;
  log: Logger;
  /** Where the image files go (media.dir). */
  files: MediaFiles;
  /** At most this many images per article (lead first). */
  maxImages?: number;
  /** Per image, as fetched. */
  maxBytes?: number;
  /** Per image, decoded (width × height): refuses decompression bombs before they are decoded. */
  maxPixels?: number;
  /** Per source, bytes as fetched over the last 24 hours: one outlet cannot fill the disk. */
  perSourceBytesPerDay?: number;
}

export interface SniffedImage {
  contentType: string;
  ext: string;
  width: number | null;
  height: number | null;
}

const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9';

/**
 * The raster formats a browser shows, told by their magic bytes (never by the remote header), with
 * their pixel size where the header holds it. SVG and everything else is null: SVG can carry script.
 */
export function sniffImage(b: Buffer): SniffedImage | null {
  const ascii = (from: number, to: number) => b.toString('latin1', from, to);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) {
    return { contentType: 'image/png', ext: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
    return { contentType: 'image/gif', ext: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    return { contentType: 'image/jpeg', ext: 'jpg', ...jpegSize(b) };
  }
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
    return { contentType: 'image/webp', ext: 'webp', ...webpSize(b) };
  }
  if (b.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) {
    const at = b.indexOf('ispe', 0, 'latin1');
    const ok = at > 0 && at + 16 <= b.length;
    return { contentType: 'image/avif', ext: 'avif', width: ok ? b.readUInt32BE(at + 8) : null, height: ok ? b.readUInt32BE(at + 12) : null };
  }
  return svgImage(b);
}

/**
 * SVG without script, event handlers or external references is accepted because pages only ever show it through <img>, where it cannot run script, and
 * the media route serves it with `Content-Security-Policy: sandbox` for anyone who opens it alone.
 */
function svgImage(b: Buffer): SniffedImage | null {
  const head = b.toString('utf8', 0, Math.min(b.length, 2048)).replace(/^\uFEFF/, '');
  // Anything that could run or fetch is refused outright rather than cleaned.
  if (/<script|<foreignObject|<iframe|<embed|<object|javascript:|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["']?(?!#)/i.test(b.toString('utf8'))) return null;
  const root = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b([^>]*)>/i.exec(head);
  if (!root) return null;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?([\\d.]+)(?:px)?["']?`, 'i').exec(root[1]!)?.[1];
  const viewBox = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root[1]!);
  const width = Number(attr('width') ?? viewBox?.[1]) || null;
  const height = Number(attr('height') ?? viewBox?.[2]) || null;
  return { contentType: 'image/svg+xml', ext: 'svg', width: width && Math.round(width), height: height && Math.round(height) };
}

function jpegSize(b: Buffer): { width: number | null; height: number | null } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry height then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  return { width: null, height: null };
}

function webpSize(b: Buffer): { width: number | null; height: number | null } {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const [b0, b1, b2, b3] = [b[21]!, b[22]!, b[23]!, b[24]!];
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0xf) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  return { width: null, height: null };
}

/**
 * The `src` of each image of an article body, in order, its character references decoded as HTML
 * decodes an attribute: the key a page looks its mirrored copy up by (render-article.ts reads the
 * attribute with the same decoder).
 */
export function bodyImageUrls(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => decodeAttributeEntities(m[1] ?? m[2] ?? '').trim());
}

/**
 * Mirrors an article's lead and body images so the site shows them from its own origin, then
 * queues the re-render of every live page of the article. An image that cannot be fetched or is
 * not an image is recorded and stays dropped; it never fails the article. Idempotent: URLs already
 * mirrored are not fetched again.
 */
export function createMirrorMediaHandler(deps: MirrorMediaDeps): (payload: { articleId: number }) => Promise<void> {
  const { db, http, log, files } = deps;
  const maxImages = deps.maxImages ?? 12;
  const maxBytes = deps.maxBytes ?? 10 * 1024 * 1024;
  const maxPixels = deps.maxPixels ?? 40_000_000;
  const perSourceBytesPerDay = deps.perSourceBytesPerDay ?? 500 * 1024 * 1024;

  async function fetchImage(url: string): Promise<{ sha256: string; size: number } | { error: string }> {
    let storing = false;
    try {
      const res = await http.get(url, { accept: ACCEPT, maxBytes });
      if (res.status !== 200) return { error: `HTTP ${res.status}` };
      const declared = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (declared && !declared.startsWith('image/') && declared !== 'application/octet-stream') return { error: `not an image (${declared})` };
      const sniffed = sniffImage(res.body);
      if (!sniffed) return { error: `unsupported image format (${declared || 'no content type'})` };
      // The header's size is read before anything is decoded: a few KB can claim a billion pixels.
      if (sniffed.width && sniffed.height && sniffed.width * sniffed.height > maxPixels) {
        return { error: `media: ${sniffed.width}×${sniffed.height} is more than media.maxPixels (${maxPixels})` };
      }
      const sha256 = createHash('sha256').update(res.body).digest('hex');
      const out = await processImage(res.body, sha256, sniffed.ext, { maxPixels });
      // Files first, then the row: a row always has its files (a crash between leaves only files).
      storing = true;
      for (const [name, bytes] of out.files) await files.put(name, bytes);
      await putMedia(db, { sha256, contentType: sniffed.contentType, ext: sniffed.ext, size: res.body.length, width: out.width ?? sniffed.width, height: out.height ?? sniffed.height });
      return { sha256, size: res.body.length };
    } catch (err) {
      if (err instanceof FetchAbortedError) throw err; // shutting down: the job is put back, nothing recorded
      if (err instanceof ImageRejectedError) return { error: err.message.slice(0, 500) };
      if (storing) throw err; // the media folder (full, not writable), not the image: the job retries
      return { error: errorMessage(err).slice(0, 500) };
    }
  }

  return async ({ articleId }) => {
    const { rows } = await db.query<{ url: string; image_url: string | null; html: string; source_id: number }>(
      'SELECT url, image_url, html, source_id FROM articles WHERE id = $1',
      [articleId],
    );
    const article = rows[0];
    if (!article) return;
    // Keyed by the URL as the page names it; fetched from where it resolves.
    const wanted = new Map<string, { role: 'lead' | 'body'; fetchUrl: string }>();
    const want = (src: string, role: 'lead' | 'body') => {
      const fetchUrl = resolveHttpUrl(src, article.url);
      if (src && fetchUrl && !wanted.has(src)) wanted.set(src, { role, fetchUrl });
    };
    if (article.image_url) want(article.image_url, 'lead');
    for (const src of bodyImageUrls(article.html)) want(src, 'body');
    const urls = [...wanted.keys()].slice(0, maxImages);

    const done = new Set((await listMediaSources(db, articleId)).filter((r) => r.sha256).map((r) => r.url));
    const known = await mediaByUrl(db, urls.filter((u) => !done.has(u)));
    let mirrored = 0;
    let budget = perSourceBytesPerDay - (await sourceMediaBytesToday(db, article.source_id));
    for (const url of urls) {
      if (done.has(url)) continue;
      const { role, fetchUrl } = wanted.get(url)!;
      const already = known.get(url);
      // The same image named by another article: reuse its bytes. Past the source's daily
      // budget nothing more is fetched; the next mirroring of the article tries again.
      const result = already
        ? { sha256: already.path.slice('/media/'.length).split('.')[0]! }
        : budget <= 0
          ? { error: `media: the source's images reached media.perSourceBytesPerDay (${perSourceBytesPerDay} bytes)` }
          : await fetchImage(fetchUrl);
      if ('size' in result) budget -= result.size;
      const sha256 = 'sha256' in result ? result.sha256 : null;
      const error = 'error' in result ? result.error : null;
      await recordMediaSource(db, { articleId, url, role, sha256, error });
      if (sha256) mirrored++;
      else log.info({ article_id: articleId, url, error }, 'image not mirrored');
    }
    if (!mirrored) return;
    // The pages already showing the article were rendered without these images.
    await db.transaction(async (tx) => {
      const pubs = await tx.query<{ id: number; lang: string }>(
        `SELECT id, lang FROM publications WHERE article_id = $1 AND status = 'live'`,
        [articleId],
      );
      for (const p of pubs.rows) {
        await JobQueue.enqueue(tx, {
          kind: 'render',
          key: `render:${p.lang}:${p.id}`,
          payload: { lang: p.lang, publicationId: p.id, reason: 'correction' },
        });
      }
    });
    log.info({ article_id: articleId, mirrored, of: urls.length }, 'images mirrored');
  };
}
