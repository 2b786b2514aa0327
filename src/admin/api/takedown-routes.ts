import { z } from 'zod';
import { PermanentError } from '../../domain/errors.ts';
import { takeDown } from '../../jobs/takedown.ts';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf } from './api-route.ts';

const TakedownBody = z.strictObject({
  /** A path (`/es/2026/11/slug`), a full URL or a publication id. */
  target: z.union([z.string().trim().min(1), z.number().int().positive()]),
  reason: z.string().trim().min(1).max(2000).optional(),
});

/** `transwire takedown` beside a running server. */
export const takedownRoutes: AdminRoute[] = [
  apiRoute({
    method: 'POST',
    path: '/api/v1/takedowns',
    role: 'editor',
    summary: 'take a publication down (path, URL or id; reason): 410 at its URL, gone from lists, feeds, sitemaps and search',
    async handle(ctx) {
      const body = await bodyOf(ctx, TakedownBody, 'takedown');
      const pub = await takeDown(ctx.services.db, ctx.services.site, body.target, body.reason ?? null);
      if (!pub) throw new PermanentError(`takedown: no publication ${body.target}`, 'takedown.not_found', { httpStatus: 404 });
      await ctx.audit({ action: 'takedown', target: `publication:${pub.id}`, after: { status: 'gone', path: pub.path, reason: body.reason ?? null } });
      return apiJson(pub);
    },
  }),
];
