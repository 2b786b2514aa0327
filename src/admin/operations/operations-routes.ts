import type { AdminRoute } from '../admin-route.ts';
import { dashboardRoutes } from './dashboard-page.ts';
import { glossaryRoutes } from './glossary-page.ts';
import { OPERATIONS_CSS } from './ops-view.ts';
import { policyRoutes } from './policy-page.ts';
import { sourceRoutes } from './source-page.ts';
import { sourcesListRoutes } from './sources-list-page.ts';

/**
 * Dashboard, sources, glossary and publish policy. Roles: a viewer reads every page; an editor
 * may also retry a failed job (it acts on content already in the wire); only an admin changes
 * sources, the glossary or the policy (they change what the wire takes in and publishes).
 */
export const operationsRoutes: AdminRoute[] = [
  ...dashboardRoutes,
  // Before /admin/sources/:id, so `import` and `sources.opml` are never taken for an id.
  ...sourcesListRoutes,
  ...sourceRoutes,
  ...glossaryRoutes,
  ...policyRoutes,
  {
    method: 'GET',
    path: '/admin/assets/operations.css',
    role: 'anonymous',
    summary: "the operations pages' stylesheet",
    handle: async () =>
      new Response(OPERATIONS_CSS, {
        headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
      }),
  },
];
