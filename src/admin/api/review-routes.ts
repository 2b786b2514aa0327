import { z } from 'zod';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute } from './api-route.ts';
import { editorActionRoute } from './editor-action-route.ts';
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
  editorActionRoute({
    path: '/api/v1/review/:id/approve',
    summary: 'publish a held translation as it is',
    what: 'review approve',
    idOf: 'translation',
    run: (ctx, id) => approveHeld(ctx.services, id),
    audit: (approved) => ({ action: 'review.approve', target: `translation:${approved.translationId}`, before: { status: 'held' }, after: { status: 'approved', path: approved.path } }),
  }),
  editorActionRoute({
    path: '/api/v1/review/:id/retranslate',
    summary: 'queue a new translation of a held one (engine: by that engine)',
    what: 'review retranslate',
    idOf: 'translation',
    body: RetranslateBody,
    run: (ctx, id, body) => retranslateHeld(ctx.services, id, body.engine ?? null),
    audit: (queued, id) => ({ action: 'review.retranslate', target: `translation:${id}`, after: queued }),
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
  editorActionRoute({
    path: '/api/v1/review/updates/:id/publish',
    summary: 'publish a held source update anyway: it becomes the live translation',
    what: 'review publish-update',
    idOf: 'update',
    run: (ctx, id) => publishHeldUpdate(ctx.services, id, ctx.user.email),
    audit: (done, id) => ({ action: 'review.update.publish', target: `update:${id}`, before: { outcome: 'held' }, after: { outcome: 'published', translation: done.translationId, path: done.path } }),
  }),
  editorActionRoute({
    path: '/api/v1/review/updates/:id/dismiss',
    summary: 'dismiss a held source update: the earlier translation stays live',
    what: 'review dismiss-update',
    idOf: 'update',
    run: (ctx, id) => dismissHeldUpdate(ctx.services, id, ctx.user.email),
    audit: (_done, id) => ({ action: 'review.update.dismiss', target: `update:${id}`, before: { outcome: 'held' }, after: { outcome: 'dismissed' } }),
  }),
];
