import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { STYLESHEET } from '../publish/assets.ts';
import type { NewPage, PageRow } from '../store/pages.ts';
import type { Rendered } from './build-page.ts';

/** Pages written by an older template are rendered again on their next request. */
export const RENDER_VERSION = `r1:${STYLESHEET.path}`;

/** Compressed once, at render time, at the highest quality: a request only picks one. */
export function encodePage(r: Rendered): NewPage {
  const body = Buffer.from(r.body, 'utf8');
  return {
    path: r.path,
    lang: r.lang,
    kind: r.kind,
    status: r.status,
    content_type: r.contentType,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    }),
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    last_modified: r.lastModified,
    render_version: RENDER_VERSION,
  };
}

/** A page ready to be served: bytes per encoding and their headers, built once. */
export interface ServedPage {
  path: string;
  kind: string;
  lang: string | null;
  status: number;
  version: number;
  renderedAt: number;
  etag: string;
  lastModified: string;
  lastModifiedMs: number;
  identity: { body: Buffer; headers: Record<string, string> };
  gzip: { body: Buffer; headers: Record<string, string> };
  br: { body: Buffer; headers: Record<string, string> };
  /** Headers of a 304. */
  notModified: Record<string, string>;
}

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function securityHeaders(contentType: string): Record<string, string> {
  const h: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };
  if (contentType.startsWith('text/html')) {
    h['content-security-policy'] = CSP;
    h['x-frame-options'] = 'DENY';
  }
  return h;
}

export function cacheControl(kind: string, status: number): string {
  if (status >= 400 && status !== 410) return 'no-store';
  if (kind === 'article') return 'public, max-age=300, stale-while-revalidate=86400';
  if (kind === 'static') return 'public, max-age=3600, stale-while-revalidate=86400';
  return 'public, max-age=60, stale-while-revalidate=600';
}

function asBuffer(b: Uint8Array | null): Buffer {
  if (!b) return Buffer.alloc(0);
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export function toServed(row: PageRow | (NewPage & { version: number; rendered_at: Date })): ServedPage {
  const lastModified = (row.last_modified ? new Date(row.last_modified) : new Date()).toUTCString();
  const base: Record<string, string> = {
    'content-type': row.content_type,
    etag: row.etag ?? '',
    'last-modified': lastModified,
    'cache-control': cacheControl(row.kind, row.status),
    vary: 'Accept-Encoding',
    ...(row.lang ? { 'content-language': row.lang } : {}),
    ...securityHeaders(row.content_type),
  };
  const variant = (body: Buffer, encoding: string | null) => ({
    body,
    headers: { ...base, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}) },
  });
  return {
    path: row.path,
    kind: row.kind,
    lang: row.lang,
    status: row.status,
    version: Number(row.version),
    renderedAt: new Date(row.rendered_at).getTime(),
    etag: row.etag ?? '',
    lastModified,
    lastModifiedMs: Date.parse(lastModified),
    identity: variant(asBuffer(row.body), null),
    gzip: variant(asBuffer(row.gzip), 'gzip'),
    br: variant(asBuffer(row.br), 'br'),
    notModified: { etag: base.etag!, 'last-modified': lastModified, 'cache-control': base['cache-control']!, vary: 'Accept-Encoding' },
  };
}
