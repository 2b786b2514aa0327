import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PermanentError } from '../domain/errors.ts';

const run = promisify(execFile);

/**
 * A backup file: a gzipped tar of `manifest.json`, the database (`database.tar.gz`, PGlite's own
 * dump of its folder, or `database.pgdump`, pg_dump's custom format) and `media/`, the media
 * folder as it is on disk. Plain tar, so an operator can look inside with `tar -tzf`.
 */
export interface BackupManifest {
  format: 1;
  transwire: string;
  database: 'pglite' | 'postgres';
  createdAt: string;
}

export const DATABASE_FILE = { pglite: 'database.tar.gz', postgres: 'database.pgdump' } as const;

/** A temporary folder laid out as the archive; `pack` writes it to `file`. */
export function stagingFolder(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'transwire-backup-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function pack(dir: string, manifest: BackupManifest, mediaDir: string, file: string): Promise<void> {
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(join(dir, 'media'), { recursive: true });
  if (existsSync(mediaDir)) cpSync(mediaDir, join(dir, 'media'), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
  const out = resolve(file);
  // Written beside the target and renamed: a failed backup never leaves a truncated file under its name.
  await run('tar', ['-czf', `${out}.partial`, '-C', dir, '.']);
  await run('mv', ['-f', `${out}.partial`, out]);
}

export async function unpack(file: string, dir: string): Promise<BackupManifest> {
  if (!existsSync(file)) throw new PermanentError(`restore: ${file} does not exist`, 'restore_no_file');
  await run('tar', ['-xzf', resolve(file), '-C', dir]).catch((err: Error) => {
    throw new PermanentError(`restore: ${file} is not a transwire backup (tar: ${err.message.split('\n')[1] ?? err.message})`, 'restore_bad_file');
  });
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new PermanentError(`restore: ${file} has no manifest.json: not a transwire backup`, 'restore_bad_file');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new PermanentError(`restore: backup format ${String(manifest.format)} is not one this version reads`, 'restore_bad_file');
  return manifest;
}

/** Copies the backup's media files into `mediaDir`; files are named by their content, so existing ones are kept. */
export function restoreMedia(dir: string, mediaDir: string): number {
  const from = join(dir, 'media');
  if (!existsSync(from)) return 0;
  mkdirSync(mediaDir, { recursive: true });
  let n = 0;
  cpSync(from, mediaDir, { recursive: true, force: false, filter: () => { n++; return true; } });
  return n;
}
