import { leaseRenewAt, sameSecret, verifyIntent, verifySignature, type AskedIntent } from '../feeds/index.ts';
import type { Db } from '../store/db.ts';
import { getWebSub, markWebSubFailed, markWebSubVerified, recordWebSubPush } from '../store/websub-subscriptions.ts';

export interface CallbackSubscription extends AskedIntent {
  secret: string;
}

export interface WebSubCallbackDeps {
  getSubscription(sourceId: number): Promise<CallbackSubscription | null>;
  markVerified(sourceId: number, v: { mode: 'subscribe' | 'unsubscribe'; leaseSeconds: number | null; verifiedAt: Date; expiresAt: Date | null; renewAt: Date | null }): Promise<void>;
  markDenied(sourceId: number, reason: string): Promise<void>;
  recordPush(sourceId: number, accepted: boolean): Promise<void>;
  /** A verified push: enqueue the content for parsing (in the same transaction as nothing else: it is a job). */
  onPush(sourceId: number, body: Buffer, contentType: string | null): Promise<void>;
  maxBodyBytes?: number;
  now?: () => Date;
}

const text = (status: number, body: string): Response => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * `/websub/{sourceId}/{token}`: GET is the hub verifying our intent (echo hub.challenge only on
 * the callback we gave, for the mode we are waiting for and our topic), POST is a push
 * (X-Hub-Signature, else X-Hub-Signature-256, HMAC checked over the raw body; a bad signature is
 * acknowledged with 2xx as WebSub requires, and dropped).
 *
 * `/websub/{sourceId}` without a token is the callback of subscriptions made before tokens: it
 * verifies nothing, and takes (signed) pushes only until that subscription has been renewed on
 * a callback with a token.
 */
export async function websubCallback(req: Request, deps: WebSubCallbackDeps): Promise<Response> {
  const url = new URL(req.url);
  const match = /\/websub\/(\d+)(?:\/([A-Za-z0-9_-]{1,200}))?\/?$/.exec(url.pathname);
  const sourceId = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(sourceId)) return text(404, 'unknown subscription');
  const token = match[2] ?? null;
  const sub = await deps.getSubscription(sourceId);
  const now = deps.now?.() ?? new Date();

  if (req.method === 'GET') {
    const intent = verifyIntent(url.searchParams, token, sub, now);
    if (!intent.ok) {
      if (intent.denied) {
        await deps.markDenied(sourceId, intent.reason);
        return text(200, 'ok');
      }
      return text(404, intent.reason);
    }
    const lease = intent.mode === 'subscribe' ? leaseRenewAt(now, intent.leaseSeconds) : null;
    await deps.markVerified(sourceId, { mode: intent.mode, leaseSeconds: intent.leaseSeconds, verifiedAt: now, expiresAt: lease?.expiresAt ?? null, renewAt: lease?.renewAt ?? null });
    return text(200, intent.challenge);
  }

  if (req.method === 'POST') {
    if (!sub || sub.state !== 'active') return text(410, 'not subscribed');
    const ours = token === null ? sub.callbackToken === null : sub.callbackToken !== null && sameSecret(token, sub.callbackToken);
    if (!ours) return text(410, 'not subscribed on this callback');
    const body = await readCapped(req, deps.maxBodyBytes ?? 10 * 1024 * 1024);
    if (!body) return text(413, 'body too large');
    // Some hubs send only the GitHub-style X-Hub-Signature-256 (always sha256=…).
    const signature = req.headers.get('x-hub-signature') ?? req.headers.get('x-hub-signature-256');
    if (!verifySignature(body, signature, sub.secret)) {
      await deps.recordPush(sourceId, false);
      return text(202, 'ignored');
    }
    await deps.onPush(sourceId, body, req.headers.get('content-type'));
    await deps.recordPush(sourceId, true);
    return text(202, 'accepted');
  }
  return new Response('method not allowed', { status: 405, headers: { allow: 'GET, POST' } });
}

async function readCapped(req: Request, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) return null;
  if (!req.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The deps over the store; `onPush` is the caller's (enqueue a parse job for the source). */
export function websubDepsFromDb(db: Db, onPush: WebSubCallbackDeps['onPush']): WebSubCallbackDeps {
  return {
    getSubscription: async (id) => {
      const row = await getWebSub(db, id);
      return row && { topic: row.topic, secret: row.secret, callbackToken: row.callback_token, awaiting: row.awaiting, requestedAt: row.requested_at, state: row.state };
    },
    markVerified: (id, v) => markWebSubVerified(db, id, v),
    markDenied: (id, reason) => markWebSubFailed(db, id, 'denied', reason),
    recordPush: (id, accepted) => recordWebSubPush(db, id, accepted),
    onPush,
  };
}
