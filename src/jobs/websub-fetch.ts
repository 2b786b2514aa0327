import { Agent, fetch as undiciFetch } from 'undici';
import { safeConnector } from '../fetch/safe-connector.ts';

export interface WebSubFetch {
  fetch: typeof fetch;
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
  const safe = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('user-agent', opts.userAgent);
    const res = await undiciFetch(String(input instanceof Request ? input.url : input), {
      ...(init as object),
      headers: Object.fromEntries(headers),
      redirect: 'manual',
      signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
      dispatcher: agent,
    } as Parameters<typeof undiciFetch>[1]);
    return res as unknown as Response;
  }) as typeof fetch;
  return { fetch: safe, close: () => agent.close() };
}
