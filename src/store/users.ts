import type { Db } from './db.ts';

export type UserRole = 'viewer' | 'editor' | 'admin';

export interface UserRow {
  id: number;
  email: string;
  role: UserRole;
  password_hash: string;
  must_change_password: boolean;
  created_at: Date;
  password_changed_at: Date;
}

/** Emails are compared case-insensitively: stored lowercased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(db: Db, u: { email: string; role: UserRole; passwordHash: string; mustChangePassword: boolean }): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    'INSERT INTO users (email, role, password_hash, must_change_password) VALUES ($1, $2, $3, $4) RETURNING *',
    [normalizeEmail(u.email), u.role, u.passwordHash, u.mustChangePassword],
  );
  return rows[0]!;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE email = $1', [normalizeEmail(email)]);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return (await db.query<UserRow>('SELECT * FROM users ORDER BY email')).rows;
}

/** Removes a user; their sessions go with them (ON DELETE CASCADE). */
export async function deleteUser(db: Db, id: number): Promise<boolean> {
  return (await db.query('DELETE FROM users WHERE id = $1', [id])).rowCount > 0;
}

export async function updatePassword(db: Db, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now() WHERE id = $1', [id, passwordHash, mustChange]);
}

export async function updateRole(db: Db, id: number, role: UserRole): Promise<void> {
  await db.query('UPDATE users SET role = $2 WHERE id = $1', [id, role]);
}

export async function countAdmins(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>("SELECT count(*) AS n FROM users WHERE role = 'admin'");
  return Number(rows[0]!.n);
}
