import type { Db } from '../store/db.ts';
import { getMedia, markMediaMoved, type MediaRow } from '../store/media.ts';
import type { MediaFiles } from './media-files.ts';
import { ImageRejectedError, processImage, type ImageLimits } from './process-image.ts';
import { originalName } from './variants.ts';

/**
 * Makes the files of one image that the folder lacks: from the row's bytes for an image mirrored
 * before the media folder existed (then the bytes leave the database: migration 094), or from the
 * stored original when a copy was deleted. Returns the row as it now is; null when there is none.
 * An old row whose bytes no decoder reads keeps them: the route serves them as they are.
 */
export async function materializeMedia(db: Db, files: MediaFiles, sha256: string, limits: ImageLimits): Promise<MediaRow | null> {
  const row = await getMedia(db, sha256);
  if (!row) return null;
  const inRow = row.bytes ? Buffer.from(row.bytes) : null;
  const source = inRow ?? (await files.get(originalName(sha256, row.ext)));
  if (!source) return row;
  let out;
  try {
    out = await processImage(source, sha256, row.ext, limits);
  } catch (err) {
    if (err instanceof ImageRejectedError) return row;
    throw err;
  }
  for (const [name, bytes] of out.files) {
    // The stored original is already stripped: encoding it again would only lose quality.
    if (!inRow && name === originalName(sha256, row.ext)) continue;
    await files.put(name, bytes);
  }
  const size = { width: out.width ?? row.width, height: out.height ?? row.height };
  if (inRow) await markMediaMoved(db, sha256, size);
  return { ...row, ...size, bytes: null };
}
