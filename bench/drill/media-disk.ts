/**
 * "The disk of the media folder full": a small tmpfs mounted over the media folder and filled
 * until ENOSPC, for the fault's length, then unmounted (the images written before are there
 * again). Needs root (mount); without it the fault is reported as not run, never faked.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function fillMediaDisk(dir: string): Promise<{ full: boolean; why: string; release(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  } catch (err) {
    return { full: false, why: `mount of a 64 KiB tmpfs refused (${(err as Error).message.split('\n')[0]})`, release: async () => undefined };
  }
  let written = 0;
  try {
    for (;;) {
      writeFileSync(join(dir, `filler-${written}`), Buffer.alloc(16 * 1024));
      written++;
    }
  } catch {
    // ENOSPC: full
  }
  return {
    full: true,
    why: `a 64 KiB tmpfs over ${dir}, filled with ${written} × 16 KiB until ENOSPC`,
    release: async () => {
      await run('umount', [dir]);
    },
  };
}

/** Unmounts the tmpfs if a drill that crashed mid-fault left it there. */
export async function releaseMediaDisk(dir: string): Promise<void> {
  if (readFileSync('/proc/mounts', 'utf8').split('\n').some((l) => l.split(' ')[1] === dir)) await run('umount', [dir]).catch(() => undefined);
}
