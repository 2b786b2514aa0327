import type { AdminRoute } from '../admin-route.ts';
import { STYLESHEETS } from '../assets/stylesheets.ts';

/** The stylesheets are public (the login page needs the console's) and hold nothing secret. */
export const assetRoutes: AdminRoute[] = Object.entries(STYLESHEETS).map(([name, sheet]) => ({
  method: 'GET',
  path: sheet.path,
  role: 'anonymous',
  summary: `the ${name} stylesheet`,
  handle: async () =>
    new Response(sheet.css, {
      headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
    }),
}));
