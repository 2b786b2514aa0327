import sharp, { type Metadata } from 'sharp';
import { OG_SIZE, isRaster, ogName, originalName, variantName, variantWidths } from './variants.ts';

export interface ImageLimits {
  /** Decoded pixels (width × height, every frame counted once): a few KB of PNG can claim billions. */
  maxPixels: number;
}

export interface ProcessedImage {
  /** Size of the original after EXIF rotation: what the page's width/height must say. */
  width: number | null;
  height: number | null;
  /** File name → bytes, every file of the image (variants.ts names). */
  files: Map<string, Buffer>;
}

/** An image refused or not decodable: recorded on the media source, never retried. */
export class ImageRejectedError extends Error {
  constructor(message: string) {
    super(`media: ${message}`);
    this.name = 'ImageRejectedError';
  }
}

const WEBP = { quality: 78, effort: 4 } as const;

/**
 * The files one fetched image becomes: the original re-encoded in its own format without metadata
 * (EXIF carries GPS positions and camera serials; sharp drops it unless asked to keep it), turned
 * upright by its EXIF orientation; WebP copies at the widths of variantWidths; a 1200×630 JPEG
 * for og:image. AVIF copies are not made: they took 2–3× WebP's time for the same widths on this
 * machine (README). SVG is kept as fetched (mirror-media refused the unsafe ones).
 */
export async function processImage(bytes: Buffer, sha256: string, ext: string, limits: ImageLimits): Promise<ProcessedImage> {
  if (!isRaster(ext)) return { width: null, height: null, files: new Map([[originalName(sha256, ext), bytes]]) };
  const animated = ext === 'gif' || ext === 'webp';
  const input = () => sharp(bytes, { limitInputPixels: limits.maxPixels, animated, failOn: 'error' }).rotate();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: limits.maxPixels, animated }).metadata();
  } catch (err) {
    throw new ImageRejectedError(`not a decodable image (${(err as Error).message})`);
  }
  const frameHeight = meta.pageHeight ?? meta.height;
  if (!meta.width || !frameHeight) throw new ImageRejectedError('image without a size');
  if (meta.width * (meta.height ?? frameHeight) > limits.maxPixels) {
    throw new ImageRejectedError(`${meta.width}×${meta.height} is more than media.maxPixels (${limits.maxPixels})`);
  }
  // Orientations 5–8 turn the picture a quarter: width and height swap.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? frameHeight : meta.width;
  const height = turned ? meta.width : frameHeight;
  try {
    const format = ext === 'jpg' ? 'jpeg' : (ext as 'png' | 'gif' | 'webp' | 'avif');
    const jobs: Array<Promise<[string, Buffer]>> = [
      input().toFormat(format, format === 'jpeg' ? { quality: 88, mozjpeg: true } : {}).toBuffer().then((b) => [originalName(sha256, ext), b]),
      ...variantWidths(width, ext).map((w) =>
        input().resize({ width: w, withoutEnlargement: true }).webp(WEBP).toBuffer().then((b): [string, Buffer] => [variantName(sha256, w), b])),
      sharp(bytes, { limitInputPixels: limits.maxPixels }).rotate()
        .resize(OG_SIZE.width, OG_SIZE.height, { fit: 'cover', position: sharp.strategy.attention })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer()
        .then((b): [string, Buffer] => [ogName(sha256), b]),
    ];
    return { width, height, files: new Map(await Promise.all(jobs)) };
  } catch (err) {
    throw new ImageRejectedError(`could not convert the image (${(err as Error).message})`);
  }
}
