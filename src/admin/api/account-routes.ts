import { z } from 'zod';
import { addUser, allUsers, parseRole, removeUser, resetPassword } from '../auth/accounts.ts';
import { allTokens, createApiToken, revokeToken } from '../auth/api-tokens.ts';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf } from './api-route.ts';

const email = z.string().trim().min(1).max(254);
const role = z.string().transform((r) => parseRole(r));
/** A password chosen by the caller; without one, a one-time password is made and answered once. */
const password = z.string().min(1).max(1000).optional();

const AddUser = z.strictObject({ email, role, password });
const UserRef = z.strictObject({ email });
const ResetUser = z.strictObject({ email, password });
const AddToken = z.strictObject({ name: z.string().trim().min(1).max(100), role, scopes: z.array(z.string().trim().min(1).max(200)).max(50).optional() });
const TokenRef = z.strictObject({ token: z.union([z.string().trim().min(1).max(100), z.number().int().positive()]) });

/**
 * `transwire user …` and `transwire token …` beside a running server. A one-time password or a
 * new token's secret is in the answer, once, as the command prints it; only admins reach these.
 */
export const accountRoutes: AdminRoute[] = [
  apiRoute({
    method: 'GET',
    path: '/api/v1/users',
    role: 'admin',
    summary: 'the console\'s users and their roles',
    async handle(ctx) {
      return apiJson(await allUsers(ctx.services.db));
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/users',
    role: 'admin',
    summary: 'add a user (email, role; password, else a one-time one is answered)',
    async handle(ctx) {
      const body = await bodyOf(ctx, AddUser, 'user add');
      const added = await addUser(ctx.services.db, body);
      await ctx.audit({ action: 'user.add', target: `user:${added.user.email}`, after: { email: added.user.email, role: added.user.role } });
      return apiJson(added);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/users/remove',
    role: 'admin',
    summary: 'remove a user and end their sessions (never the last admin)',
    async handle(ctx) {
      const user = await removeUser(ctx.services.db, (await bodyOf(ctx, UserRef, 'user remove')).email);
      await ctx.audit({ action: 'user.remove', target: `user:${user.email}`, before: { email: user.email, role: user.role } });
      return apiJson(user);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/users/reset',
    role: 'admin',
    summary: 'a new one-time password (or the one given); ends their sessions',
    async handle(ctx) {
      const body = await bodyOf(ctx, ResetUser, 'user reset');
      const reset = await resetPassword(ctx.services.db, body.email, body.password);
      await ctx.audit({ action: 'user.reset', target: `user:${reset.user.email}`, after: { mustChangePassword: body.password === undefined } });
      return apiJson(reset);
    },
  }),
  apiRoute({
    method: 'GET',
    path: '/api/v1/tokens',
    role: 'admin',
    summary: 'the API tokens (never their secrets)',
    async handle(ctx) {
      return apiJson(await allTokens(ctx.services.db));
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/tokens',
    role: 'admin',
    summary: 'make an API token (name, role, scopes); its secret is answered once',
    async handle(ctx) {
      const body = await bodyOf(ctx, AddToken, 'token add');
      const made = await createApiToken(ctx.services.db, { name: body.name, role: body.role, scopes: body.scopes ?? [], createdBy: ctx.user.email });
      await ctx.audit({ action: 'token.add', target: `token:${made.row.name}`, after: { name: made.row.name, role: made.row.role, scopes: made.row.scopes } });
      return apiJson(made);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/tokens/revoke',
    role: 'admin',
    summary: 'revoke an API token (its name or id): it stops working at once',
    async handle(ctx) {
      const row = await revokeToken(ctx.services.db, String((await bodyOf(ctx, TokenRef, 'token revoke')).token));
      await ctx.audit({ action: 'token.revoke', target: `token:${row.name}`, before: { revoked: false }, after: { revoked: true } });
      return apiJson(row);
    },
  }),
];
