import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage } from '../domain/errors.ts';
import { httpClientFor } from '../app.ts';
import { parseFeed } from '../feeds/index.ts';
import { decodeBody, type HttpClient } from '../fetch/index.ts';
import { configFrom, intArg, parseCommandArgs } from './args.ts';

/**
 * `transwire parse-feed <file|url>… [--json] [--url BASE] [--max-items N]`: the normalized feed,
 * one JSON object per line per input, each with its `file`. An input that cannot be parsed prints
 * `{file, error}` and the others go on; the exit code is 1 if any failed.
 * URLs go through the same safe client as the pipeline (SSRF guard: private addresses are refused
 * unless the config allows them).
 */
export default async function parseFeedCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'parse-feed',
    args: '<file|url>…',
    summary: 'Runs the feed parser (RSS, Atom, JSON Feed, sitemaps): one JSON object per line per input.',
    options: {
      json: { type: 'boolean', help: 'print the whole normalized feed, items included' },
      url: { type: 'string', arg: 'BASE', help: 'the feed\'s address, to resolve relative links of a local file' },
      'max-items': { type: 'string', arg: 'N', help: 'read at most N items' },
    },
    positionals: { min: 1 },
    notes: ['URLs go through the pipeline\'s safe client: private addresses need fetch.allowPrivate.'],
  });
  const maxItems = intArg('parse-feed', '--max-items', values['max-items'], { min: 1 });
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
