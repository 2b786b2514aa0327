import type { AdminRoute } from '../admin-route.ts';
import { accountRoutes } from './account-routes.ts';
import { assetRoutes } from './asset-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { loginRoutes } from './login-routes.ts';
import { tokenRoutes } from './token-routes.ts';
import { userRoutes } from './user-routes.ts';

/** Login, logout, your account, users, API tokens, the audit log and the console's stylesheet. */
export const authRoutes: AdminRoute[] = [...loginRoutes, ...accountRoutes, ...userRoutes, ...tokenRoutes, ...auditRoutes, ...assetRoutes];
