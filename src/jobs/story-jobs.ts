import type { Db } from '../store/db.ts';
import { livePublicationsOf } from '../store/stories.ts';
import { JobQueue } from './queue.ts';

/** Queues the translation of an article into `lang` (keyed: queuing it twice is one job). */
export async function enqueueTranslation(tx: Db, articleId: number, lang: string): Promise<void> {
  await JobQueue.enqueue(tx, { kind: 'translate', key: `translate:article:${articleId}:${lang}`, payload: { articleId, lang }, priority: 60 });
}

/**
 * Queues the render job that refreshes a story's pages in every language and the lists counting
 * it; `lang` is the site language whose home page and feed it renders at once.
 */
export async function refreshStoryPages(tx: Db, storyId: number, lang: string | undefined): Promise<void> {
  if (!lang) return;
  await JobQueue.enqueue(tx, { kind: 'render', key: `render:story:${storyId}`, payload: { lang, storyId, reason: 'story' }, priority: 10 });
}

/**
 * Queues the render of the live pages of articles that changed story (a split or a merge): each
 * links to its story ("3 sources · see the story"). Keyed as a publication's own render job, so
 * one already queued is not doubled. The pages of members that stayed keep their link; their
 * count of sources catches up at their next render.
 */
export async function refreshMemberPages(tx: Db, articleIds: readonly number[]): Promise<number> {
  const pubs = await livePublicationsOf(tx, articleIds);
  for (const p of pubs) {
    await JobQueue.enqueue(tx, { kind: 'render', key: `render:${p.lang}:${p.id}`, payload: { lang: p.lang, publicationId: p.id, reason: 'story' }, priority: 10 });
  }
  return pubs.length;
}
