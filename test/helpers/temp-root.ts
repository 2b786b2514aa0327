import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every temporary folder a test (or a process it starts: the CLI, PGlite,
 * Chromium) makes goes under one root for this run, removed when the run ends, even when a test
 * forgot its own clean-up or failed before it. The forks inherit TMPDIR, and os.tmpdir() reads it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'transwire-test-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
