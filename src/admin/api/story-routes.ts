import { z } from 'zod';
import { pickLead } from '../../jobs/pick-story-lead.ts';
import { mergeByHand, splitByHand } from '../../jobs/split-story.ts';
import { storySpend } from '../../store/stories.ts';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf, idParam } from './api-route.ts';

const LeadBody = z.strictObject({ articleId: z.number().int().positive() });
const SplitBody = z.strictObject({ articleIds: z.array(z.number().int().positive()).min(1).max(1000) });
const MergeBody = z.strictObject({ from: z.number().int().positive() });

/** `transwire story lead|spend|split|merge` beside a running server. */
export const storyRoutes: AdminRoute[] = [
  apiRoute({
    method: 'POST',
    path: '/api/v1/stories/:id/lead',
    role: 'editor',
    summary: "pick the story's lead (articleId): translated into every target language but its own, shown first on the story's page",
    async handle(ctx) {
      const storyId = idParam(ctx, 'story lead: no story');
      const body = await bodyOf(ctx, LeadBody, 'story lead');
      const picked = await pickLead(ctx.services.db, { storyId, articleId: body.articleId, editor: ctx.user.email, targetLanguages: ctx.services.config.site.languages });
      await ctx.audit({ action: 'story.lead', target: `story:${picked.storyId}`, after: picked });
      return apiJson(picked);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/stories/:id/split',
    role: 'editor',
    summary: 'split the story (articleIds): the named members and their near-duplicates become a story of their own; the part holding the first member keeps the story and its URL',
    async handle(ctx) {
      const storyId = idParam(ctx, 'story split: no story');
      const body = await bodyOf(ctx, SplitBody, 'story split');
      const split = await splitByHand(ctx.services.db, { storyId, articleIds: body.articleIds, editor: ctx.user.email, targetLanguages: ctx.services.config.site.languages });
      await ctx.audit({ action: 'story.split', target: `story:${split.storyId}`, after: split });
      return apiJson(split);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/stories/:id/merge',
    role: 'editor',
    summary: "merge story `from` into this one: its members move, its URL redirects here",
    async handle(ctx) {
      const keep = idParam(ctx, 'story merge: no story');
      const body = await bodyOf(ctx, MergeBody, 'story merge');
      const merged = await mergeByHand(ctx.services.db, { keep, gone: body.from, editor: ctx.user.email, targetLanguages: ctx.services.config.site.languages });
      await ctx.audit({ action: 'story.merge', target: `story:${merged.storyId}`, after: merged });
      return apiJson(merged);
    },
  }),
  apiRoute({
    method: 'GET',
    path: '/api/v1/stories/:id/spend',
    role: 'viewer',
    summary: "what the story cost in engine characters (its members' translations and placement)",
    async handle(ctx) {
      return apiJson(await storySpend(ctx.services.db, idParam(ctx, 'story spend: no story')));
    },
  }),
];
