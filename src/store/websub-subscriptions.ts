import type { Db } from './db.ts';

export type WebSubState = 'pending' | 'active' | 'unsubscribed' | 'denied' | 'failed';

export interface WebSubSubscriptionRow {
  source_id: number;
  hub: string;
  topic: string;
  secret: string;
  /** The secret part of our callback URL; null for a subscription made before it existed (migration 061). */
  callback_token: string | null;
  /** The intent we asked for that the hub has not verified yet. */
  awaiting: 'subscribe' | 'unsubscribe' | null;
  state: WebSubState;
  mode: 'subscribe' | 'unsubscribe';
  lease_seconds: number | null;
  requested_at: Date;
  verified_at: Date | null;
  expires_at: Date | null;
  renew_at: Date | null;
  last_push_at: Date | null;
  pushes: number;
  rejected_pushes: number;
  last_error: string | null;
}

const COLUMNS = `source_id::int AS source_id, hub, topic, secret, callback_token, awaiting, state, mode, lease_seconds, requested_at, verified_at,
  expires_at, renew_at, last_push_at, pushes::int AS pushes, rejected_pushes::int AS rejected_pushes, last_error`;

/**
 * Records that we asked the hub (subscribe or unsubscribe) on the callback with `callbackToken`;
 * the hub's verification comes later and is accepted only there, for that mode. Without a token
 * no verification can be accepted (tools and benches that mark a subscription verified directly).
 */
export async function requestWebSub(
  db: Db,
  s: { sourceId: number; hub: string; topic: string; secret: string; callbackToken?: string | null; mode?: 'subscribe' | 'unsubscribe' },
): Promise<WebSubSubscriptionRow> {
  const { rows } = await db.query<WebSubSubscriptionRow>(
    `INSERT INTO websub_subscriptions (source_id, hub, topic, secret, callback_token, mode, awaiting) VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (source_id) DO UPDATE SET hub = EXCLUDED.hub, topic = EXCLUDED.topic, secret = EXCLUDED.secret,
       callback_token = EXCLUDED.callback_token, mode = EXCLUDED.mode, awaiting = EXCLUDED.awaiting,
       state = CASE WHEN websub_subscriptions.state = 'active' AND EXCLUDED.mode = 'subscribe' THEN 'active' ELSE 'pending' END,
       requested_at = now(), last_error = NULL, updated_at = now()
     RETURNING ${COLUMNS}`,
    [s.sourceId, s.hub, s.topic, s.secret, s.callbackToken ?? null, s.mode ?? 'subscribe'],
  );
  return rows[0]!;
}

export async function getWebSub(db: Db, sourceId: number): Promise<WebSubSubscriptionRow | null> {
  const { rows } = await db.query<WebSubSubscriptionRow>(`SELECT ${COLUMNS} FROM websub_subscriptions WHERE source_id = $1`, [sourceId]);
  return rows[0] ?? null;
}

/** The hub verified our intent: a subscription becomes active with its lease, an unsubscription ends. */
export async function markWebSubVerified(
  db: Db,
  sourceId: number,
  v: { mode: 'subscribe' | 'unsubscribe'; leaseSeconds: number | null; verifiedAt: Date; expiresAt: Date | null; renewAt: Date | null },
): Promise<void> {
  await db.query(
    `UPDATE websub_subscriptions SET state = $2, lease_seconds = $3, verified_at = $4, expires_at = $5, renew_at = $6,
       awaiting = NULL, last_error = NULL, updated_at = now() WHERE source_id = $1`,
    [sourceId, v.mode === 'subscribe' ? 'active' : 'unsubscribed', v.leaseSeconds, v.verifiedAt, v.expiresAt, v.renewAt],
  );
}

export async function markWebSubFailed(db: Db, sourceId: number, state: 'denied' | 'failed', error: string): Promise<void> {
  await db.query(`UPDATE websub_subscriptions SET state = $2, last_error = $3, awaiting = NULL, updated_at = now() WHERE source_id = $1`, [sourceId, state, error]);
}

export async function recordWebSubPush(db: Db, sourceId: number, accepted: boolean): Promise<void> {
  await db.query(
    accepted
      ? `UPDATE websub_subscriptions SET pushes = pushes + 1, last_push_at = now(), updated_at = now() WHERE source_id = $1`
      : `UPDATE websub_subscriptions SET rejected_pushes = rejected_pushes + 1, updated_at = now() WHERE source_id = $1`,
    [sourceId],
  );
}

/** Active subscriptions whose lease should be renewed now (the scheduler re-subscribes them). */
export async function webSubsDueForRenewal(db: Db, now: Date, limit = 100): Promise<WebSubSubscriptionRow[]> {
  const { rows } = await db.query<WebSubSubscriptionRow>(
    `SELECT ${COLUMNS} FROM websub_subscriptions WHERE state = 'active' AND renew_at <= $1 ORDER BY renew_at LIMIT $2`,
    [now, limit],
  );
  return rows;
}

/** A subscribe job failed for good: the error is kept, the state (a lease may still run) is not touched. */
export async function noteWebSubError(db: Db, sourceId: number, error: string): Promise<void> {
  await db.query(`UPDATE websub_subscriptions SET last_error = $2, updated_at = now() WHERE source_id = $1`, [sourceId, error]);
}
