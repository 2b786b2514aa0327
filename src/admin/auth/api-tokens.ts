import type { Db } from '../../store/db.ts';
import { findApiToken, findApiTokenByHash, insertApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from '../../store/api-tokens.ts';
import type { Role } from '../admin-route.ts';
import { AccountError } from './accounts.ts';
import { randomToken, sha256Hex } from './secrets.ts';

/** Tokens start with `tw_` so a leaked one is recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'tw_';

/**
 * A scope names the first segment under /api/v1/ a token may call (`takedowns`, `review`,
 * `sources`); a token without scopes may call every API route its role allows.
 */
export function parseScopes(value: string | null | undefined): string[] {
  const scopes = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const s of scopes) if (!/^[a-z0-9][a-z0-9-]*$/.test(s)) throw new AccountError(`"${s}" is not a scope (a path segment under /api/v1/, e.g. takedowns)`);
  return [...new Set(scopes)];
}

export function tokenAllows(scopes: readonly string[], path: string): boolean {
  if (scopes.length === 0) return true;
  const first = path.replace(/^\/api\/v1\//, '').split('/')[0] ?? '';
  return scopes.includes(first);
}

/** Makes a token: the secret is returned once; only its sha256 is kept. */
export async function createApiToken(db: Db, input: { name: string; role: Role; scopes?: string[]; createdBy: string | null }): Promise<{ token: string; row: ApiTokenRow }> {
  const name = input.name.trim();
  if (!/^[\w.@-]{1,64}$/.test(name)) throw new AccountError(`a token's name is 1 to 64 letters, digits, . _ @ or -, not "${input.name}"`);
  if (await findApiToken(db, name)) throw new AccountError(`a token named ${name} exists (revoke it, or choose another name)`, 409);
  const token = TOKEN_PREFIX + randomToken();
  const row = await insertApiToken(db, { name, tokenHash: sha256Hex(token), role: input.role, scopes: input.scopes ?? [], createdBy: input.createdBy });
  return { token, row };
}

/** The live token a bearer string names, or null. */
export async function findTokenBySecret(db: Db, secret: string): Promise<ApiTokenRow | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  return findApiTokenByHash(db, sha256Hex(secret));
}

export async function revokeToken(db: Db, idOrName: string, now = new Date()): Promise<ApiTokenRow> {
  const row = await findApiToken(db, idOrName);
  if (!row) throw new AccountError(`no token ${idOrName}`, 404);
  if (row.revoked_at) throw new AccountError(`token ${row.name} was revoked already`, 409);
  await revokeApiToken(db, row.id, now);
  return { ...row, revoked_at: now };
}

export const allTokens = listApiTokens;
