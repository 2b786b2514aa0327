import type { AdminRoute } from '../admin-route.ts';
import { accountRoutes } from './account-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import { sourceRoutes } from './source-routes.ts';
import { storyRoutes } from './story-routes.ts';
import { takedownRoutes } from './takedown-routes.ts';

/** `/api/v1/…`: what the command line (and scripts with an API token) call on a running server. */
export const commandRoutes: AdminRoute[] = [...takedownRoutes, ...reviewRoutes, ...sourceRoutes, ...accountRoutes, ...storyRoutes];
