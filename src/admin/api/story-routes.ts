import { z } from 'zod';
import { pickLead } from '../../jobs/pick-story-lead.ts';
import { storySpend } from '../../store/stories.ts';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf, idParam } from './api-route.ts';

const LeadBody = z.strictObject({ articleId: z.number().int().positive() });

/** `transwire story lead|spend` beside a running server. */
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
    method: 'GET',
    path: '/api/v1/stories/:id/spend',
    role: 'viewer',
    summary: "what the story cost in engine characters (its members' translations and placement)",
    async handle(ctx) {
      return apiJson(await storySpend(ctx.services.db, idParam(ctx, 'story spend: no story')));
    },
  }),
];
