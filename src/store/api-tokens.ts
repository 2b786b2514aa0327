import type { Db } from './db.ts';
import type { UserRole } from './users.ts';

export interface ApiTokenRow {
  id: number;
  name: string;
  role: UserRole;
  scopes: string[];
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, role, scopes, created_by, created_at, last_used_at, revoked_at';

export async function insertApiToken(db: Db, t: { name: string; tokenHash: string; role: UserRole; scopes: string[]; createdBy: string | null }): Promise<ApiTokenRow> {
  const { rows } = await db.query<ApiTokenRow>(
    `INSERT INTO api_tokens (name, token_hash, role, scopes, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [t.name, t.tokenHash, t.role, t.scopes, t.createdBy],
  );
  return rows[0]!;
}

/** The live (not revoked) token with this hash. */
export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | null> {
  const { rows } = await db.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
  return rows[0] ?? null;
}

export async function findApiToken(db: Db, idOrName: string): Promise<ApiTokenRow | null> {
  const { rows } = /^\d+$/.test(idOrName)
    ? await db.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [Number(idOrName)])
    : await db.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE name = $1`, [idOrName]);
  return rows[0] ?? null;
}

export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return (await db.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY revoked_at IS NOT NULL, name`)).rows;
}

export async function revokeApiToken(db: Db, id: number, at: Date): Promise<boolean> {
  return (await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at])).rowCount > 0;
}

export async function touchApiToken(db: Db, id: number, at: Date): Promise<void> {
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, at]);
}
