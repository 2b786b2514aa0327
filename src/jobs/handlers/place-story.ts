import { errorMessage } from '../../domain/errors.ts';
import type { Logger } from '../../logger.ts';
import type { ArticleRow } from '../../store/articles.ts';
import type { Db } from '../../store/db.ts';
import { createStorySketchIndex } from '../../store/story-sketches.ts';
import {
  claimStoryLead, createStory, isPlaced, lockPlacements, mergeStory, placementsAfter, recordPlacement, reserveStoryId,
  setStoryRole, toldInStory, type StoryRole,
} from '../../store/stories.ts';
import { newFacts } from '../../stories/adds-facts.ts';
import { leadOf, logEntry, replayEntry, StoryPlacer, type ClusterOptions, type StoryArticle, type TranslatedHead } from '../../stories/index.ts';
import type { Translator } from '../../translate/index.ts';
import { JobQueue } from '../queue.ts';

export interface StoryPlacementDeps {
  db: Db;
  log: Logger;
  /** The configured engines (with the translation memory): heads in other languages go through them into the pivot. */
  translator?: () => Translator;
  targetLanguages: readonly string[];
  /** The language articles are compared in (default en). */
  pivot?: string;
  cluster?: Partial<ClusterOptions>;
}

export interface PlacedArticle {
  storyId: number;
  role: StoryRole;
  duplicateOf: number | null;
  /** Target languages a translation was queued for. */
  translating: string[];
}

const DAY = 86_400_000;

/** Queues the translation of an article into `lang` (keyed: queuing it twice is one job). */
export async function enqueueTranslation(tx: Db, articleId: number, lang: string): Promise<void> {
  await JobQueue.enqueue(tx, { kind: 'translate', key: `translate:article:${articleId}:${lang}`, payload: { articleId, lang }, priority: 60 });
}

/**
 * Queues the render job that refreshes a story's pages in every language and the lists counting
 * it; `lang` is the site language whose home page and feed it renders at once.
 */
async function refreshStoryPages(tx: Db, storyId: number, lang: string | undefined): Promise<void> {
  if (!lang) return;
  await JobQueue.enqueue(tx, { kind: 'render', key: `render:story:${storyId}`, payload: { lang, storyId, reason: 'story' }, priority: 10 });
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
  // One placement at a time in this process (the advisory lock orders processes; PGlite has one).
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };

  async function headInPivot(a: ArticleRow): Promise<{ head: TranslatedHead | null; characters: number; why?: string }> {
    if (a.lang === pivot) return { head: null, characters: 0 };
    const translator = deps.translator?.();
    if (!translator) return { head: null, characters: 0, why: 'no translation engines configured' };
    try {
      if (!(await translator.canTranslate(a.lang, pivot))) return { head: null, characters: 0, why: `no engine translates ${a.lang}→${pivot}` };
      const t = await translator.translateArticle({ title: a.title, excerpt: leadOf({ lead: a.excerpt, text: a.text }), html: '' }, a.lang, pivot);
      return { head: { title: t.title, lead: t.excerpt ?? '' }, characters: t.cost.characters };
    } catch (err) {
      return { head: null, characters: 0, why: `translating its title and lead into ${pivot} failed: ${errorMessage(err)}` };
    }
  }

  async function catchUp(tx: Db): Promise<void> {
    const since = new Date(Date.now() - placer.clusterer.opts.windowDays * DAY);
    for (const row of await placementsAfter(tx, seen, since)) {
      replayEntry(placer.clusterer, String(row.story_id), row.features);
      seen = row.seq;
    }
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

  async function placeLocked(a: ArticleRow, head: { head: TranslatedHead | null; characters: number }, canReach: Set<string>): Promise<PlacedArticle | null> {
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
        engineCharacters: head.characters,
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
      return { storyId, role: plan.role, duplicateOf, translating: plan.translating };
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
