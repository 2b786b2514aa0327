import type { AdminRoute } from '../admin-route.ts';

/** `/api/v1/…`: what the command line (and scripts with an API token) call on a running server. */
export const commandRoutes: AdminRoute[] = [];
