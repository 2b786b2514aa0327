import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { translatorFor } from '../app.ts';
import { primaryLang } from '../domain/lang.ts';
import { parseDate } from '../shared/dates.ts';
import { cachedTranslate, StoryPlacer, type PlacementSplit, type StoryArticle, type TranslateTexts } from '../stories/index.ts';
import { createInMemoryTranslationMemory, type Translator } from '../translate/index.ts';
import { configFrom, parseCommandArgs } from './args.ts';

const USAGE = 'usage: transwire cluster <articles.jsonl> [--json] [--pivot LANG] [--no-translate]\n';

/**
 * `transwire cluster <articles.jsonl> --json`: places each JSON line (`id, lang, title, text,
 * published`, optional `lead, url, outlet`) in a story, in file order, in this one process, with
 * the StoryPlacer the pipeline uses, and prints `{id, story}` per article (`duplicateOf` for a
 * near-duplicate, `merged` when the article joined two stories into one: those ids now stand for
 * `story`; `split` when the story it joined then split in two as the pipeline splits one:
 * `{story, newStory, moved}`, the articles listed now being in `newStory`). Titles and leads in other languages are translated into the pivot by the configured
 * engines. A bad line prints `{line, error}` and the rest go on; the exit code is then 1.
 */
export default async function clusterCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    pivot: { type: 'string' },
    'no-translate': { type: 'boolean' },
  });
  if (positionals.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const pivot = primaryLang(values.pivot ?? 'en') ?? 'en';
  let translator: Translator | null = null;
  const cannot = new Set<string>();
  const viaEngines: TranslateTexts = async (texts, from, to) => {
    translator ??= translatorFor(configFrom(values), createInMemoryTranslationMemory());
    if (cannot.has(from) || !(await translator.canTranslate(from, to))) {
      if (!cannot.has(from)) process.stderr.write(`transwire cluster: no engine translates ${from}→${to}; ${from} articles are compared on names, numbers and dates\n`);
      cannot.add(from);
      return texts.map(() => '');
    }
    const t = await translator.translateArticle({ title: texts[0] ?? '', excerpt: texts[1] ?? null, html: '' }, from, to);
    return [t.title, t.excerpt ?? ''];
  };
  const placer = new StoryPlacer({ pivot, translate: values['no-translate'] ? null : cachedTranslate(viaEngines), split: true });
  let failed = 0;
  let n = 0;
  const lines = createInterface({ input: createReadStream(positionals[0]!, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      n++;
      if (!raw.trim()) continue;
      let out: Record<string, unknown>;
      try {
        const p = await placer.place(parseArticle(raw));
        out = {
          id: p.id,
          story: p.story,
          ...(p.duplicateOf ? { duplicateOf: p.duplicateOf } : {}),
          ...(p.merged.length ? { merged: p.merged } : {}),
          ...(p.split ? { split: p.split } : {}),
        };
      } catch (err) {
        failed++;
        out = { line: n, error: (err as Error).message };
      }
      if (values.json || 'error' in out) process.stdout.write(`${JSON.stringify(out)}\n`);
      else process.stdout.write(`${out.id as string}\t${out.story as string}${out.duplicateOf ? `\tduplicate of ${out.duplicateOf as string}` : ''}${splitNote(out.split as PlacementSplit | undefined)}\n`);
    }
  } finally {
    await (translator as Translator | null)?.close();
  }
  return failed > 0 ? 1 : 0;
}

function splitNote(split: PlacementSplit | undefined): string {
  return split ? `\tsplit: ${split.moved.join(', ')} left ${split.story} for ${split.newStory}` : '';
}

/** One line as a StoryArticle, or an error naming the field that is wrong. */
export function parseArticle(raw: string): StoryArticle {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new Error('cluster: not a JSON object');
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('cluster: not a JSON object');
  const id = typeof o.id === 'number' ? String(o.id) : o.id;
  if (typeof id !== 'string' || !id) throw new Error('cluster: id: a non-empty string or a number is required');
  const lang = primaryLang(typeof o.lang === 'string' ? o.lang : null);
  if (!lang) throw new Error(`cluster: ${id}: lang: a language code (en, es…) is required`);
  const str = (k: string): string | null => {
    const v = o[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new Error(`cluster: ${id}: ${k}: a string is expected`);
    return v;
  };
  const title = str('title') ?? '';
  const text = str('text') ?? '';
  if (!title.trim() && !text.trim()) throw new Error(`cluster: ${id}: title and text are both empty`);
  const when = str('published');
  const iso = when ? parseDate(when) : null;
  const published = iso ? new Date(iso) : null;
  if (when && !published) throw new Error(`cluster: ${id}: published: not a date ("${when}")`);
  return { id, lang, title, lead: str('lead') ?? str('description'), text, published, url: str('url'), outlet: str('outlet') };
}
