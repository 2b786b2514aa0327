import type { AdminRoute } from '../admin-route.ts';

/** Review queue, post-editing, published stories, corrections, takedowns. */
export const editorialRoutes: AdminRoute[] = [];
