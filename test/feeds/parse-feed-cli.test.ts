import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const F = (name: string): string => join(import.meta.dirname, '../fixtures/feeds', name);

describe('transwire parse-feed', () => {
  it('prints one JSON object per file in one process; an unparseable file gives {file, error} and the rest go on', async () => {
    const files = [F('rss20-basic.xml'), F('not-a-feed.html'), F('atom10-basic.xml'), F('missing-file.xml')];
    const { code, stdout } = await runCli(['parse-feed', ...files, '--json']);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0]).toMatchObject({ kind: 'rss', title: 'Harbour Gazette', link: 'https://gazette.example/', language: 'en-GB', warnings: [] });
    const item = (lines[0]!.items as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(item).sort()).toEqual(['author', 'categories', 'contentHtml', 'id', 'image', 'link', 'published', 'summary', 'title', 'updated']);
    expect(lines[1]).toEqual({ file: files[1], error: expect.stringMatching(/not a feed/) });
    expect(lines[2]).toMatchObject({ kind: 'atom', language: 'es' });
    expect(lines[3]).toEqual({ file: files[3], error: expect.stringMatching(/ENOENT/) });
  });

  it('exits 0 when every file parses, and honours --max-items', async () => {
    const { code, stdout } = await runCli(['parse-feed', F('rss-max-items.xml'), '--json', '--max-items', '3']);
    expect(code).toBe(0);
    const feed = JSON.parse(stdout) as { items: unknown[]; warnings: string[] };
    expect(feed.items).toHaveLength(3);
    expect(feed.warnings).toContain('feed has 5 items; kept the first 3');
  });

  it('a local feed: NUL bytes never reach the output, and relative links resolve against the channel link', async () => {
    const { code, stdout } = await runCli(['parse-feed', F('rss-nul-bytes.xml'), F('rss-relative-link-local-file.xml'), '--json']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('\\u0000');
    const [nul, relative] = stdout.trim().split('\n').map((l) => JSON.parse(l) as { warnings: string[]; items: Array<{ link: string | null }> });
    // Removed by the shared decoder, whose warnings say `decode:` first.
    expect(nul!.warnings.some((w) => w.endsWith('3 NUL character(s) (U+0000) removed'))).toBe(true);
    expect(relative!.items.map((i) => i.link)).toEqual(['https://local-copy.example/news/1', 'https://local-copy.example/news/3?page=2']);
  });
});
