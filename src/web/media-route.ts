import { LruCache } from '../shared/lru-cache.ts';
import type { Db } from '../store/db.ts';
import { getMedia, type MediaRow } from '../store/media.ts';
import { materializeMedia } from '../media/materialize-media.ts';
import type { MediaFiles } from '../media/media-files.ts';
import { contentTypeOf, fileNames, parseMediaName, type MediaName } from '../media/variants.ts';
import type { Route } from './start-web-server.ts';

interface Entry {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A mirrored image is never a document: no script, no plugin, no framing, even if a browser were
 * talked into rendering one as a page.
 */
export const MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface MediaRouteOptions {
  files: MediaFiles;
  /** media.maxPixels: the limit when an old row's bytes are converted on first request. */
  maxPixels?: number;
  cacheBytes?: number;
}

/**
 * Serves the files of variants.ts from the media folder: `/media/{sha256}.{ext}` (the original,
 * metadata stripped), `-{width}.webp` and `-og.jpg`. Names hold the content's hash, so the bytes
 * never change and are cached for a year. An image mirrored before the folder existed is converted
 * on its first request (its bytes then leave the database).
 */
export function mediaRoute(db: Db, opts: MediaRouteOptions): Route {
  const { files } = opts;
  const limits = { maxPixels: opts.maxPixels ?? 40_000_000 };
  // Reading a file costs a syscall or two; recently served images are kept in memory.
  const budget = opts.cacheBytes ?? 32 * 1024 * 1024;
  const cache = new LruCache<string, Entry>(Infinity, { max: budget, of: (e) => e.bytes.length });
  // One conversion per image at a time, however many requests ask for its copies at once.
  const converting = new Map<string, Promise<MediaRow | null>>();

  async function read(file: string, name: MediaName): Promise<Entry | null> {
    const ext = file.slice(file.lastIndexOf('.') + 1);
    const entry = (bytes: Uint8Array): Entry => ({ contentType: contentTypeOf(ext)!, bytes: Uint8Array.from(bytes) });
    const onDisk = await files.get(file);
    if (onDisk) return entry(onDisk);
    const row = await getMedia(db, name.sha256);
    // Only the row's own files are made, never one any request names.
    if (!row || !fileNames(name.sha256, row.ext, row.width).includes(file)) return null;
    let pending = converting.get(name.sha256);
    if (!pending) {
      pending = materializeMedia(db, files, name.sha256, limits).finally(() => converting.delete(name.sha256));
      converting.set(name.sha256, pending);
    }
    const after = await pending;
    const made = await files.get(file);
    if (made) return entry(made);
    // An old row no decoder reads: its bytes as they were stored, as before the folder existed.
    return name.kind === 'original' && after?.bytes ? entry(after.bytes) : null;
  }

  async function load(file: string, name: MediaName): Promise<Entry | null> {
    const hit = cache.get(file);
    if (hit) return hit;
    const entry = await read(file, name);
    // One large image does not push out the many small ones.
    if (entry && entry.bytes.length <= budget / 4) cache.set(file, entry);
    return entry;
  }

  return {
    method: 'GET',
    prefix: '/media/',
    async handle(req) {
      const file = new URL(req.url).pathname.slice('/media/'.length);
      const name = parseMediaName(file);
      const etag = name ? `"${file.slice(0, file.lastIndexOf('.'))}"` : '';
      // The name holds the content's hash: a client holding it holds these very bytes.
      const inm = req.headers.get('if-none-match');
      if (name && inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return new Response(null, { status: 304, headers: { etag, 'cache-control': IMMUTABLE } });
      }
      const entry = name ? await load(file, name) : null;
      if (!entry) {
        return new Response('Not found', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60', 'x-content-type-options': 'nosniff', 'content-security-policy': MEDIA_CSP },
        });
      }
      const headers: Record<string, string> = {
        'content-type': entry.contentType,
        'cache-control': IMMUTABLE,
        etag,
        'x-content-type-options': 'nosniff',
        'content-security-policy': MEDIA_CSP,
        'content-length': String(entry.bytes.length),
      };
      return new Response(entry.bytes, { status: 200, headers });
    },
  };
}
