import type { AdminRoute } from '../admin-route.ts';

/** Login, logout, users, API tokens and the audit log. */
export const authRoutes: AdminRoute[] = [];
