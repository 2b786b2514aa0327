import { errorMessage } from '../../domain/errors.ts';
import type { Logger } from '../../logger.ts';
import type { ArticleRow } from '../../store/articles.ts';
import type { Db } from '../../store/db.ts';
import { createStorySketchIndex } from '../../store/story-sketches.ts';
import {
  claimStoryLead, createStory, isPlaced, lockPlacements, loggedPlacements, memberCount, mergedByHand, mergeStory, placementsAfter, recordPlacement,
  reserveStoryId, setStoryRole, storyEventsAfter, storyMembersInLogOrder, toldInStory, type StoryEventRow, type StoryRole,
} from '../../store/stories.ts';
import { newFacts } from '../../stories/adds-facts.ts';
import {
  DEFAULT_SPLIT_OPTIONS, findSplit, inLogOrder, leadOf, logEntry, loggedFeatures, replayEntry, replayStoryEvent, splitDue, StoryPlacer, type ClusterOptions,
  type LoggedStoryEvent, type SplitOptions, type StoryArticle, type TranslatedHead,
} from '../../stories/index.ts';
import type { Translator } from '../../translate/index.ts';
import type { TranslationCost } from '../../domain/translation.ts';
import { applySplit, type StorySplit } from '../split-story.ts';
import { enqueueTranslation, refreshStoryPages } from '../story-jobs.ts';

export interface StoryPlacementDeps {
  db: Db;
  log: Logger;
  /** The configured engines (with the translation memory): heads in other languages go through them into the pivot. */
  translator?: () => Translator;
  targetLanguages: readonly string[];
  /** The language articles are compared in (default en). */
  pivot?: string;
  cluster?: Partial<ClusterOptions>;
  /** When a story that grew is split in two (story-split.ts); tests lower the sizes. */
  split?: Partial<SplitOptions>;
}

export interface PlacedArticle {
  storyId: number;
  role: StoryRole;
  duplicateOf: number | null;
  /** Target languages a translation was queued for. */
  translating: string[];
  /** The story split in two after this article joined it (`storyId` is where the article ended). */
  split?: StorySplit;
}

const DAY = 86_400_000;

/** An article's title and lead in the pivot and the engine's report of that run, or why there is none. */
interface HeadInPivot {
  head: TranslatedHead | null;
  cost?: TranslationCost;
  why?: string;
}

/**
 * The placement step of the pipeline, between extraction and translation. Every worker keeps a
 * StoryPlacer in memory; before it places an article it takes the placement lock, replays the
 * placement log's rows it has not seen (a fresh worker: the rows of the clusterer's time window),
 * places the article, and appends its own row, so every worker places against one state. In the
 * same transaction it decides what is translated: for each target language the story's lead (its
 * first report), an update that adds facts to the lead, and nothing else — a near-duplicate and a
 * member that says what the lead says are listed on the story's page, not translated again.
 */
