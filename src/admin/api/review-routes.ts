import { z } from 'zod';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf, idParam } from './api-route.ts';
import { dismissHeldUpdate, publishHeldUpdate } from '../editorial/held-update-commands.ts';
import { approveHeld, listHeldForReview, listHeldUpdatesForReview, retranslateHeld } from './held-review.ts';

const RetranslateBody = z.strictObject({ engine: z.string().trim().min(1).max(100).nullish() });

/** `transwire review list|approve|retranslate|updates|publish-update|dismiss-update` beside a running server. */
export const reviewRoutes: AdminRoute[] = [
  apiRoute({
    method: 'GET',
    path: '/api/v1/review',
    role: 'editor',
    summary: 'the translations held for review, each with its reason and original',
    async handle(ctx) {
      return apiJson(await listHeldForReview(ctx.services.db));
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/review/:id/approve',
    role: 'editor',
    summary: 'publish a held translation as it is',
    async handle(ctx) {
      const approved = await approveHeld(ctx.services, idParam(ctx, 'review approve: no translation'));
      await ctx.audit({ action: 'review.approve', target: `translation:${approved.translationId}`, before: { status: 'held' }, after: { status: 'approved', path: approved.path } });
      return apiJson(approved);
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
      const queued = await retranslateHeld(ctx.services, id, body.engine ?? null);
      await ctx.audit({ action: 'review.retranslate', target: `translation:${id}`, after: queued });
      return apiJson(queued);
    },
  }),
  apiRoute({
    method: 'GET',
    path: '/api/v1/review/updates',
    role: 'editor',
    summary: 'the source updates the gate held (the earlier translation live), each with its reason and what changed',
    async handle(ctx) {
      return apiJson(await listHeldUpdatesForReview(ctx.services.db));
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/review/updates/:id/publish',
    role: 'editor',
    summary: 'publish a held source update anyway: it becomes the live translation',
    async handle(ctx) {
      const id = idParam(ctx, 'review publish-update: no update');
      const done = await publishHeldUpdate(ctx.services, id, ctx.user.email);
      await ctx.audit({ action: 'review.update.publish', target: `update:${id}`, before: { outcome: 'held' }, after: { outcome: 'published', translation: done.translationId, path: done.path } });
      return apiJson(done);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/review/updates/:id/dismiss',
    role: 'editor',
    summary: 'dismiss a held source update: the earlier translation stays live',
    async handle(ctx) {
      const id = idParam(ctx, 'review dismiss-update: no update');
      const done = await dismissHeldUpdate(ctx.services, id, ctx.user.email);
      await ctx.audit({ action: 'review.update.dismiss', target: `update:${id}`, before: { outcome: 'held' }, after: { outcome: 'dismissed' } });
      return apiJson(done);
    },
  }),
];
