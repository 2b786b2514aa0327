import type { AdminRoute } from '../admin-route.ts';
import { CONSOLE_CSS } from '../console-css.ts';

/** The stylesheet is public (the login page needs it) and holds nothing secret. */
export const assetRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/assets/console.css',
    role: 'anonymous',
    summary: "the console's stylesheet",
    handle: async () =>
      new Response(CONSOLE_CSS, {
        headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
      }),
  },
];
