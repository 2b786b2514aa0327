import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { Route } from '../web/start-web-server.ts';
import { websubCallback, websubDepsFromDb } from '../web/websub-callback.ts';
import { JobQueue } from './queue.ts';

export interface WebSubPushPayload {
  sourceId: number;
  /** The raw body, base64: its bytes decide the charset, and they were what the HMAC covered. */
  body: string;
  contentType: string | null;
}

/**
 * A verified push becomes a job before the hub gets its 2xx: if the enqueue fails the hub sees
 * an error and retries, so no push is lost. The key is the body's hash: a hub re-sending the same
 * push is one job, two different pushes are two.
 */
export async function enqueueWebSubPush(db: Db, sourceId: number, body: Buffer, contentType: string | null): Promise<void> {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 24);
  const payload: WebSubPushPayload = { sourceId, body: body.toString('base64'), contentType };
  await JobQueue.enqueue(db, { kind: 'websub-push', key: `websub:push:${sourceId}:${hash}`, payload, priority: 10 });
}

/** `/websub/{sourceId}`, mounted by the web role: hub verification (GET) and pushes (POST). */
export function websubRoute(db: Db, opts: { maxBodyBytes?: number } = {}): Route {
  const deps = { ...websubDepsFromDb(db, (id, body, type) => enqueueWebSubPush(db, id, body, type)), maxBodyBytes: opts.maxBodyBytes ?? 5 * 1024 * 1024 };
  return { method: '*', prefix: '/websub/', handle: (req) => websubCallback(req, deps) };
}
