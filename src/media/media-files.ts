import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where a mirrored image's files live, by name (see variants.ts): one small interface so the
 * folder can become object storage later without touching the job or the route.
 */
export interface MediaFiles {
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(name: string): Promise<Buffer | null>;
}

const SAFE_NAME = /^[0-9a-f]{64}(?:-[a-z0-9]+)?\.[a-z0-9]{2,5}$/;

/**
 * A folder on disk (`media.dir`). Files are spread over 256 subfolders by the hash's first two
 * digits, so no folder holds hundreds of thousands of names. Writes go to a temporary name and are
 * renamed into place: two processes making the same file never leave a half-written one.
 */
export function diskMediaFiles(dir: string): MediaFiles {
  const pathOf = (name: string) => {
    if (!SAFE_NAME.test(name)) throw new Error(`media: not a media file name: ${JSON.stringify(name)}`);
    return join(dir, name.slice(0, 2), name);
  };
  return {
    async put(name, bytes) {
      const path = pathOf(name);
      await mkdir(join(dir, name.slice(0, 2)), { recursive: true });
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(name) {
      try {
        return await readFile(pathOf(name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
