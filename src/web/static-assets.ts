import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ASSETS } from '../publish/assets.ts';
import { toServed, type ServedPage } from './encode-page.ts';

/** Fingerprinted assets, compressed once at start; their URLs change with their content. */
export function loadAssets(extra: Record<string, string> = {}): Map<string, ServedPage> {
  const map = new Map<string, ServedPage>();
  const started = new Date();
  for (const a of ASSETS) {
    const body = Buffer.from(a.body, 'utf8');
    const page = toServed({
      path: a.path, lang: null, kind: 'asset', status: 200, content_type: a.contentType,
      body, gzip: gzipSync(body, { level: 9 }), br: brotliCompressSync(body),
      etag: `"${a.path.split('.').at(-2)}"`, last_modified: started, render_version: '', version: 0, rendered_at: started,
    }, extra);
    for (const v of [page.identity, page.gzip, page.br]) {
      v.headers['cache-control'] = 'public, max-age=31536000, immutable';
      v.flat = Object.entries(v.headers).flat();
    }
    page.notModified['cache-control'] = 'public, max-age=31536000, immutable';
    map.set(a.path, page);
  }
  return map;
}
