/**
 * The files one mirrored image becomes, by name, so the renderer, the media route and the mirror
 * job agree without asking the database: `{sha256}.{ext}` (the original, metadata stripped),
 * `{sha256}-{width}.webp` (the widths of `variantWidths`) and `{sha256}-og.jpg` (1200×630, for
 * og:image). The sha256 is the hash of the bytes as fetched: the key a second URL is matched on.
 */

/** Widths a browser picks from (srcset): a phone, a laptop column, a wide or 2× screen. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;
/** The widest copy made; larger originals are only ever shown scaled down. */
export const MAX_VARIANT_WIDTH = 1920;
/** What Facebook, LinkedIn and X crop a shared link's picture to (1.91:1). */
export const OG_SIZE = { width: 1200, height: 630 } as const;

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
};

export const contentTypeOf = (ext: string): string | null => CONTENT_TYPES[ext] ?? null;

/** Vector images scale by themselves: they get no resized copies and no og:image. */
export const isRaster = (ext: string): boolean => ext !== 'svg' && ext in CONTENT_TYPES;

/** The WebP widths made for an image `width` pixels wide: the standard ones below it, and its own (capped). */
export function variantWidths(width: number | null, ext: string): number[] {
  if (!width || width < 1 || !isRaster(ext)) return [];
  const top = Math.min(width, MAX_VARIANT_WIDTH);
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < top);
  widths.push(top);
  return widths;
}

export const originalName = (sha256: string, ext: string): string => `${sha256}.${ext}`;
export const variantName = (sha256: string, width: number): string => `${sha256}-${width}.webp`;
export const ogName = (sha256: string): string => `${sha256}-og.jpg`;

/** Every file an image has in the media folder. */
export function fileNames(sha256: string, ext: string, width: number | null): string[] {
  const names = [originalName(sha256, ext), ...variantWidths(width, ext).map((w) => variantName(sha256, w))];
  if (isRaster(ext) && width) names.push(ogName(sha256));
  return names;
}

export type MediaName =
  | { kind: 'original'; sha256: string; ext: string }
  | { kind: 'variant'; sha256: string; width: number }
  | { kind: 'og'; sha256: string };

const NAME = /^([0-9a-f]{64})(?:-(\d{2,4}|og))?\.([a-z0-9]{2,5})$/;

/** Reads a file name back; null for anything this scheme never writes (the route answers 404). */
export function parseMediaName(name: string): MediaName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, sha256, suffix, ext] = m as unknown as [string, string, string | undefined, string];
  if (suffix === undefined) return contentTypeOf(ext) ? { kind: 'original', sha256, ext } : null;
  if (suffix === 'og') return ext === 'jpg' ? { kind: 'og', sha256 } : null;
  return ext === 'webp' ? { kind: 'variant', sha256, width: Number(suffix) } : null;
}

/** A local image as the pages name it: `/media/{sha256}.{ext}` and its pixel size. */
export interface MediaImage {
  path: string;
  width: number | null;
  height: number | null;
}

const PATH = /^\/media\/([0-9a-f]{64})\.([a-z0-9]{2,5})$/;

/** `srcset` of a mirrored image's WebP copies; '' for images that have none (SVG, unknown size, not mirrored). */
export function srcsetOf(img: MediaImage): string {
  const m = PATH.exec(img.path);
  if (!m) return '';
  return variantWidths(img.width, m[2]!).map((w) => `/media/${variantName(m[1]!, w)} ${w}w`).join(', ');
}

/** The 1200×630 copy for og:image, when the image is a mirrored raster one. */
export function ogImagePath(img: MediaImage): string | null {
  const m = PATH.exec(img.path);
  return m && isRaster(m[2]!) && img.width ? `/media/${ogName(m[1]!)}` : null;
}
