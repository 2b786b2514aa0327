import type { Db } from '../store/db.ts';
import { JobQueue } from './queue.ts';

/** How a translation is asked for beyond "translate it once" (an editor's retranslation). */
export interface TranslationJobOptions {
  /** Translate again though a translation exists (or the article is a near-duplicate). */
  force?: boolean;
  /** By this engine alone instead of the configured chain (null or absent: the chain). */
  engine?: string | null;
  /** No answer from the memory entries the new translation replaces. */
  fresh?: boolean;
  /** Lower runs first (JobQueue); the pipeline's own translations run at 60. */
  priority?: number;
}

/**
 * Queues the translation of an article into `lang` (keyed: queuing it twice is one job). The one
 * place that knows the translate job's key and payload: the pipeline and the console both queue here.
 */
export async function enqueueTranslation(tx: Db, articleId: number, lang: string, opts: TranslationJobOptions = {}): Promise<boolean> {
  const { priority = 60, ...asked } = opts;
  const payload = { articleId, lang, ...(asked.force ? { force: true } : {}), ...('engine' in asked ? { engine: asked.engine ?? null } : {}), ...(asked.fresh ? { fresh: true } : {}) };
  // A forced one (an editor's) takes over a waiting ordinary one: that one would find the translation done and do nothing.
  return JobQueue.enqueue(tx, { kind: 'translate', key: translateJobKey(articleId, lang), payload, priority, replace: asked.force === true });
}

/** The translate job's key: one queued translation per article and language. */
function translateJobKey(articleId: number, lang: string): string {
  return `translate:article:${articleId}:${lang}`;
}

/**
 * Queues the render job that refreshes a story's pages in every language and the lists counting
 * it; `lang` is the site language whose home page and feed it renders at once.
 */
export async function refreshStoryPages(tx: Db, storyId: number, lang: string | undefined): Promise<void> {
  if (!lang) return;
  await JobQueue.enqueue(tx, { kind: 'render', key: `render:story:${storyId}`, payload: { lang, storyId, reason: 'story' }, priority: 10 });
}
