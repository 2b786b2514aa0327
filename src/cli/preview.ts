import { httpClientFor, translatorFor } from '../app.ts';
import { PermanentError } from '../domain/errors.ts';
import { primaryLang } from '../domain/lang.ts';
import { detectLanguage, extractArticle } from '../extract/index.ts';
import { decodeBody } from '../fetch/index.ts';
import { createInMemoryTranslationMemory } from '../translate/index.ts';
import { configFrom, parseCommandArgs } from './args.ts';

/** Fetches, extracts and (with --to) translates one page, through the same code as the pipeline. */
export default async function previewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'preview',
    args: '<url>',
    summary: 'Fetches, extracts and (with --to) translates one page, through the same code as the pipeline.',
    options: {
      to: { type: 'string', arg: 'LANG', help: 'translate into LANG (es, ca…)' },
      from: { type: 'string', arg: 'LANG', help: 'the page\'s language, when it does not say' },
      json: { type: 'boolean', help: 'print JSON' },
    },
    positionals: { min: 1, max: 1 },
  });
  const url = positionals[0]!;
  const config = configFrom(values);
  const http = httpClientFor(config);
  try {
    const res = await http.get(url, { accept: 'text/html,application/xhtml+xml;q=0.9' });
    if (res.status >= 400) throw new PermanentError(`preview: HTTP ${res.status} from ${res.url}`, 'preview.http_error');
    const type = res.headers['content-type'] ?? '';
    if (type && !/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) throw new PermanentError(`preview: not an HTML page (${type}): ${res.url}`, 'preview.not_html');
    const { text: html } = decodeBody(res.body, { contentType: type || null, kind: 'html' });
    const page = extractArticle(html, res.url);
    const lang = primaryLang(values.from) ?? primaryLang(page.lang) ?? detectLanguage(page.text).lang ?? 'en';
    const result: Record<string, unknown> = {
      url: res.url,
      title: page.title,
      byline: page.byline,
      published: page.published,
      lang,
      text: page.text,
      html: page.html,
    };
    if (values.to) {
      const to = primaryLang(values.to);
      if (!to) throw new PermanentError(`preview: --to ${values.to} is not a language code`, 'cli.usage');
      const translator = translatorFor(config, createInMemoryTranslationMemory());
      try {
        if (!(await translator.canTranslate(lang, to))) {
          throw new PermanentError(`preview: no engine translates ${lang}→${to} (configured chains: ${Object.keys(config.translation.chains).join(', ')})`, 'translate.no_pair');
        }
        const t = await translator.translateArticle({ title: page.title ?? '', excerpt: page.excerpt, html: page.html }, lang, to);
        result.translation = { lang: to, engine: t.engine, title: t.title, text: t.text, html: t.html, checks: t.checks };
      } finally {
        await translator.close();
      }
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const t = result.translation as { title: string; text: string; engine: string; checks: { ok: boolean } } | undefined;
      process.stdout.write(`${page.title ?? '(no title)'}\n${page.byline ? `${page.byline}\n` : ''}${lang} · ${res.url}\n\n${page.text}\n`);
      if (t) process.stdout.write(`\n--- ${values.to} (${t.engine}, checks ${t.checks.ok ? 'passed' : 'found problems'}) ---\n${t.title}\n\n${t.text}\n`);
    }
    return 0;
  } finally {
    await http.close();
  }
}
