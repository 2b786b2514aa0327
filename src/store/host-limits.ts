import type { Db } from './db.ts';

export interface HostSlotOptions {
  /** Requests to this host in flight at once, across all processes. */
  concurrency: number;
  /** Minimum time between the starts of two requests to this host. */
  minIntervalMs: number;
  /** A slot whose holder died is reclaimed after this long. */
  leaseMs?: number;
}

/** The key a host's limits are kept under: `host[:port]` of the URL, in lower case; null for no URL. */
export function hostKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * SQL for the hosts a request may not start on now: at their concurrency (the one last asked
 * for, migration 093) or before their next allowed start (spacing, a Retry-After, a
 * Crawl-delay). The job queue's claim leaves their jobs where they are.
 */
export const BUSY_HOSTS_SQL = `SELECT h.host FROM fetch_hosts h
  WHERE h.next_allowed_at > clock_timestamp()
     OR (SELECT count(*) FROM fetch_host_leases l WHERE l.host = h.host AND l.lease_until > clock_timestamp()) >= coalesce(h.concurrency, 1)`;

export interface HostSlot {
  /** When the slot was granted, by the database clock (the clock the spacing is measured on). */
  acquiredAt: Date;
  release(): Promise<void>;
}

/**
 * Takes a per-host request slot, or says how long to wait for one. The limits live in the
 * database, so they hold across every worker and process: the host's row is locked while we
 * decide, and all times come from the database clock, never from the callers' clocks.
 * Must not be called inside a caller's transaction: the lease has to be visible at once.
 */
export async function acquireHostSlot(
  db: Db,
  host: string,
  opts: HostSlotOptions,
): Promise<HostSlot | { waitMs: number }> {
  const key = host.toLowerCase();
  // Must match hostKey(): the claim compares a job's host with this key.
  const { concurrency, minIntervalMs, leaseMs = 60_000 } = opts;
  // All of the decision is one SQL function (migration 010): one round trip, one transaction.
  const { rows } = await db.query<{ lease_id: number | null; acquired_at: Date | null; wait_ms: number }>(
    'SELECT lease_id, acquired_at, wait_ms FROM fetch_acquire_host_slot($1, $2, $3, $4)',
    [key, concurrency, minIntervalMs, leaseMs],
  );
  const row = rows[0]!;
  if (row.lease_id === null) return { waitMs: Math.max(1, Math.ceil(row.wait_ms)) };
  const outcome = { leaseId: row.lease_id, acquiredAt: new Date(row.acquired_at!) };
  let released = false;
  return {
    acquiredAt: outcome.acquiredAt,
    async release() {
      if (released) return;
      released = true;
      await db.query('DELETE FROM fetch_host_leases WHERE id = $1', [outcome.leaseId]);
    },
  };
}

/**
 * Holds every request to `host` until `until` (a 429/503 Retry-After, a Crawl-delay breach): the
 * whole host backs off, across processes, not just the one source that was told. Never moves
 * the host's next slot earlier, and is capped by `maxMs` so a hostile header cannot park a host.
 */
export async function deferHost(db: Db, host: string, until: Date, opts: { maxMs?: number } = {}): Promise<void> {
  const ms = Math.min(Math.max(0, until.getTime() - Date.now()), opts.maxMs ?? 3_600_000);
  await db.query(
    `INSERT INTO fetch_hosts (host, next_allowed_at) VALUES ($1, clock_timestamp() + $2::float8 * interval '1 millisecond')
     ON CONFLICT (host) DO UPDATE SET next_allowed_at = GREATEST(fetch_hosts.next_allowed_at, EXCLUDED.next_allowed_at),
                                      updated_at = clock_timestamp()`,
    [host.toLowerCase(), ms],
  );
}
