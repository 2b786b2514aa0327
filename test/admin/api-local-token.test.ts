import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_TOKEN_FILE, readLocalToken, writeLocalToken } from '../../src/admin/api/local-token-file.ts';

/** The local token a running server leaves for the command line: only its user may read it, and only such a file is sent. */
const dirs: string[] = [];
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tw-token-'));
  dirs.push(dir);
  file = join(dir, LOCAL_TOKEN_FILE);
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const refusal = (why: string) => `refusing the local admin token: ${file} ${why}`;

describe('the local token file', () => {
  it('is written with mode 0600, new at every start, and read back', () => {
    const first = writeLocalToken(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(readLocalToken(dir)).toBe(first.token);
    const second = writeLocalToken(dir); // a server started after a crash replaces the old file
    expect(second.token).not.toBe(first.token);
    expect(readLocalToken(dir)).toBe(second.token);
    first.remove(); // not its token any more: left alone
    expect(readLocalToken(dir)).toBe(second.token);
    second.remove();
    expect(() => readLocalToken(dir)).toThrow(refusal('is missing: the running server writes it when it starts (restart it)'));
  });

  it('is written with 0600 whatever the umask', () => {
    const old = process.umask(0o000);
    try {
      writeLocalToken(dir);
    } finally {
      process.umask(old);
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file others may read or write', () => {
    writeLocalToken(dir);
    chmodSync(file, 0o644);
    expect(() => readLocalToken(dir)).toThrow(refusal('has mode 0644: others may read or change it (the server writes it with 0600; restart it)'));
    chmodSync(file, 0o620);
    expect(() => readLocalToken(dir)).toThrow(/has mode 0620/);
  });

  it('refuses a symbolic link, and the server never writes through one', () => {
    const elsewhere = join(dir, 'elsewhere');
    writeFileSync(elsewhere, 'planted\n', { mode: 0o600 });
    symlinkSync(elsewhere, file);
    expect(() => readLocalToken(dir)).toThrow(refusal('is a symbolic link, not the file the server writes'));
    writeLocalToken(dir);
    expect(readFileSync(elsewhere, 'utf8')).toBe('planted\n'); // the link was replaced, not followed
    expect(statSync(file).isFile()).toBe(true);
  });

  it('refuses a file of another user', () => {
    if (process.getuid?.() !== 0) throw new Error('this test changes a file\'s owner: run the suite as root (the container does)');
    writeLocalToken(dir);
    chownSync(file, 12345, 12345);
    expect(() => readLocalToken(dir)).toThrow(refusal('belongs to uid 12345, not to this user (uid 0): run the command as the user that runs the server'));
  });

  it('refuses an empty file', () => {
    writeFileSync(file, '', { mode: 0o600 });
    expect(() => readLocalToken(dir)).toThrow(refusal('is empty (restart the server)'));
    unlinkSync(file);
  });
});
