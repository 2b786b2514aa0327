import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { errorMessage } from '../domain/errors.ts';
import { extractArticle } from '../extract/index.ts';
import { decodeBody } from '../fetch/index.ts';
import { parseCommandArgs } from './args.ts';

const FIELDS = ['title', 'byline', 'published', 'modified', 'lang', 'dir', 'siteName', 'canonical', 'image', 'excerpt', 'text', 'html'] as const;

/**
 * `transwire extract <file.html|file.html.gz>… [--url URL] [--json]`: the article of a local page.
 * With one file it prints the article; with several, one JSON object per line, each with its
 * `file`, all in this one process. A file that cannot be read prints `{file, error}` and the others
 * go on; the exit code is 1 if any failed. Without --json, the title and the text are printed.
 */
export default async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'extract',
    args: '<file.html|file.html.gz>…',
    summary: 'Runs the extractor on local pages: with one file, its article; with several, one JSON object per line.',
    options: {
      json: { type: 'boolean', help: 'print JSON (title, byline, dates, text, html…)' },
      url: { type: 'string', arg: 'URL', help: 'the page\'s address, to resolve its links' },
    },
    positionals: { min: 1 },
  });
  const several = positionals.length > 1;
  let failed = 0;
  for (const file of positionals) {
    let line: Record<string, unknown>;
    try {
      const bytes = await readFile(file);
      const body = file.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b) ? gunzipSync(bytes) : bytes;
      const html = decodeBody(body, { kind: 'html' }).text;
      const article = extractArticle(html, values.url ?? pathToFileURL(resolve(file)).href);
      line = Object.fromEntries(FIELDS.map((f) => [f, article[f]]));
      if (several) line = { file, ...line };
    } catch (err) {
      failed++;
      line = { file, error: errorMessage(err) };
    }
    if (values.json || 'error' in line) process.stdout.write(`${JSON.stringify(line)}\n`);
    else process.stdout.write(`${several ? `== ${file}\n` : ''}${line.title ?? ''}\n\n${line.text as string}\n\n`);
  }
  return failed > 0 ? 1 : 0;
}
