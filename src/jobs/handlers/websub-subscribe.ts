import { PermanentError, TransientError, errorMessage } from '../../domain/errors.ts';
import { buildSubscribeForm, generateSecret, sendSubscription } from '../../feeds/index.ts';
import { FetchAbortedError } from '../../fetch/index.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../store/db.ts';
import { getSource } from '../../store/sources.ts';
import { getWebSub, markWebSubFailed, requestWebSub } from '../../store/websub-subscriptions.ts';
import { webSubActive, websubCallbackUrl, type WebSubSubscribePayload } from '../websub-plan.ts';

export interface WebSubSubscribeDeps {
  db: Db;
  log: Logger;
  /** The SSRF-guarded fetch (createWebSubFetch): the hub's address came from a feed. */
  fetch: typeof fetch;
  /** The site's public base URL: the hub calls `{callbackBase}/websub/{sourceId}`. */
  callbackBase: string;
  /** The lease we ask for; the hub decides, and says so when it verifies. */
  leaseSeconds?: number;
}

/**
 * Subscribes a source at its hub, or renews the lease (same payload). The intent is recorded
 * before the hub is asked, because a hub may verify before it even answers our POST; the hub's
 * verification is accepted only on the callback (with its secret token) given here. A renewal
 * reuses the stored secret and callback, so pushes signed in flight stay valid.
 */
export function createWebSubSubscribeHandler(deps: WebSubSubscribeDeps) {
  const { db, log } = deps;
  return async function websubSubscribe(payload: WebSubSubscribePayload): Promise<void> {
    const source = await getSource(db, payload.sourceId);
    if (!source || !source.enabled) return;
    const existing = await getWebSub(db, source.id);
    const wasActive = webSubActive(existing);
    const secret = existing?.secret ?? generateSecret();
    // A renewal keeps its callback (the hub knows it as the same subscription); a new hub or topic,
    // or a subscription from before callback tokens, gets a fresh one.
    const sameSubscription = existing?.callback_token && existing.hub === payload.hub && existing.topic === payload.topic;
    const callbackToken = sameSubscription ? existing.callback_token! : generateSecret(24);
    await requestWebSub(db, { sourceId: source.id, hub: payload.hub, topic: payload.topic, secret, callbackToken });

    const form = buildSubscribeForm({
      hub: payload.hub,
      topic: payload.topic,
      callback: websubCallbackUrl(deps.callbackBase, source.id, callbackToken),
      secret,
      leaseSeconds: deps.leaseSeconds ?? 864_000,
    });
    let sent;
    try {
      sent = await sendSubscription(form, deps.fetch);
    } catch (err) {
      if (err instanceof FetchAbortedError) throw err; // shutting down: the job goes back as it was
      throw new TransientError(`websub: subscribing source ${source.id} at ${payload.hub}: ${errorMessage(err)}`, 'websub.hub_unreachable', { cause: err });
    }
    if (sent.accepted) {
      log.info({ source_id: source.id, hub: payload.hub, renewal: wasActive }, 'websub subscription requested');
      return;
    }
    const error = `websub: ${sent.error}`;
    if (sent.status >= 500 || sent.status === 429) throw new TransientError(error, 'websub.hub_error');
    // The hub refuses. A lease still running keeps its pushes until it ends (the backup poll
    // takes over then); otherwise the refusal is recorded on the subscription, retried by a later poll.
    if (wasActive) throw new PermanentError(error, 'websub.renewal_refused');
    await markWebSubFailed(db, source.id, 'failed', error);
    log.warn({ source_id: source.id, hub: payload.hub, status: sent.status }, 'websub subscription refused');
  };
}
