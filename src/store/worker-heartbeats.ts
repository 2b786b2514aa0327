import type { Db } from './db.ts';

export interface Heartbeat {
  workerId: string;
  host: string;
  pid: number;
  roles: string[];
  kinds: string[];
  intervalMs: number;
}

export interface WorkerRow {
  worker_id: string;
  host: string;
  pid: number;
  roles: string[];
  kinds: string[];
  interval_ms: number;
  started_at: Date;
  last_beat_at: Date;
  stopped_at: Date | null;
  /** alive: seen within three intervals; dead: not seen since, and never said it stopped; stopped: a clean stop. */
  state: 'alive' | 'dead' | 'stopped';
  seconds_since_beat: number;
}

/** Seen within three of its intervals and not stopped: the one rule for "alive" (dashboard and /metrics). */
const ALIVE = 'last_beat_at >= now() - make_interval(secs => interval_ms * 3 / 1000.0)';

/** One beat: the row is created on the first and its last_beat_at moved on every later one (database clock). */
export async function beat(db: Db, hb: Heartbeat): Promise<void> {
  await db.query(
    `INSERT INTO worker_heartbeats (worker_id, host, pid, roles, kinds, interval_ms) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (worker_id) DO UPDATE SET last_beat_at = now(), stopped_at = NULL`,
    [hb.workerId, hb.host, hb.pid, hb.roles, hb.kinds, hb.intervalMs],
  );
}

export async function markStopped(db: Db, workerId: string): Promise<void> {
  await db.query('UPDATE worker_heartbeats SET stopped_at = now(), last_beat_at = now() WHERE worker_id = $1', [workerId]);
}

/** Workers seen in the last day, newest first, with their state judged by the database's clock. */
export async function listWorkers(db: Db): Promise<WorkerRow[]> {
  const { rows } = await db.query<WorkerRow>(
    `SELECT *, EXTRACT(EPOCH FROM now() - last_beat_at)::float8 AS seconds_since_beat,
            CASE WHEN stopped_at IS NOT NULL THEN 'stopped'
                 WHEN ${ALIVE} THEN 'alive'
                 ELSE 'dead' END AS state
       FROM worker_heartbeats WHERE last_beat_at > now() - interval '1 day'
      ORDER BY (stopped_at IS NULL) DESC, last_beat_at DESC LIMIT 100`,
  );
  return rows;
}

export async function countAliveWorkers(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM worker_heartbeats WHERE stopped_at IS NULL AND ${ALIVE}`);
  return rows[0]?.n ?? 0;
}

/** Rows of workers gone for a week: dropped. */
export async function pruneWorkers(db: Db): Promise<void> {
  await db.query(`DELETE FROM worker_heartbeats WHERE last_beat_at < now() - interval '7 days'`);
}
