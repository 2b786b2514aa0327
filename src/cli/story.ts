import { userInfo } from 'node:os';
import { openDbFor } from '../app.ts';
import { pickLead, type PickedLead } from '../jobs/pick-story-lead.ts';
import { mergeByHand, splitByHand, type StoryMerge, type StorySplit } from '../jobs/split-story.ts';
import type { Db } from '../store/db.ts';
import { storySpend, type StorySpend } from '../store/stories.ts';
import { configFrom, intArg, parseCommandArgs } from './args.ts';
import { reachData } from './reach-data.ts';
import type { ServerClient } from './server-client.ts';

/** The actions straight on the database or through the running server's API: the same data either way. */
interface StoryActions {
  lead(storyId: number, articleId: number): Promise<PickedLead>;
  spend(storyId: number): Promise<StorySpend>;
  split(storyId: number, articleIds: number[]): Promise<StorySplit>;
  merge(keep: number, gone: number): Promise<StoryMerge>;
}

const onDb = (db: Db, targetLanguages: readonly string[], editor: string): StoryActions => ({
  lead: (storyId, articleId) => pickLead(db, { storyId, articleId, editor, targetLanguages }),
  spend: (storyId) => storySpend(db, storyId),
  split: (storyId, articleIds) => splitByHand(db, { storyId, articleIds, editor, targetLanguages }),
  merge: (keep, gone) => mergeByHand(db, { keep, gone, editor, targetLanguages }),
});

const onServer = (server: ServerClient): StoryActions => ({
  lead: (storyId, articleId) => server.post(`/api/v1/stories/${storyId}/lead`, { articleId }),
  spend: (storyId) => server.get(`/api/v1/stories/${storyId}/spend`),
  split: (storyId, articleIds) => server.post(`/api/v1/stories/${storyId}/split`, { articleIds }),
  merge: (keep, gone) => server.post(`/api/v1/stories/${keep}/merge`, { from: gone }),
});

/**
 * `transwire story lead <storyId> <articleId>` (an editor's pick of the translated lead), `story
 * spend <storyId>`, `story split <storyId> <articleId...>` and `story merge <keep> <gone>`.
 */
export default async function storyCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, {
    name: 'story',
    summary: 'Stories: the articles of one event from every outlet, translated once.',
    options: { json: { type: 'boolean', help: 'print JSON' } },
    actions: {
      lead: { args: '<storyId> <articleId>', summary: "make a member the story's translated lead (queued for translation into every target language)", positionals: { min: 2, max: 2 } },
      spend: { args: '<storyId>', summary: "engine characters the story cost, from the cost ledger (first translations, editors' retranslations, source updates, placement)", positionals: { min: 1, max: 1 } },
      split: { args: '<storyId> <articleId...>', summary: 'the named members (with their near-duplicates) become a story of their own; the part holding the first member keeps the story and its URL', positionals: { min: 2 } },
      merge: { args: '<keep> <gone>', summary: "story <gone> joins story <keep>: its members move, its URL redirects to <keep>'s", positionals: { min: 2, max: 2 } },
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
    if (action === 'split') {
      const articleIds = positionals.slice(1).map((p) => intArg('story', 'split <articleId...>', p, { min: 1 })!);
      const split = await stories.split(storyId, articleIds);
      if (values.json) process.stdout.write(`${JSON.stringify(split)}\n`);
      else process.stdout.write(`${describeSplit(split)}\n`);
      return 0;
    }
    if (action === 'merge') {
      const gone = intArg('story', 'merge <gone>', positionals[1], { min: 1 })!;
      const merged = await stories.merge(storyId, gone);
      if (values.json) process.stdout.write(`${JSON.stringify(merged)}\n`);
      else process.stdout.write(`story ${merged.merged} merged into story ${merged.storyId}: its members moved, its URL redirects there\n`);
      return 0;
    }
    const spend = await stories.spend(storyId);
    if (values.json) process.stdout.write(`${JSON.stringify(spend)}\n`);
    else process.stdout.write(`story ${spend.storyId}: ${spend.total} engine characters (${spend.translated} in ${spend.translations} translation run${spend.translations === 1 ? '' : 's'}, ${spend.placement} placing members)\n`);
    return 0;
  } finally {
    await reached.direct?.close();
  }
}

function describeSplit(s: StorySplit): string {
  const ids = (xs: number[]) => xs.join(', ');
  const leads = s.leads.map((l) => `article ${l.articleId} leads story ${l.storyId} in ${l.lang}${l.queued ? ' (queued for translation)' : ''}`);
  return [`story ${s.storyId} keeps articles ${ids(s.kept)}; new story ${s.newStoryId} has articles ${ids(s.moved)}`, ...leads].join('\n');
}
