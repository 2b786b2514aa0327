import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage } from '../domain/errors.ts';
import { parseFeed } from '../feeds/index.ts';
import { parseCommandArgs } from './args.ts';

/**
 * `transwire parse-feed <file|url>… [--json] [--url BASE] [--max-items N]`: the normalized feed,
 * one JSON object per line per input, each with its `file`. An input that cannot be parsed prints
 * `{file, error}` and the others go on; the exit code is 1 if any failed.
 * URLs are fetched with plain fetch (no SSRF guard yet: the lead routes this through fetch/ later).
 */
export default async function parseFeedCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    url: { type: 'string' },
    'max-items': { type: 'string' },
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: transwire parse-feed <file|url>… [--json] [--url BASE] [--max-items N]\n');
    return 2;
  }
  const maxItems = values['max-items'] ? Number(values['max-items']) : undefined;
  let failed = 0;
  for (const input of positionals) {
    let line: Record<string, unknown>;
    try {
      const { body, url, contentType } = await load(input, values.url);
      const feed = parseFeed(body, { url, contentType, maxItems });
      line = values.json ? { file: input, ...feed } : { file: input, kind: feed.kind, title: feed.title, items: feed.items.length, warnings: feed.warnings };
    } catch (err) {
      failed++;
      line = { file: input, error: errorMessage(err) };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

async function load(input: string, base: string | undefined): Promise<{ body: Buffer; url: string; contentType: string | null }> {
  if (/^https?:\/\//i.test(input)) {
    const res = await fetch(input, { signal: AbortSignal.timeout(30_000), headers: { 'user-agent': 'transwire parse-feed' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return { body: Buffer.from(await res.arrayBuffer()), url: res.url || input, contentType: res.headers.get('content-type') };
  }
  const body = await readFile(input);
  return { body, url: base ?? pathToFileURL(resolve(input)).href, contentType: null };
}
