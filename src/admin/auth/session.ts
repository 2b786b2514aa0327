import type { Db } from '../../store/db.ts';
import { deleteDeadSessions, deleteSession, findLiveSession, insertSession, touchSession, type SessionWithUser } from '../../store/sessions.ts';
import { randomToken, sha256Hex } from './secrets.ts';

export const SESSION_COOKIE = 'tw_session';
/** Before login: the double-submit token of the login form (login CSRF). */
export const LOGIN_COOKIE = 'tw_login';

export interface SessionPolicy {
  /** A session unused this long ends (default 2 h). */
  idleMs: number;
  /** A session ends this long after login, however busy (default 12 h). */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000 };

/** last_seen_at is written at most this often: every page view would otherwise be a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Starts a session for a user who just proved who they are. The id is new (never one the browser
 * brought: no fixation); the browser keeps it, the database keeps its sha256.
 */
export async function startSession(db: Db, userId: number, now: Date, policy: SessionPolicy, meta: { address?: string; userAgent?: string | null } = {}): Promise<{ id: string; csrfToken: string }> {
  const id = randomToken();
  const csrfToken = randomToken();
  await insertSession(db, { idHash: sha256Hex(id), userId, csrfToken, now, expiresAt: new Date(now.getTime() + policy.absoluteMs), address: meta.address, userAgent: meta.userAgent });
  // Now and then the dead sessions of everyone are swept; no timer needed.
  if (Math.random() < 0.05) await deleteDeadSessions(db, now, policy.idleMs);
  return { id, csrfToken };
}

/** The live session a cookie value names, its idle clock restarted. */
export async function readSession(db: Db, id: string | undefined, now: Date, policy: SessionPolicy): Promise<SessionWithUser | null> {
  if (!id || id.length > 100) return null;
  const session = await findLiveSession(db, sha256Hex(id), now, policy.idleMs);
  if (session && now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) await touchSession(db, session.id_hash, now);
  return session;
}

export async function endSession(db: Db, id: string): Promise<void> {
  await deleteSession(db, sha256Hex(id));
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * A console cookie: never readable by scripts, sent on top-level navigation from elsewhere (so a
 * link into the console works) but not on cross-site POSTs, only under /admin, Secure on https.
 * Without maxAge it lasts until the browser closes; the server's limits apply anyway.
 */
export function cookieHeader(name: string, value: string, opts: { secure: boolean; maxAgeS?: number }): string {
  return [`${name}=${value}`, 'Path=/admin', 'HttpOnly', 'SameSite=Lax', ...(opts.secure ? ['Secure'] : []), ...(opts.maxAgeS !== undefined ? [`Max-Age=${opts.maxAgeS}`] : [])].join('; ');
}

export function clearCookieHeader(name: string, secure: boolean): string {
  return cookieHeader(name, '', { secure, maxAgeS: 0 });
}
