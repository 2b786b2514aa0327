import { PermanentError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import { liveStoryId, pickStoryLead, storyMember } from '../store/stories.ts';
import { enqueueTranslation } from './story-jobs.ts';

export interface PickedLead {
  storyId: number;
  articleId: number;
  /** Target languages the new lead is queued for (an existing translation is kept, not redone). */
  translating: string[];
}

/**
 * An editor's pick: `articleId` becomes the story's translated lead in every target language but
 * its own, and is queued for translation. The previous lead's page stays published; the story's
 * page leads with the pick. Shared by the API route and `transwire story lead`.
 */
export async function pickLead(db: Db, opts: { storyId: number; articleId: number; editor: string; targetLanguages: readonly string[] }): Promise<PickedLead> {
  return db.transaction(async (tx) => {
    const storyId = await liveStoryId(tx, opts.storyId);
    if (storyId === null) throw new PermanentError(`story lead: no story ${opts.storyId}`, 'story.not_found', { httpStatus: 404 });
    const member = await storyMember(tx, storyId, opts.articleId);
    if (!member) throw new PermanentError(`story lead: article ${opts.articleId} is not in story ${storyId}`, 'story.not_member', { httpStatus: 404 });
    if (member.story_role === 'duplicate') {
      throw new PermanentError(`story lead: article ${opts.articleId} is a near-duplicate of another member; pick the original`, 'story.duplicate_lead');
    }
    const translating = opts.targetLanguages.filter((l) => l !== member.lang);
    for (const lang of translating) {
      await pickStoryLead(tx, storyId, lang, member.id, opts.editor);
      await enqueueTranslation(tx, member.id, lang);
    }
    return { storyId, articleId: member.id, translating };
  });
}
