import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { STYLESHEET } from '../publish/assets.ts';
import type { NewPage, PageRow } from '../store/pages.ts';
import type { Rendered } from './build-page.ts';

/**
 * Pages written by other templates are rendered again on their next request: the version is a hash
 * of the renderers' source, so a deploy that changes a template needs no manual rebuild.
 */
export const RENDER_VERSION = templatesHash();

function templatesHash(): string {
  const hash = createHash('sha256').update(STYLESHEET.path);
  try {
    const dir = fileURLToPath(new URL('../publish/', import.meta.url));
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
    for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
  } catch {
    hash.update('r2'); // bundled without sources: the stylesheet's fingerprint is all we have
  }
  return hash.digest('base64url').slice(0, 16);
}

const BROTLI = (size: number) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: size, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
});
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function fields(r: Rendered, body: Buffer): Omit<NewPage, 'body' | 'gzip' | 'br'> {
  return {
    path: r.path,
    lang: r.lang,
    kind: r.kind,
    status: r.status,
    content_type: r.contentType,
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    last_modified: r.lastModified,
    render_version: RENDER_VERSION,
  };
}

/**
 * Compressed once, at render time, at the highest quality: a request only picks one. The work runs
 * on libuv's thread pool, so a render in the web process does not stall the requests it serves.
 */
export async function encodePage(r: Rendered): Promise<NewPage> {
  const body = Buffer.from(r.body, 'utf8');
  const [gz, br] = await Promise.all([gzipAsync(body, { level: 9 }), brotliAsync(body, BROTLI(body.length))]);
  return { ...fields(r, body), body, gzip: gz, br };
}

/** The same, synchronously: for the few built-in pages made at start (404, 500). */
export function encodePageSync(r: Rendered): NewPage {
  const body = Buffer.from(r.body, 'utf8');
  return { ...fields(r, body), body, gzip: gzipSync(body, { level: 9 }), br: brotliCompressSync(body, BROTLI(body.length)) };
}

/** One encoding of a page; `flat` is the headers as node:http's writeHead takes them fastest. */
export interface Variant {
  body: Buffer;
  headers: Record<string, string>;
  flat: string[];
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
  identity: Variant;
  gzip: Variant;
  br: Variant;
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

/**
 * Headers every answer of this site carries. HSTS when the public base URL is https: browsers
 * ignore it on plain http, so it is safe to send also behind a TLS proxy that talks http to us.
 */
export function siteHeaders(site: { baseUrl: string }): Record<string, string> {
  return site.baseUrl.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {};
}

export function cacheControl(kind: string, status: number): string {
  if (status >= 400 && status !== 410) return 'no-store';
  if (kind === 'article') return 'public, max-age=60, stale-while-revalidate=86400';
  if (kind === 'static') return 'public, max-age=3600, stale-while-revalidate=86400';
  return 'public, max-age=60, stale-while-revalidate=600';
}

function asBuffer(b: Uint8Array | null): Buffer {
  if (!b) return Buffer.alloc(0);
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export function toServed(row: PageRow | (NewPage & { version: number; rendered_at: Date }), extra: Record<string, string> = {}): ServedPage {
  const lastModified = (row.last_modified ? new Date(row.last_modified) : new Date()).toUTCString();
  const base: Record<string, string> = {
    'content-type': row.content_type,
    etag: row.etag ?? '',
    'last-modified': lastModified,
    'cache-control': cacheControl(row.kind, row.status),
    vary: 'Accept-Encoding',
    ...(row.lang ? { 'content-language': row.lang } : {}),
    ...securityHeaders(row.content_type),
    ...extra,
  };
  const variant = (body: Buffer, encoding: string | null): Variant => {
    const headers = { ...base, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}) };
    return { body, headers, flat: Object.entries(headers).flat() };
  };
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
