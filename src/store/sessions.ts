import type { Db } from './db.ts';
import type { UserRole } from './users.ts';

export interface SessionWithUser {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  role: UserRole;
  must_change_password: boolean;
}

export async function insertSession(
  db: Db,
  s: { idHash: string; userId: number; csrfToken: string; now: Date; expiresAt: Date; address?: string | null; userAgent?: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, address, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [s.idHash, s.userId, s.csrfToken, s.now, s.expiresAt, s.address ?? null, s.userAgent?.slice(0, 300) ?? null],
  );
}

/** The session and its user, if the session is neither past its absolute limit nor idle too long. */
export async function findLiveSession(db: Db, idHash: string, now: Date, idleMs: number): Promise<SessionWithUser | null> {
  const { rows } = await db.query<SessionWithUser>(
    `SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.email, u.role, u.must_change_password
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3`,
    [idHash, now, new Date(now.getTime() - idleMs)],
  );
  return rows[0] ?? null;
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount;
}

/** Sessions past either limit: removed now and then, so the table does not grow. */
export async function deleteDeadSessions(db: Db, now: Date, idleMs: number): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, new Date(now.getTime() - idleMs)])).rowCount;
}
