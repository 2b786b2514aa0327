import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage } from '../domain/errors.ts';
import { httpClientFor } from '../app.ts';
import { parseFeed } from '../feeds/index.ts';
import { decodeBody, type HttpClient } from '../fetch/index.ts';
import { configFrom, parseCommandArgs } from './args.ts';

/**
 * `transwire parse-feed <file|url>… [--json] [--url BASE] [--max-items N]`: the normalized feed,
 * one JSON object per line per input, each with its `file`. An input that cannot be parsed prints
 * `{file, error}` and the others go on; the exit code is 1 if any failed.
 * URLs go through the same safe client as the pipeline (SSRF guard: private addresses are refused
 * unless the config allows them).
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
  let http: HttpClient | null = null;
  try {
  for (const input of positionals) {
    let line: Record<string, unknown>;
    try {
      if (/^https?:\/\//i.test(input)) http ??= httpClientFor(configFrom(values));
      const { body, url, contentType } = await load(input, values.url, http);
      const feed = parseFeed(body, { url, contentType, maxItems });
      line = values.json ? { file: input, ...feed } : { file: input, kind: feed.kind, title: feed.title, items: feed.items.length, warnings: feed.warnings };
    } catch (err) {
      failed++;
      line = { file: input, error: errorMessage(err) };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  } finally {
    await http?.close();
  }
  return failed > 0 ? 1 : 0;
}

async function load(input: string, base: string | undefined, http: HttpClient | null): Promise<{ body: Buffer | string; url: string; contentType: string | null }> {
  if (http && /^https?:\/\//i.test(input)) {
    const res = await http.get(input, { accept: 'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' });
    if (res.status >= 400) throw new Error(`HTTP ${res.status} from ${res.url}`);
    const contentType = res.headers['content-type'] ?? null;
    // Decoded exactly as poll-source does, so the CLI shows what the pipeline would store.
    const { text } = decodeBody(res.body, { contentType, kind: 'xml' });
    return { body: text, url: res.url || input, contentType };
  }
  const body = await readFile(input);
  return { body, url: base ?? pathToFileURL(resolve(input)).href, contentType: null };
}