export function createStoryPlacement(deps: StoryPlacementDeps) {
  const { db, log } = deps;
  const pivot = deps.pivot ?? 'en';
  let placer = new StoryPlacer({ pivot, cluster: deps.cluster });
  let seen = 0;
  let seenEvent = 0;
  // One placement at a time in this process (the advisory lock orders processes; PGlite has one).
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };

  async function headInPivot(a: ArticleRow): Promise<HeadInPivot> {
    if (a.lang === pivot) return { head: null };
    const translator = deps.translator?.();
    if (!translator) return { head: null, why: 'no translation engines configured' };
    try {
      if (!(await translator.canTranslate(a.lang, pivot))) return { head: null, why: `no engine translates ${a.lang}→${pivot}` };
      const t = await translator.translateArticle({ title: a.title, excerpt: leadOf({ lead: a.excerpt, text: a.text }), html: '' }, a.lang, pivot);
      return { head: { title: t.title, lead: t.excerpt ?? '' }, cost: t.cost };
    } catch (err) {
      return { head: null, why: `translating its title and lead into ${pivot} failed: ${errorMessage(err)}` };
    }
  }

  /** Replays what other workers logged since this one last looked: placements and story events, in the order they happened. */
  async function catchUp(tx: Db): Promise<void> {
    const since = new Date(Date.now() - placer.clusterer.opts.windowDays * DAY);
    const rows = await placementsAfter(tx, seen, since);
    const events = (await storyEventsAfter(tx, seenEvent, since)).map((e) => ({ ...e, afterSeq: e.after_seq }));
    for (const step of inLogOrder(rows, events)) {
      if ('event' in step) await applyEvent(tx, step.event);
      else {
        replayEntry(placer.clusterer, String(step.placement.story_id), step.placement.features);
        seen = step.placement.seq;
      }
    }
  }

  /** A split or merge, applied to this worker's clusterer from the log (the worker that decided it does the same). */
  async function applyEvent(tx: Db, e: StoryEventRow): Promise<void> {
    const logged = e.kind === 'split' ? await loggedPlacements(tx, [...e.kept, ...e.moved]) : new Map();
    const event: LoggedStoryEvent = { kind: e.kind, story: String(e.story_id), other: String(e.other_id), kept: e.kept.map(String), moved: e.moved.map(String) };
    replayStoryEvent(placer.clusterer, event, new Map([...logged].map(([id, row]) => [String(id), row])));
    seenEvent = e.id;
  }

  /**
   * After an article joined a story that grew: whether its members now tell two events
   * (story-split.ts, with the clusterer's own similarity). If so the story splits in two, the
   * event is logged and applied here as every other worker will replay it. A story an editor
   * merged by hand is left as it is.
   */
  async function maybeSplit(tx: Db, storyId: number): Promise<StorySplit | null> {
    const opts = { ...DEFAULT_SPLIT_OPTIONS, ...deps.split };
    if (!splitDue(await memberCount(tx, storyId), opts) || (await mergedByHand(tx, storyId))) return null;
    const members = await storyMembersInLogOrder(tx, storyId);
    const found = findSplit(
      placer.clusterer,
      members.map((m) => ({ key: String(m.article_id), features: m.features ? loggedFeatures(m.features) : null, duplicateOf: m.duplicate_of === null ? null : String(m.duplicate_of) })),
      opts,
    );
    if (!found) return null;
    const translator = deps.translator?.();
    const { split, event } = await applySplit(tx, {
      storyId,
      keep: found.keep.map(Number),
      move: found.move.map(Number),
      decidedBy: 'pipeline',
      targetLanguages: deps.targetLanguages,
      ...(translator ? { canTranslate: (from: string, to: string) => translator.canTranslate(from, to) } : {}),
    });
    await applyEvent(tx, event);
    log.info({ story_id: storyId, new_story_id: split.newStoryId, kept: split.kept.length, moved: split.moved.length, similarity: found.similarity }, 'story split: its members tell two events');
    return split;
  }

  /**
   * Target languages an engine can translate the article into. One it cannot is still queued (the
   * failure is recorded, as before stories) but is never the story's lead: another member that can
   * be translated will be.
   */
  async function reachable(a: ArticleRow): Promise<Set<string>> {
    const translator = deps.translator?.();
    const out = new Set<string>();
    for (const to of deps.targetLanguages) {
      if (to !== a.lang && (!translator || (await translator.canTranslate(a.lang, to).catch(() => true)))) out.add(to);
    }
    return out;
  }

  /** For each target language: lead, update or listed only. */
  async function planTranslations(tx: Db, a: ArticleRow, storyId: number, role: StoryRole, canReach: Set<string>): Promise<{ role: StoryRole; translating: string[] }> {
    const translating: string[] = [];
    if (role === 'duplicate') return { role, translating };
    let adds = false;
    for (const to of deps.targetLanguages) {
      // An article in a site's own language is not translated into it (as before stories).
      if (to === a.lang) continue;
      if (!canReach.has(to)) {
        translating.push(to);
        continue;
      }
      if (await claimStoryLead(tx, storyId, to, a.id)) {
        translating.push(to);
        continue;
      }
      const told = await toldInStory(tx, storyId, to);
      if (told.length === 0 || told.some((t) => t.id === a.id) || newFacts(a, told).adds) {
        adds ||= told.length > 0 && !told.some((t) => t.id === a.id);
        translating.push(to);
      }
    }
    for (const to of translating) await enqueueTranslation(tx, a.id, to);
    return { role: adds ? 'update' : role, translating };
  }

  async function placeLocked(a: ArticleRow, head: HeadInPivot, canReach: Set<string>): Promise<PlacedArticle | null> {
    const prepared = await placer.prepare(storyArticle(a), head.head);
    return db.transaction(async (tx) => {
      await lockPlacements(tx);
      if (await isPlaced(tx, a.id)) return null;
      await catchUp(tx);
      const newId = await reserveStoryId(tx);
      const placement = await placer.placePrepared(prepared, String(newId), createStorySketchIndex(tx));
      const storyId = Number(placement.story);
      if (!Number.isSafeInteger(storyId)) throw new Error(`stories: placement gave story "${placement.story}", not a stories.id`);
      if (storyId === newId) await createStory(tx, newId);
      for (const gone of placement.merged) await mergeStory(tx, Number(gone), storyId);
      const duplicateOf = placement.duplicateOf ? Number(placement.duplicateOf) : null;
      seen = await recordPlacement(tx, {
        articleId: a.id,
        storyId,
        role: duplicateOf ? 'duplicate' : 'report',
        duplicateOf,
        score: placement.score,
        features: logEntry(prepared, placement),
        engineCharacters: head.cost?.characters ?? 0,
        // The run is booked in the cost ledger under its engine, as a translation's is.
        headTranslation: head.cost ? { lang: pivot, cost: head.cost } : null,
      });
      const plan = await planTranslations(tx, a, storyId, duplicateOf ? 'duplicate' : 'report', canReach);
      if (plan.role === 'update') await setStoryRole(tx, a.id, 'update');
      // A member with no publication of its own (listed, or a near-duplicate) changes the story's
      // pages only through this job; a merged story's pages must turn into redirects. A member
      // being translated refreshes them when its publication renders.
      const siteLang = deps.targetLanguages[0];
      if (storyId !== newId && plan.translating.length === 0) await refreshStoryPages(tx, storyId, siteLang);
      for (const gone of placement.merged) await refreshStoryPages(tx, Number(gone), siteLang);
      if (placement.merged.length > 0) await refreshStoryPages(tx, storyId, siteLang);
      // A story that took in a report (not a copy, not one that merged stories: that article said
      // they are one) may have grown into two events.
      const split = !duplicateOf && storyId !== newId && placement.merged.length === 0 ? await maybeSplit(tx, storyId) : null;
      const endedIn = split?.moved.includes(a.id) ? split.newStoryId : storyId;
      return { storyId: endedIn, role: plan.role, duplicateOf, translating: plan.translating, ...(split ? { split } : {}) };
    });
  }

  return {
    /**
     * Places an extracted article and queues what is to be translated. An article placed before
     * (a retried job) is left where it is. A placement that fails throws; this worker's memory is
     * then rebuilt from the log at its next placement, since it may hold what was rolled back.
     */
    async place(a: ArticleRow): Promise<PlacedArticle | null> {
      if (await isPlaced(db, a.id)) return null;
      // Translating the head is slow (an engine call): done before the lock, by every worker at once.
      const head = await headInPivot(a);
      const canReach = await reachable(a);
      if (head.why) log.info({ article_id: a.id, lang: a.lang }, `story placement: ${head.why}; placed on names, numbers, dates and its own words only`);
      const result = await exclusive(async () => {
        try {
          return await placeLocked(a, head, canReach);
        } catch (err) {
          placer = new StoryPlacer({ pivot, cluster: deps.cluster });
          seen = 0;
          seenEvent = 0;
          throw err;
        }
      });
      if (!result) return null;
      log.info({ article_id: a.id, story_id: result.storyId, role: result.role, duplicate_of: result.duplicateOf, translating: result.translating }, 'placed in story');
      return result;
    },
  };
}

export type StoryPlacement = ReturnType<typeof createStoryPlacement>;

function storyArticle(a: ArticleRow): StoryArticle {
  return { id: String(a.id), lang: a.lang, title: a.title, lead: a.excerpt, text: a.text, published: a.published_at, url: a.url, outlet: a.site_name };
}
