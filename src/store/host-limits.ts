import type { Db } from './db.ts';

export interface HostSlotOptions {
  /** Requests to this host in flight at once, across all processes. */
  concurrency: number;
  /** Minimum time between the starts of two requests to this host. */
  minIntervalMs: number;
  /** A slot whose holder died is reclaimed after this long. */
  leaseMs?: number;
}

export interface HostSlot {
  /** When the slot was granted, by the database clock (the clock the spacing is measured on). */
  acquiredAt: Date;
  release(): Promise<void>;
}

/**
 * Takes a per-host request slot, or says how long to wait for one. The limits live in the
 * database, so they hold across every worker and process: the host's row is locked while we
 * decide, and all times come from the database clock, never from the callers' clocks.
 */
export async function acquireHostSlot(
  db: Db,
  host: string,
  opts: HostSlotOptions,
): Promise<HostSlot | { waitMs: number }> {
  const key = host.toLowerCase();
  const { concurrency, minIntervalMs, leaseMs = 60_000 } = opts;
  const outcome = await db.transaction(async (tx): Promise<{ waitMs: number } | { leaseId: number; acquiredAt: Date }> => {
    await tx.query('INSERT INTO fetch_hosts (host) VALUES ($1) ON CONFLICT (host) DO NOTHING', [key]);
    const gate = await tx.query<{ wait_ms: number }>(
      `SELECT GREATEST(0, EXTRACT(EPOCH FROM (next_allowed_at - clock_timestamp())) * 1000)::float8 AS wait_ms
         FROM fetch_hosts WHERE host = $1 FOR UPDATE`,
      [key],
    );
    await tx.query('DELETE FROM fetch_host_leases WHERE host = $1 AND lease_until <= clock_timestamp()', [key]);
    const busy = await tx.query<{ active: number; expiry_ms: number | null }>(
      `SELECT count(*)::int AS active,
              (EXTRACT(EPOCH FROM (min(lease_until) - clock_timestamp())) * 1000)::float8 AS expiry_ms
         FROM fetch_host_leases WHERE host = $1`,
      [key],
    );
    const { active, expiry_ms } = busy.rows[0]!;
    if (active >= concurrency) {
      // A slot frees when its holder releases it (unknown) or its lease lapses (known): poll
      // again after the usual spacing, or sooner if a lease is about to lapse.
      const hint = Math.max(minIntervalMs, 100);
      return { waitMs: Math.max(1, Math.ceil(Math.min(hint, expiry_ms ?? hint))) };
    }
    const waitMs = gate.rows[0]!.wait_ms;
    if (waitMs > 0) return { waitMs: Math.ceil(waitMs) };
    const lease = await tx.query<{ id: number; acquired_at: Date }>(
      `INSERT INTO fetch_host_leases (host, lease_until)
       VALUES ($1, clock_timestamp() + $2::float8 * interval '1 millisecond') RETURNING id, acquired_at`,
      [key, leaseMs],
    );
    await tx.query(
      `UPDATE fetch_hosts SET next_allowed_at = clock_timestamp() + $2::float8 * interval '1 millisecond',
              requests = requests + 1, updated_at = clock_timestamp()
        WHERE host = $1`,
      [key, minIntervalMs],
    );
    return { leaseId: lease.rows[0]!.id, acquiredAt: new Date(lease.rows[0]!.acquired_at) };
  });
  if ('waitMs' in outcome) return outcome;
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
