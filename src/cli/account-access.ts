import { addUser, allUsers, removeUser, resetPassword, type UserSummary } from '../admin/auth/accounts.ts';
import { allTokens, createApiToken, revokeToken } from '../admin/auth/api-tokens.ts';
import type { Role } from '../admin/admin-route.ts';
import type { ApiTokenRow } from '../store/api-tokens.ts';
import { insertAudit } from '../store/audit-log.ts';
import type { Db } from '../store/db.ts';
import type { ServerClient } from './server-client.ts';

/**
 * What `transwire user` and `transwire token` do, straight on the database (audited as the local
 * command line) or through a running server's API (which audits): the same answers either way,
 * so the commands print the same.
 */
export interface UserAccess {
  list(): Promise<UserSummary[]>;
  add(input: { email: string; role: Role; password?: string }): Promise<{ user: UserSummary; password: string; generated: boolean }>;
  remove(email: string): Promise<UserSummary>;
  reset(email: string, password?: string): Promise<{ user: UserSummary; password: string }>;
}

export interface TokenAccess {
  list(): Promise<ApiTokenRow[]>;
  add(input: { name: string; role: Role; scopes: string[] }): Promise<{ token: string; row: ApiTokenRow }>;
  revoke(idOrName: string): Promise<ApiTokenRow>;
}

const audit = (db: Db, action: string, target: string, change: { before?: unknown; after?: unknown }) =>
  insertAudit(db, { userId: null, actor: 'local-cli', via: 'cli', action, target, ...change });

export function usersOnDb(db: Db): UserAccess {
  return {
    list: () => allUsers(db),
    async add(input) {
      const added = await addUser(db, input);
      await audit(db, 'user.add', `user:${added.user.email}`, { after: { email: added.user.email, role: added.user.role } });
      return added;
    },
    async remove(email) {
      const user = await removeUser(db, email);
      await audit(db, 'user.remove', `user:${user.email}`, { before: { email: user.email, role: user.role } });
      return user;
    },
    async reset(email, password) {
      const reset = await resetPassword(db, email, password);
      await audit(db, 'user.reset', `user:${reset.user.email}`, { after: { mustChangePassword: password === undefined } });
      return reset;
    },
  };
}

export function usersOnServer(server: ServerClient): UserAccess {
  return {
    list: () => server.get('/api/v1/users'),
    add: (input) => server.post('/api/v1/users', input),
    remove: (email) => server.post('/api/v1/users/remove', { email }),
    reset: (email, password) => server.post('/api/v1/users/reset', { email, password }),
  };
}

export function tokensOnDb(db: Db): TokenAccess {
  return {
    list: () => allTokens(db),
    async add(input) {
      const made = await createApiToken(db, { ...input, createdBy: 'local-cli' });
      await audit(db, 'token.add', `token:${made.row.name}`, { after: { name: made.row.name, role: made.row.role, scopes: made.row.scopes } });
      return made;
    },
    async revoke(idOrName) {
      const row = await revokeToken(db, idOrName);
      await audit(db, 'token.revoke', `token:${row.name}`, { before: { revoked: false }, after: { revoked: true } });
      return row;
    },
  };
}

export function tokensOnServer(server: ServerClient): TokenAccess {
  return {
    list: () => server.get('/api/v1/tokens'),
    add: (input) => server.post('/api/v1/tokens', input),
    revoke: (token) => server.post('/api/v1/tokens/revoke', { token }),
  };
}
