import type { AdminRoute } from '../admin-route.ts';

/** Dashboard, sources, glossary and publish policy. */
export const operationsRoutes: AdminRoute[] = [];
