import { readFile } from 'node:fs/promises';
import { openDbFor, translatorFor } from '../app.ts';
import { primaryLang } from '../domain/lang.ts';
import { createSqlTranslationMemory } from '../store/translation-memory.ts';
import { createInMemoryTranslationMemory, type TranslationMemory } from '../translate/index.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { htmlToText } from '../translate/html-text.ts';
import { configFrom, parseCommandArgs, UsageError } from './args.ts';

const USAGE = 'transwire translate --from en --to es [file] [--title TEXT] [--json] [--db]';

/**
 * Translates an HTML or plain-text file (stdin when none) through the whole orchestrator: memory,
 * glossary, engine chain, fidelity gate. Plain text is one paragraph per line, kept line for line.
 */
export default async function translateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'translate',
    args: '--from LANG --to LANG [file]',
    summary: 'Translates an HTML or plain-text file (stdin when none) through the orchestrator: memory, glossary, engine chain, fidelity gate.',
    options: {
      from: { type: 'string', arg: 'LANG', help: 'source language (en)' },
      to: { type: 'string', arg: 'LANG', help: 'target language (es)' },
      title: { type: 'string', arg: 'TEXT', help: 'a headline to translate with the text' },
      json: { type: 'boolean', help: 'print JSON with the engine, cost and checks' },
      db: { type: 'boolean', help: 'use the configured database\'s translation memory' },
    },
  });
  const from = primaryLang(values.from);
  const to = primaryLang(values.to);
  if (!from || !to) throw new UsageError('translate', `--from and --to need language codes (en, es…): ${USAGE}`);
  if (positionals.length > 1) throw new UsageError('translate', `one file at most, not ${positionals.length}: ${USAGE}`);
  const input = positionals[0] ? await readFile(positionals[0], 'utf8') : await readStdin();
  const isHtml = /<[a-z][^>]*>/i.test(input);
  const lines = input.replace(/\r?\n$/, '').split(/\r?\n/);
  // Plain text: each non-empty line is a paragraph; empty lines stay where they were.
  const html = isHtml ? input : lines.map((l) => (l.trim() ? `<p>${escapeHtml(l)}</p>` : '')).join('\n');

  const config = configFrom(values);
  const db = values.db ? await openDbFor(config) : null;
  const memory: TranslationMemory = db ? createSqlTranslationMemory(db) : createInMemoryTranslationMemory();
  const translator = translatorFor(config, memory);
  try {
    const t = await translator.translateArticle({ title: values.title ?? '', excerpt: null, html }, from, to);
    const body = isHtml ? t.html : [...t.html.matchAll(/<p>([\s\S]*?)<\/p>|^$/gm)].map((m) => (m[1] === undefined ? '' : htmlToText(m[1]))).join('\n');
    if (values.json) {
      const out = { lang: t.lang, engine: t.engine, engineVersion: t.engineVersion, ...(values.title ? { title: t.title } : {}), [isHtml ? 'html' : 'text']: body, cost: t.cost, checks: t.checks };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      process.stdout.write(`${body.replace(/\n$/, '')}\n`);
    }
    return 0;
  } finally {
    await translator.close();
    await db?.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
