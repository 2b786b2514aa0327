import { hostname } from 'node:os';
import { errorMessage } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import { beat, markStopped } from '../store/worker-heartbeats.ts';
import { repeat } from './repeat.ts';

export interface HeartbeatOptions {
  db: Db;
  workerId: string;
  kinds: string[];
  roles: string[];
  intervalMs: number;
  log: Logger;
}

/**
 * Writes this worker pool's heartbeat row every `intervalMs` (the dashboard's "workers alive");
 * stop() records a clean stop. A failed beat is logged and tried again next time: a busy
 * database must never stop the jobs.
 */
export function startHeartbeat(opts: HeartbeatOptions): { stop(): Promise<void> } {
  const hb = { workerId: opts.workerId, host: hostname(), pid: process.pid, roles: opts.roles, kinds: opts.kinds, intervalMs: opts.intervalMs };
  const loop = repeat(() => beat(opts.db, hb).catch((err) => opts.log.warn({ err: errorMessage(err) }, 'heartbeat not written')), opts.intervalMs);
  return {
    async stop() {
      await loop.stop();
      await markStopped(opts.db, opts.workerId).catch((err) => opts.log.warn({ err: errorMessage(err) }, 'heartbeat: stop not recorded'));
    },
  };
}
