import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseLinkHeader } from './link-header.ts';

/**
 * WebSub subscriber, pure parts (W3C WebSub): discovery, the subscribe request, verification of
 * intent, the push signature and lease renewal. The I/O is the caller's (a job and the web route).
 */

/** Hub and topic: the HTTP Link header wins over links in the feed body (WebSub §4). */
export function discoverWebSub(
  feed: { hub: string | null; self: string | null },
  linkHeader: string | null | undefined,
  feedUrl: string,
): { hub: string | null; topic: string } {
  const links = parseLinkHeader(linkHeader, feedUrl);
  const hub = links.find((l) => l.rel.includes('hub'))?.url ?? feed.hub;
  const topic = links.find((l) => l.rel.includes('self'))?.url ?? feed.self ?? feedUrl;
  return { hub, topic };
}

export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('hex');
}

export interface SubscribeRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export function buildSubscribeForm(opts: {
  hub: string;
  topic: string;
  callback: string;
  secret?: string | null;
  leaseSeconds?: number | null;
  mode?: 'subscribe' | 'unsubscribe';
}): SubscribeRequest {
  const form = new URLSearchParams({ 'hub.callback': opts.callback, 'hub.mode': opts.mode ?? 'subscribe', 'hub.topic': opts.topic });
  // The spec caps the secret at 200 bytes; hubs reject longer ones.
  if (opts.secret) {
    if (Buffer.byteLength(opts.secret) > 199) throw new RangeError('websub: secret longer than 199 bytes');
    form.set('hub.secret', opts.secret);
  }
  if (opts.leaseSeconds) form.set('hub.lease_seconds', String(Math.floor(opts.leaseSeconds)));
  return { url: opts.hub, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
}

/** Sends the request with the fetch it is handed; a hub answers 202 Accepted (any 2xx counts). */
export async function sendSubscription(req: SubscribeRequest, fetchImpl: typeof fetch): Promise<{ accepted: boolean; status: number; error: string | null }> {
  const res = await fetchImpl(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual' });
  const text = res.ok ? '' : (await res.text().catch(() => '')).slice(0, 300);
  return { accepted: res.ok, status: res.status, error: res.ok ? null : `hub answered ${res.status}${text ? `: ${text}` : ''}` };
}

export type IntentResult =
  | { ok: true; mode: 'subscribe' | 'unsubscribe'; challenge: string; leaseSeconds: number | null }
  | { ok: false; reason: string; denied: boolean };

/** What we asked a hub for, as stored: the only thing a verification of intent may confirm. */
export interface AskedIntent {
  topic: string;
  /** The secret path segment of the callback we gave the hub (null: a callback made before it existed). */
  callbackToken: string | null;
  /** The intent not verified yet; null when we are not waiting for a verification. */
  awaiting: 'subscribe' | 'unsubscribe' | null;
  requestedAt: Date;
  state: string;
}

/** A hub verifies within seconds to minutes; a request older than this is no longer ours to confirm. */
export const VERIFY_WINDOW_MS = 24 * 3600_000;

/**
 * The hub's GET to our callback (WebSub §5.3). We echo hub.challenge only when the callback's
 * token is the one we gave for this subscription, we are waiting for exactly this mode, the topic
 * is ours and the request is recent; anything else is refused (404), so that nobody who merely
 * knows a source id can confirm, deny or end a subscription.
 */
export function verifyIntent(query: URLSearchParams, token: string | null, asked: AskedIntent | null, now = new Date()): IntentResult {
  const mode = query.get('hub.mode');
  const topic = query.get('hub.topic');
  if (!asked) return { ok: false, reason: 'no subscription for this callback', denied: false };
  if (!asked.callbackToken || !token || !sameSecret(token, asked.callbackToken)) return { ok: false, reason: 'unknown callback', denied: false };
  if (!topic || !sameTopic(topic, asked.topic)) return { ok: false, reason: 'hub.topic does not match', denied: false };
  if (mode === 'denied') {
    // A hub may refuse a request, or end a subscription later (§5.2): either way it was ours.
    if (asked.state !== 'pending' && asked.state !== 'active') return { ok: false, reason: 'nothing to deny', denied: false };
    return { ok: false, reason: `hub denied the subscription: ${query.get('hub.reason') ?? 'no reason given'}`, denied: true };
  }
  if (!asked.awaiting) return { ok: false, reason: 'no request is waiting for verification', denied: false };
  if (mode !== asked.awaiting) return { ok: false, reason: `unexpected hub.mode ${mode}`, denied: false };
  if (now.getTime() - asked.requestedAt.getTime() > VERIFY_WINDOW_MS) return { ok: false, reason: 'the request is too old to verify', denied: false };
  const challenge = query.get('hub.challenge');
  if (!challenge) return { ok: false, reason: 'missing hub.challenge', denied: false };
  const lease = Number(query.get('hub.lease_seconds'));
  return { ok: true, mode: asked.awaiting, challenge, leaseSeconds: Number.isFinite(lease) && lease > 0 ? Math.floor(lease) : null };
}

/** Compares a token from a URL with ours without telling, by its timing, how much of it matched. */
export function sameSecret(given: string, ours: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(ours);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sameTopic(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

const ALGORITHMS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

/** `X-Hub-Signature: sha256=<hex>` over the raw body, compared in constant time. */
export function verifySignature(body: Buffer, header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  const eq = header.indexOf('=');
  if (eq <= 0) return false;
  const algo = header.slice(0, eq).trim().toLowerCase();
  const hex = header.slice(eq + 1).trim();
  if (!ALGORITHMS.has(algo) || !/^[0-9a-f]+$/i.test(hex)) return false;
  const expected = createHmac(algo, secret).update(body).digest();
  const given = Buffer.from(hex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signBody(body: Buffer | string, secret: string, algo: 'sha1' | 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  return `${algo}=${createHmac(algo, secret).update(body).digest('hex')}`;
}

/**
 * When to renew a lease: before it ends by a tenth of its length (at least a minute, at most a
 * day), never sooner than a minute from verification. No lease given → the hub's default is
 * unknown, so renew after `defaultLeaseSeconds` (WebSub hubs commonly default to 10 days).
 */
export function leaseRenewAt(verifiedAt: Date, leaseSeconds: number | null, defaultLeaseSeconds = 864_000): { expiresAt: Date; renewAt: Date } {
  const lease = leaseSeconds && leaseSeconds > 0 ? leaseSeconds : defaultLeaseSeconds;
  const margin = Math.min(Math.max(lease * 0.1, 60), 86_400);
  const renewIn = Math.max(lease - margin, Math.min(60, lease / 2));
  return { expiresAt: new Date(verifiedAt.getTime() + lease * 1000), renewAt: new Date(verifiedAt.getTime() + renewIn * 1000) };
}
