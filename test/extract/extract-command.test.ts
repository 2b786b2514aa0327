import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/extract');
const dir = mkdtempSync(join(tmpdir(), 'tw-extract-'));
const seed = readFileSync(join(FIXTURES, 'seed-wire.html'));
const seedExpected = JSON.parse(readFileSync(join(FIXTURES, 'seed-wire.expected.json'), 'utf8'));
writeFileSync(join(dir, 'seed.html'), seed);
writeFileSync(join(dir, 'seed.html.gz'), gzipSync(seed));
const FIELDS = ['title', 'byline', 'published', 'modified', 'lang', 'dir', 'siteName', 'canonical', 'image', 'excerpt', 'text', 'html'];

describe('transwire extract', () => {
  it('prints the article of one page as one JSON object, with the fields the issue names', async () => {
    const res = await runCli(['extract', join(dir, 'seed.html'), '--url', seedExpected.url, '--json']);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(FIELDS);
    expect(out.text).toBe(seedExpected.text);
    expect(out.title).toBe(seedExpected.title);
  });

  it('reads .html.gz, prints one line per file with its file, and goes on past an unreadable one', async () => {
    const missing = join(dir, 'missing.html');
    const res = await runCli(['extract', join(dir, 'seed.html.gz'), missing, join(dir, 'seed.html'), '--url', seedExpected.url, '--json']);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].file).toBe(join(dir, 'seed.html.gz'));
    expect(lines[0].text).toBe(seedExpected.text);
    expect(lines[1]).toEqual({ file: missing, error: expect.stringContaining('ENOENT') });
    expect(lines[2].file).toBe(join(dir, 'seed.html'));
    expect(lines[2].html).toBe(seedExpected.html);
  });

  it('without a file it prints usage and exits 2', async () => {
    const res = await runCli(['extract']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('usage: transwire extract');
  });
});
