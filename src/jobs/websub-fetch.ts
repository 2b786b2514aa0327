import { Agent, fetch as undiciFetch } from 'undici';
import { FetchAbortedError } from '../fetch/index.ts';
import { safeConnector } from '../fetch/safe-connector.ts';

export interface WebSubFetch {
  fetch: typeof fetch;
  /**
   * Shutdown: every hub request in flight fails at once with FetchAbortedError (its job goes
   * back to the queue, no attempt counted), and so does every new one. A hub that never
   * answers must not hold the process for the whole timeout.
   */
  abort(): void;
  close(): Promise<void>;
}

/**
 * The fetch that talks to WebSub hubs: a hub URL comes from a feed, so it is as untrusted as any
 * source URL and gets the same SSRF guard (checked address dialled, private ranges refused unless
 * allowed). The HTTP client only GETs; subscribing is a POST, hence this small companion.
 */
export function createWebSubFetch(opts: { allowPrivate?: string[]; userAgent: string; timeoutMs?: number }): WebSubFetch {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const agent = new Agent({
    connect: safeConnector({ allowPrivate: opts.allowPrivate, connectTimeoutMs: Math.min(10_000, timeoutMs) }),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 1_000,
  });
  const stopping = new AbortController();
  const safe = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    if (stopping.signal.aborted) throw new FetchAbortedError(url);
    const headers = new Headers(init.headers);
    headers.set('user-agent', opts.userAgent);
    try {
      const res = await undiciFetch(url, {
        ...(init as object),
        headers: Object.fromEntries(headers),
        redirect: 'manual',
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMs), ...(init.signal ? [init.signal] : [])]),
        dispatcher: agent,
      } as Parameters<typeof undiciFetch>[1]);
      return res as unknown as Response;
    } catch (err) {
      if (stopping.signal.aborted) throw new FetchAbortedError(url);
      throw err;
    }
  }) as typeof fetch;
  return {
    fetch: safe,
    abort: () => stopping.abort(),
    close: async () => {
      stopping.abort();
      await agent.close();
    },
  };
}
