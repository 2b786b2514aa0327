import { PermanentError } from '../../domain/errors.ts';
import { pickLead } from '../../jobs/pick-story-lead.ts';
import { mergeByHand, splitByHand } from '../../jobs/split-story.ts';
import { redirect } from '../admin-responses.ts';
import { refusalOf } from '../api/api-route.ts';
import { storyEditor, type AdminContext, type AuditEntry } from '../admin-route.ts';
import { idParam } from '../editorial/load-review.ts';
import { storyHref } from './story-parts.ts';
import { storyPage } from './story-page.ts';

/** Whole positive numbers from form values; null when one is not. */
function ids(values: string[]): number[] | null {
  const out = values.map((v) => idParam(v.trim()));
  return out.every((n): n is number => n !== null) ? out : null;
}

/** What one story action does once its form is read: where to land (a `?done=` of the story page) and the audit row. */
interface Outcome {
  location: string;
  audit: AuditEntry;
}

/**
 * A story action posted from the console (the mount has checked the session, CSRF token and role):
 * the form read, the shared action run (the same one the API route and the CLI call), audited as
 * the API audits it, and the editor sent back to the story with a notice. A refusal (no such story,
 * not a member, a split of every member…) shows the story again with the refusal's message.
 */
function storyAction(run: (ctx: AdminContext, storyId: number, form: URLSearchParams) => Promise<Outcome>) {
  return async (ctx: AdminContext): Promise<Response> => {
    const form = await ctx.form();
    const storyId = idParam(ctx.params.id);
    if (storyId === null) return storyPage(ctx, { status: 404, message: `no story ${ctx.params.id}` });
    try {
      const done = await run(ctx, storyId, form);
      await ctx.audit(done.audit);
      return redirect(done.location);
    } catch (err) {
      // As the API answers them: a caller's mistake is a 4xx with its one line.
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      return storyPage(ctx, refusal);
    }
  };
}

const refuse = (message: string): never => {
  throw new PermanentError(message, 'story.bad_form', { httpStatus: 400 });
};

/** "Make lead": the member becomes the story's lead in every target language but its own. */
export const pickLeadAction = storyAction(async (ctx, storyId, form) => {
  const articleId = idParam(form.get('articleId') ?? undefined) ?? refuse('story lead: name the member to make the lead');
  const picked = await pickLead(ctx.services.db, { storyId, articleId, ...storyEditor(ctx) });
  return { location: `${storyHref(picked.storyId)}?done=lead`, audit: { action: 'story.lead', target: `story:${picked.storyId}`, after: picked } };
});

/** The ticked members split off into a new story (or keep this one, when they hold its first member). */
export const splitAction = storyAction(async (ctx, storyId, form) => {
  const articleIds = ids(form.getAll('articleIds')) ?? refuse('story split: a ticked member is not an article id');
  if (articleIds.length === 0) refuse('story split: tick the members that leave the story');
  const split = await splitByHand(ctx.services.db, { storyId, articleIds, ...storyEditor(ctx) });
  // Where the ticked members went: the new story, or this one when they hold its first member.
  const tickedStayed = split.kept.includes(articleIds[0]!);
  return {
    location: `${storyHref(split.storyId)}?done=${tickedStayed ? 'split-kept' : 'split'}&other=${split.newStoryId}`,
    audit: { action: 'story.split', target: `story:${split.storyId}`, after: split },
  };
});

/** Story `from` merges into this one. */
export const mergeAction = storyAction(async (ctx, keep, form) => {
  const from = idParam((form.get('from') ?? '').trim()) ?? refuse('story merge: give the id of the story to merge into this one');
  const merged = await mergeByHand(ctx.services.db, { keep, gone: from, ...storyEditor(ctx) });
  return { location: `${storyHref(merged.storyId)}?done=merged&other=${merged.merged}`, audit: { action: 'story.merge', target: `story:${merged.storyId}`, after: merged } };
});
