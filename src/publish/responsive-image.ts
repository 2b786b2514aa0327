import { ogImagePath, srcsetOf, type MediaImage } from '../media/variants.ts';
import { esc } from './html.ts';

/** How wide an image is shown, for the browser to pick its copy before the stylesheet is read (assets.ts). */
export const SIZES = {
  /** article.story is at most 44rem, inside the 1.25rem gutters of .wrap. */
  article: '(min-width: 46.5rem) 44rem, calc(100vw - 2.5rem)',
  /** The lead card's picture: 3/5 of the 72rem column from 48rem up. */
  leadCard: '(min-width: 74.5rem) 42rem, (min-width: 48rem) 58vw, calc(100vw - 2.5rem)',
  /** Cards of the grid: columns of 16rem or more. */
  card: '(min-width: 48rem) 24rem, calc(100vw - 2.5rem)',
} as const;

/** ` srcset="…" sizes="…"` for a mirrored image's WebP copies; '' when it has none (SVG, unknown size). */
export function responsiveAttrs(img: MediaImage, sizes: string): string {
  const srcset = srcsetOf(img);
  return srcset ? ` srcset="${esc(srcset)}" sizes="${esc(sizes)}"` : '';
}

/** The picture a shared link shows: the 1200×630 copy of a mirrored image, else the image itself. */
export const shareImagePath = (img: MediaImage): string => ogImagePath(img) ?? img.path;
