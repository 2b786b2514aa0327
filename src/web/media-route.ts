import type { Db } from '../store/db.ts';
import { getMedia } from '../store/media.ts';

interface Entry {
  contentType: string;
  ext: string;
  bytes: Uint8Array<ArrayBuffer>;
}
import type { Route } from './web-types.ts';

const NAME = /^\/media\/([0-9a-f]{64})\.([a-z0-9]{2,5})$/;

/**
 * A mirrored image is never a document: no script, no plugin, no framing, even if a browser were
 * talked into rendering one as a page.
 */
export const MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/**
 * Serves `/media/{sha256}.{ext}`: the name is the content's hash, so the bytes never change and may
 * be cached for a year; the type is the one the magic bytes told at mirroring time.
 */
export function mediaRoute(db: Db, opts: { cacheBytes?: number } = {}): Route {
  // Reading a bytea row costs milliseconds (PGlite); recently served images are kept in memory.
  const cache = new Map<string, Entry>();
  const budget = opts.cacheBytes ?? 32 * 1024 * 1024;
  let held = 0;
  async function load(sha: string): Promise<Entry | null> {
    const hit = cache.get(sha);
    if (hit) {
      cache.delete(sha); // most recently used last
      cache.set(sha, hit);
      return hit;
    }
    const row = await getMedia(db, sha);
    if (!row) return null;
    const entry: Entry = { contentType: row.content_type, ext: row.ext, bytes: Uint8Array.from(row.bytes) };
    if (entry.bytes.length <= budget / 4) {
      cache.set(sha, entry);
      held += entry.bytes.length;
      for (const [key, old] of cache) {
        if (held <= budget) break;
        cache.delete(key);
        held -= old.bytes.length;
      }
    }
    return entry;
  }
  return {
    method: 'GET',
    prefix: '/media/',
    async handle(req) {
      const m = NAME.exec(new URL(req.url).pathname);
      const etag = m ? `"${m[1]}"` : '';
      // The name is the content's hash: a client holding it holds these very bytes.
      const inm = req.headers.get('if-none-match');
      if (m && inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return new Response(null, { status: 304, headers: { etag, 'cache-control': 'public, max-age=31536000, immutable' } });
      }
      const entry = m ? await load(m[1]!) : null;
      if (!entry || entry.ext !== m![2]) {
        return new Response('Not found', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60', 'x-content-type-options': 'nosniff', 'content-security-policy': MEDIA_CSP },
        });
      }
      const headers: Record<string, string> = {
        'content-type': entry.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        etag,
        'x-content-type-options': 'nosniff',
        'content-security-policy': MEDIA_CSP,
      };
      return new Response(entry.bytes, { status: 200, headers: { ...headers, 'content-length': String(entry.bytes.length) } });
    },
  };
}
