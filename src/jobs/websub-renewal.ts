import { repeat } from './repeat.ts';
import { errorMessage } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import { JobQueue } from './queue.ts';
import { subscribeJobKey, type WebSubSubscribePayload } from './websub-plan.ts';

/**
 * Renews WebSub leases before they end: each due subscription gets a subscribe job (which reuses
 * its secret). Its renew_at moves an hour ahead in the same statement, so two schedulers never
 * queue one twice and a hub that does not answer is asked again hourly, not every tick; the
 * hub's verification sets the real next renewal.
 */
export function startWebSubRenewal(opts: { db: Db; log: Logger; everyMs?: number; retrySeconds?: number }): { stop(): Promise<void>; tick(): Promise<number> } {
  const { db, log } = opts;
  async function tick(): Promise<number> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<{ source_id: number; hub: string; topic: string }>(
        `UPDATE websub_subscriptions SET renew_at = now() + make_interval(secs => $1), updated_at = now()
          WHERE source_id IN (SELECT source_id FROM websub_subscriptions WHERE state = 'active' AND renew_at <= now()
                                 AND source_id IN (SELECT id FROM sources WHERE enabled)
                               ORDER BY renew_at LIMIT 100 FOR UPDATE SKIP LOCKED)
          RETURNING source_id::int AS source_id, hub, topic`,
        [opts.retrySeconds ?? 3600],
      );
      for (const r of rows) {
        const payload: WebSubSubscribePayload = { sourceId: r.source_id, hub: r.hub, topic: r.topic };
        await JobQueue.enqueue(tx, { kind: 'websub-subscribe', key: subscribeJobKey(r.source_id), payload, priority: 30 });
      }
      return rows.length;
    });
  }

  const loop = repeat(
    () =>
      tick()
        .then((n) => n && log.info({ renewals: n }, 'websub renewals queued'))
        .catch((err) => log.error({ err: errorMessage(err) }, 'websub renewal tick failed')),
    opts.everyMs ?? 60_000,
  );
  return { tick, stop: () => loop.stop() };
}
