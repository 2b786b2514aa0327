import type { Db } from '../store/db.ts';
import { getMedia } from '../store/media.ts';
import type { Route } from './start-web-server.ts';

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
export function mediaRoute(db: Db): Route {
  return {
    method: 'GET',
    prefix: '/media/',
    async handle(req) {
      const m = NAME.exec(new URL(req.url).pathname);
      const row = m ? await getMedia(db, m[1]!) : null;
      if (!row || row.ext !== m![2]) {
        return new Response('Not found', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60', 'x-content-type-options': 'nosniff', 'content-security-policy': MEDIA_CSP },
        });
      }
      const etag = `"${row.sha256}"`;
      const headers: Record<string, string> = {
        'content-type': row.content_type,
        'cache-control': 'public, max-age=31536000, immutable',
        etag,
        'x-content-type-options': 'nosniff',
        'content-security-policy': MEDIA_CSP,
      };
      const inm = req.headers.get('if-none-match');
      if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
      const bytes = Buffer.from(row.bytes);
      return new Response(bytes, { status: 200, headers: { ...headers, 'content-length': String(bytes.length) } });
    },
  };
}
