import { createApp } from '../app.ts';
import { PermanentError } from '../domain/errors.ts';
import { JobQueue } from '../jobs/queue.ts';
import { publishTranslation } from '../jobs/publish-translation.ts';
import { getArticle } from '../store/articles.ts';
import { getTranslation, listHeld, setTranslationStatus } from '../store/translations.ts';
import { configFrom, intArg, parseCommandArgs } from './args.ts';

/** Held translations: list them, publish one as approved, or queue it for another engine. */
export default async function reviewCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, {
    name: 'review',
    summary: 'The translations the fidelity gate held for an editor.',
    options: {
      json: { type: 'boolean', help: 'list: print JSON' },
      engine: { type: 'string', arg: 'NAME', help: 'retranslate: the engine to use (as named in translation.engines)' },
    },
    actions: {
      list: { summary: 'the held translations, each with its reason and original', positionals: { max: 0 } },
      approve: { args: '<id>', summary: 'publish a held translation as it is', positionals: { min: 1, max: 1 } },
      retranslate: { args: '<id>', summary: 'queue a new translation (with --engine NAME, by that engine)', positionals: { min: 1, max: 1 } },
    },
  });
  const id = action === 'list' ? undefined : intArg('review', `${action} <id>`, positionals[0], { min: 1 });
  const app = await createApp(configFrom(values));
  try {
    if (action === 'list') {
      const rows = await listHeld(app.db);
      if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const r of rows) process.stdout.write(`${r.id}\t${r.lang}\t${r.engine}\t${r.title}\n\treason: ${r.hold_reason ?? '-'}\n\toriginal: ${r.url}\n`);
      if (!values.json && rows.length === 0) process.stdout.write('nothing held for review\n');
      return 0;
    }
    const translation = id ? await getTranslation(app.db, id) : null;
    if (!translation) throw new PermanentError(`review ${action}: no translation ${id ?? ''} (transwire review list shows the held ones)`, 'review.not_found');
    const article = (await getArticle(app.db, translation.article_id))!;
    if (action === 'approve') {
      const publication = await app.db.transaction(async (tx) => {
        await setTranslationStatus(tx, translation.id, 'approved');
        return publishTranslation(tx, article, translation, false);
      });
      process.stdout.write(`approved translation ${translation.id}: published at ${publication.path}\n`);
      return 0;
    }
    await JobQueue.enqueue(app.db, {
      kind: 'translate',
      key: `translate:article:${article.id}:${translation.lang}`,
      payload: { articleId: article.id, lang: translation.lang, force: true, engine: values.engine ?? null },
      priority: 30,
    });
    process.stdout.write(`queued a new translation of article ${article.id} into ${translation.lang}${values.engine ? ` with ${values.engine}` : ''}\n`);
    return 0;
  } finally {
    await app.close();
  }
}
