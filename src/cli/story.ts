import { userInfo } from 'node:os';
import { openDbFor } from '../app.ts';
import { pickLead, type PickedLead } from '../jobs/pick-story-lead.ts';
import type { Db } from '../store/db.ts';
import { storySpend, type StorySpend } from '../store/stories.ts';
import { configFrom, intArg, parseCommandArgs } from './args.ts';
import { reachData } from './reach-data.ts';
import type { ServerClient } from './server-client.ts';

/** The actions straight on the database or through the running server's API: the same data either way. */
interface StoryActions {
  lead(storyId: number, articleId: number): Promise<PickedLead>;
  spend(storyId: number): Promise<StorySpend>;
}

const onDb = (db: Db, targetLanguages: readonly string[], editor: string): StoryActions => ({
  lead: (storyId, articleId) => pickLead(db, { storyId, articleId, editor, targetLanguages }),
  spend: (storyId) => storySpend(db, storyId),
});

const onServer = (server: ServerClient): StoryActions => ({
  lead: (storyId, articleId) => server.post(`/api/v1/stories/${storyId}/lead`, { articleId }),
  spend: (storyId) => server.get(`/api/v1/stories/${storyId}/spend`),
});

/** `transwire story lead <storyId> <articleId>` (an editor's pick of the translated lead) and `story spend <storyId>`. */
export default async function storyCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, {
    name: 'story',
    summary: 'Stories: the articles of one event from every outlet, translated once.',
    options: { json: { type: 'boolean', help: 'print JSON' } },
    actions: {
      lead: { args: '<storyId> <articleId>', summary: "make a member the story's translated lead (queued for translation into every target language)", positionals: { min: 2, max: 2 } },
      spend: { args: '<storyId>', summary: 'engine characters the story cost (translations and placement)', positionals: { min: 1, max: 1 } },
    },
    notes: ['Beside a running transwire run|web on the same PGlite folder, the command goes through its API (see the README).'],
  });
  const storyId = intArg('story', `${action} <storyId>`, positionals[0], { min: 1 })!;
  const config = configFrom(values);
  const reached = await reachData(config, () => openDbFor(config));
  const stories = reached.server ? onServer(reached.server) : onDb(reached.direct, config.site.languages, `cli:${userInfo().username}`);
  try {
    if (action === 'lead') {
      const articleId = intArg('story', 'lead <articleId>', positionals[1], { min: 1 })!;
      const picked = await stories.lead(storyId, articleId);
      if (values.json) process.stdout.write(`${JSON.stringify(picked)}\n`);
      else {
        const langs = picked.translating.length ? `queued for translation into ${picked.translating.join(', ')}` : 'no target language needs a translation';
        process.stdout.write(`article ${picked.articleId} is the lead of story ${picked.storyId}: ${langs}\n`);
      }
      return 0;
    }
    const spend = await stories.spend(storyId);
    if (values.json) process.stdout.write(`${JSON.stringify(spend)}\n`);
    else process.stdout.write(`story ${spend.storyId}: ${spend.total} engine characters (${spend.translated} in ${spend.translations} translations, ${spend.placement} placing members)\n`);
    return 0;
  } finally {
    await reached.direct?.close();
  }
}
