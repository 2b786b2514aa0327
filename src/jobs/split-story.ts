import { PermanentError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import {
  claimStoryLead, hasTranslation, languagesWithoutLead, liveStoryId, lockPlacements, mergeStory, moveToNewStory, recordStoryEvent,
  reserveStoryId, setStoryRole, storyMembersInLogOrder, type StoryEventRow,
} from '../store/stories.ts';
import { enqueueTranslation, refreshStoryPages } from './story-jobs.ts';

/** A story split in two. */
export interface StorySplit {
  /** The story that keeps its id and URL: the part holding its first member. */
  storyId: number;
  /** The story the other part became. */
  newStoryId: number;
  kept: number[];
  moved: number[];
  /** Leads given to a part that had none in a language (its earliest report), and whether its translation was queued. */
  leads: Array<{ storyId: number; lang: string; articleId: number; queued: boolean }>;
}

export interface SplitPlan {
  storyId: number;
  /** Every member that stays, and every member that leaves, in placement order. */
  keep: number[];
  move: number[];
  /** 'pipeline' or the editor. */
  decidedBy: string;
  targetLanguages: readonly string[];
  /** Whether an engine translates between two languages (the pipeline's translator); left out: any member can lead. */
  canTranslate?: (from: string, to: string) => Promise<boolean>;
}

/**
 * Carries out a split, holding the placement lock: the `move` members become a new story (their
 * rows, sketches, and any lead they were, an editor's pick included), each part without a lead in
 * a target language gets its earliest report as lead there (queued for translation unless already
 * translated; never a near-duplicate, never into its own language), the event is logged for every
 * worker's clusterer, and the pages of both stories are refreshed (their members' article pages with them:
 * web/story-pages.ts).
 */
export async function applySplit(tx: Db, plan: SplitPlan): Promise<{ split: StorySplit; event: StoryEventRow }> {
  const newStoryId = await reserveStoryId(tx);
  await moveToNewStory(tx, plan.storyId, newStoryId, plan.move);
  const leads: StorySplit['leads'] = [];
  for (const storyId of [plan.storyId, newStoryId]) {
    const missing = await languagesWithoutLead(tx, storyId, plan.targetLanguages);
    if (missing.length === 0) continue;
    const members = await storyMembersInLogOrder(tx, storyId, false);
    for (const lang of missing) {
      const lead = await firstLeadable(members, lang, plan.canTranslate);
      if (!lead || !(await claimStoryLead(tx, storyId, lang, lead.article_id))) continue;
      // The lead is the story's report; an update it was is what the story now starts from.
      if (lead.story_role === 'update') await setStoryRole(tx, lead.article_id, 'report');
      const queued = !(await hasTranslation(tx, lead.article_id, lang));
      if (queued) await enqueueTranslation(tx, lead.article_id, lang);
      leads.push({ storyId, lang, articleId: lead.article_id, queued });
    }
  }
  const event = await recordStoryEvent(tx, { kind: 'split', storyId: plan.storyId, otherId: newStoryId, kept: plan.keep, moved: plan.move, decidedBy: plan.decidedBy });
  const siteLang = plan.targetLanguages[0];
  await refreshStoryPages(tx, plan.storyId, siteLang);
  await refreshStoryPages(tx, newStoryId, siteLang);
  return { split: { storyId: plan.storyId, newStoryId, kept: plan.keep, moved: plan.move, leads }, event };
}

async function firstLeadable<M extends { lang: string; story_role: string | null }>(
  members: readonly M[],
  lang: string,
  canTranslate: SplitPlan['canTranslate'],
): Promise<M | null> {
  for (const m of members) {
    if (m.story_role === 'duplicate' || m.lang === lang) continue;
    if (!canTranslate || (await canTranslate(m.lang, lang).catch(() => true))) return m;
  }
  return null;
}

export interface HandSplit {
  storyId: number;
  articleIds: readonly number[];
  editor: string;
  targetLanguages: readonly string[];
}

/**
 * An editor's split: the named members (and their near-duplicates) leave the story for a new one;
 * if they include the story's first member, they keep the story and the rest leave — a story's
 * URL stays with the members it began with. Shared by the API route and `transwire story split`.
 */
export async function splitByHand(db: Db, opts: HandSplit): Promise<StorySplit & { eventId: number }> {
  return db.transaction(async (tx) => {
    await lockPlacements(tx);
    const storyId = await liveStoryId(tx, opts.storyId);
    if (storyId === null) throw new PermanentError(`story split: no story ${opts.storyId}`, 'story.not_found', { httpStatus: 404 });
    if (opts.articleIds.length === 0) throw new PermanentError('story split: name the articles that leave the story', 'story.split_empty');
    const members = await storyMembersInLogOrder(tx, storyId, false);
    const ids = new Set(members.map((m) => m.article_id));
    for (const id of opts.articleIds) {
      if (!ids.has(id)) throw new PermanentError(`story split: article ${id} is not in story ${storyId}`, 'story.not_member', { httpStatus: 404 });
    }
    const named = new Set(opts.articleIds);
    for (const m of members) if (m.duplicate_of !== null && named.has(m.duplicate_of)) named.add(m.article_id);
    if (named.size === members.length) {
      throw new PermanentError(`story split: that is every member of story ${storyId} (with their near-duplicates); a split leaves some behind`, 'story.split_all');
    }
    const first = members[0]!.article_id;
    const part = (inNamed: boolean) => members.filter((m) => named.has(m.article_id) === inNamed).map((m) => m.article_id);
    const [keep, move] = named.has(first) ? [part(true), part(false)] : [part(false), part(true)];
    const { split, event } = await applySplit(tx, { storyId, keep, move, decidedBy: opts.editor, targetLanguages: opts.targetLanguages });
    return { ...split, eventId: event.id };
  });
}

export interface HandMerge {
  /** The story that stays (its id and URL). */
  keep: number;
  /** The story merged into it: its URL redirects there from now on. */
  gone: number;
  editor: string;
  targetLanguages: readonly string[];
}

export interface StoryMerge {
  storyId: number;
  merged: number;
  eventId: number;
}

/**
 * An editor's merge: story `gone` joins `keep` as a merge found by the pipeline does (members
 * moved, `keep`'s leads kept, `gone`'s id an alias that redirects), logged for every worker's
 * clusterer, the pages refreshed. A merged story's id stands for the story it joined.
 */
export async function mergeByHand(db: Db, opts: HandMerge): Promise<StoryMerge> {
  return db.transaction(async (tx) => {
    await lockPlacements(tx);
    const keep = await liveStoryId(tx, opts.keep);
    if (keep === null) throw new PermanentError(`story merge: no story ${opts.keep}`, 'story.not_found', { httpStatus: 404 });
    const gone = await liveStoryId(tx, opts.gone);
    if (gone === null) throw new PermanentError(`story merge: no story ${opts.gone}`, 'story.not_found', { httpStatus: 404 });
    if (keep === gone) throw new PermanentError(`story merge: ${opts.keep} and ${opts.gone} are one story (${keep}) already`, 'story.merge_same');
    await mergeStory(tx, gone, keep);
    const event = await recordStoryEvent(tx, { kind: 'merge', storyId: keep, otherId: gone, decidedBy: opts.editor });
    const siteLang = opts.targetLanguages[0];
    await refreshStoryPages(tx, gone, siteLang);
    await refreshStoryPages(tx, keep, siteLang);
    return { storyId: keep, merged: gone, eventId: event.id };
  });
}
