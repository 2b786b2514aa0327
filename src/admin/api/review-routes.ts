import { z } from 'zod';
import { approveTranslation, listHeldForReview, queueRetranslation } from '../../jobs/review-actions.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf, idParam, jsonReply } from './api-route.ts';

const RetranslateBody = z.strictObject({ engine: z.string().trim().min(1).max(100).nullish() });

/** `transwire review list|approve|retranslate` beside a running server. */
export const reviewRoutes: AdminRoute[] = [
  apiRoute({
    method: 'GET',
    path: '/api/v1/review',
    role: 'editor',
    summary: 'the translations held for review, each with its reason and original',
    async handle(ctx) {
      return jsonReply(await listHeldForReview(ctx.services.db));
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/review/:id/approve',
    role: 'editor',
    summary: 'publish a held translation as it is',
    async handle(ctx) {
      const approved = await approveTranslation(ctx.services.db, idParam(ctx, 'review approve: no translation'));
      await ctx.audit({ action: 'review.approve', target: `translation:${approved.translationId}`, before: { status: 'held' }, after: { status: 'approved', publication: approved.publicationId, path: approved.path } });
      return jsonReply(approved);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/review/:id/retranslate',
    role: 'editor',
    summary: 'queue a new translation of a held one (engine: by that engine)',
    async handle(ctx) {
      const id = idParam(ctx, 'review retranslate: no translation');
      const body = await bodyOf(ctx, RetranslateBody, 'review retranslate');
      const queued = await queueRetranslation(ctx.services.db, id, body.engine ?? null);
      await ctx.audit({ action: 'review.retranslate', target: `translation:${id}`, after: queued });
      return jsonReply(queued);
    },
  }),
];
