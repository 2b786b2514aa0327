import { z } from 'zod';
import { pickLead } from '../../jobs/pick-story-lead.ts';
import { mergeByHand, splitByHand } from '../../jobs/split-story.ts';
import { storySpend } from '../../store/stories.ts';
import { apiJson } from '../admin-responses.ts';
import { storyEditor, type AdminRoute } from '../admin-route.ts';
import { apiRoute, idParam } from './api-route.ts';
import { editorActionRoute } from './editor-action-route.ts';

const LeadBody = z.strictObject({ articleId: z.number().int().positive() });
const SplitBody = z.strictObject({ articleIds: z.array(z.number().int().positive()).min(1).max(1000) });
const MergeBody = z.strictObject({ from: z.number().int().positive() });

/** `transwire story lead|spend|split|merge` beside a running server. */
export const storyRoutes: AdminRoute[] = [
  editorActionRoute({
    path: '/api/v1/stories/:id/lead',
    summary: "pick the story's lead (articleId): translated into every target language but its own, shown first on the story's page",
    what: 'story lead',
    idOf: 'story',
    body: LeadBody,
    run: (ctx, storyId, body) => pickLead(ctx.services.db, { storyId, articleId: body.articleId, ...storyEditor(ctx) }),
    audit: (picked) => ({ action: 'story.lead', target: `story:${picked.storyId}`, after: picked }),
  }),
  editorActionRoute({
    path: '/api/v1/stories/:id/split',
    summary: 'split the story (articleIds): the named members and their near-duplicates become a story of their own; the part holding the first member keeps the story and its URL',
    what: 'story split',
    idOf: 'story',
    body: SplitBody,
    run: (ctx, storyId, body) => splitByHand(ctx.services.db, { storyId, articleIds: body.articleIds, ...storyEditor(ctx) }),
    audit: (split) => ({ action: 'story.split', target: `story:${split.storyId}`, after: split }),
  }),
  editorActionRoute({
    path: '/api/v1/stories/:id/merge',
    summary: "merge story `from` into this one: its members move, its URL redirects here",
    what: 'story merge',
    idOf: 'story',
    body: MergeBody,
    run: (ctx, keep, body) => mergeByHand(ctx.services.db, { keep, gone: body.from, ...storyEditor(ctx) }),
    audit: (merged) => ({ action: 'story.merge', target: `story:${merged.storyId}`, after: merged }),
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
