import type { AdminRoute } from './admin-route.ts';
import { commandRoutes } from './api/command-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { editorialRoutes } from './editorial/editorial-routes.ts';
import { operationsRoutes } from './operations/operations-routes.ts';
import { storyConsoleRoutes } from './stories/story-console-routes.ts';

/** Every console and API route, in one list: the mount serves it, the role test walks it. */
export function adminRoutes(): AdminRoute[] {
  return [...authRoutes, ...editorialRoutes, ...operationsRoutes, ...storyConsoleRoutes, ...commandRoutes];
}
