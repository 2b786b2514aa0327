import type { AdminRoute } from '../admin-route.ts';
import { dashboardRoutes } from './dashboard-page.ts';
import { glossaryRoutes } from './glossary-page.ts';
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
];
