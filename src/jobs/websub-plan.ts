import { isIP } from 'node:net';
import { addressGuard } from '../fetch/index.ts';
import { discoverWebSub } from '../feeds/index.ts';
import type { Db } from '../store/db.ts';
import { getWebSub, type WebSubSubscriptionRow } from '../store/websub-subscriptions.ts';
import { JobQueue } from './queue.ts';

export interface WebSubSubscribePayload {
  sourceId: number;
  hub: string;
  topic: string;
}

/** A pending subscription the hub never verified, or a failed one, is asked again after this. */
const RETRY_AFTER_MS = 6 * 3600_000;

export const subscribeJobKey = (sourceId: number): string => `websub:subscribe:${sourceId}`;

/**
 * The callback the hub calls for this source: verification of intent (GET) and pushes (POST).
 * The token is the subscription's secret: only the hub we gave it to can call it.
 */
export function websubCallbackUrl(callbackBase: string, sourceId: number, token: string): string {
  return `${callbackBase.replace(/\/$/, '')}/websub/${sourceId}/${token}`;
}

function isLocalHost(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && addressGuard(host) !== null;
}

/**
 * Whether to (re)subscribe now. Only when a hub is declared and our subscription is missing, for
 * another hub or topic, or stuck (never verified, failed, denied) for a while. A callback on a
 * local address cannot be reached by a public hub: asking would only make the hub call nowhere.
 */
export function shouldSubscribe(
  sub: Pick<WebSubSubscriptionRow, 'hub' | 'topic' | 'state' | 'requested_at'> | null,
  found: { hub: string | null; topic: string },
  callbackBase: string,
  now = new Date(),
): boolean {
  if (!found.hub) return false;
  try {
    if (isLocalHost(callbackBase) && !isLocalHost(found.hub)) return false;
  } catch {
    return false;
  }
  if (!sub) return true;
  if (sub.hub !== found.hub || sub.topic !== found.topic) return sub.state !== 'unsubscribed';
  if (sub.state === 'active' || sub.state === 'unsubscribed') return false;
  return now.getTime() - sub.requested_at.getTime() > RETRY_AFTER_MS;
}

/**
 * After a successful poll, in its transaction: queue a subscription when the feed (or its Link
 * header, which wins) names a hub we are not subscribed to. Returns whether a job was queued.
 */
export async function planWebSub(
  tx: Db,
  sourceId: number,
  feed: { hub: string | null; self: string | null },
  linkHeader: string | null | undefined,
  feedUrl: string,
  callbackBase: string,
): Promise<boolean> {
  const found = discoverWebSub(feed, linkHeader, feedUrl);
  if (!found.hub) return false;
  const sub = await getWebSub(tx, sourceId);
  if (!shouldSubscribe(sub, found, callbackBase)) return false;
  const payload: WebSubSubscribePayload = { sourceId, hub: found.hub, topic: found.topic };
  return JobQueue.enqueue(tx, { kind: 'websub-subscribe', key: subscribeJobKey(sourceId), payload, priority: 30 });
}

/** True while pushes can be expected: the slow backup poll applies then. */
export function webSubActive(sub: Pick<WebSubSubscriptionRow, 'state' | 'expires_at'> | null, now = new Date()): boolean {
  return !!sub && sub.state === 'active' && (!sub.expires_at || sub.expires_at.getTime() > now.getTime());
}
