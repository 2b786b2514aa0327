import type { Db } from './db.ts';
import { jsonParam } from './sql-params.ts';

export interface AuditRow {
  id: number;
  at: Date;
  user_id: number | null;
  actor: string;
  via: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface NewAuditRow {
  userId: number | null;
  actor: string;
  via: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

export async function insertAudit(db: Db, a: NewAuditRow): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (at, user_id, actor, via, action, target, before, after) VALUES (coalesce($1, now()), $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)',
    [a.at ?? null, a.userId, a.actor, a.via, a.action, a.target, a.before === undefined ? null : jsonParam(a.before), a.after === undefined ? null : jsonParam(a.after)],
  );
}

export interface AuditFilter {
  /** The actor's email (or token name), exactly. */
  actor?: string;
  /** The action exactly, or a prefix ending in `.` (`review.` → every review action). */
  action?: string;
  /** Rows older than this id (keyset pagination, newest first). */
  beforeId?: number;
  limit?: number;
}

/** Audit rows, newest first. */
export async function listAudit(db: Db, f: AuditFilter = {}): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.actor) {
    params.push(f.actor);
    where.push(`actor = $${params.length}`);
  }
  if (f.action) {
    if (f.action.endsWith('.')) {
      params.push(`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`action LIKE $${params.length}`);
    } else {
      params.push(f.action);
      where.push(`action = $${params.length}`);
    }
  }
  if (f.beforeId) {
    params.push(f.beforeId);
    where.push(`id < $${params.length}`);
  }
  params.push(f.limit ?? 50);
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, user_id, actor, via, action, target, before, after FROM audit_log
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The actors and actions seen, for the filter menus. */
export async function auditFacets(db: Db): Promise<{ actors: string[]; actions: string[] }> {
  const actors = await db.query<{ actor: string }>('SELECT DISTINCT actor FROM audit_log ORDER BY actor LIMIT 500');
  const actions = await db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action LIMIT 500');
  return { actors: actors.rows.map((r) => r.actor), actions: actions.rows.map((r) => r.action) };
}
