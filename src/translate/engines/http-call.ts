import { PermanentError, ThrottledError, TransientError } from '../../domain/errors.ts';
import { parseRetryAfter } from '../../shared/retry-after.ts';
import { nextUtcMidnight } from '../engine-runner.ts';

export interface HttpCall {
  engine: string;
  fetch: typeof fetch;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
  now?: () => number;
  /** Maps an error answer to an error class before the generic rules (service-specific codes). */
  classify?: (status: number, body: string) => Error | null;
}

/**
 * One JSON call to a translation service, with the error class as the retry policy: 429 waits for
 * Retry-After, 456 (DeepL) means the quota is gone, 5xx and network errors back off, other 4xx
 * are permanent.
 */
export async function httpJson<T>(c: HttpCall): Promise<T> {
  const now = c.now ?? Date.now;
  let res: Response;
  try {
    res = await c.fetch(c.url, {
      method: c.method ?? (c.body === undefined ? 'GET' : 'POST'),
      headers: { accept: 'application/json', ...(c.body === undefined ? {} : { 'content-type': 'application/json' }), ...c.headers },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      signal: AbortSignal.timeout(c.timeoutMs ?? 60_000),
    });
  } catch (err) {
    throw new TransientError(`translate: ${c.engine} unreachable: ${(err as Error).message}`, 'translate.engine_down', { cause: err });
  }
  const text = await res.text();
  if (res.ok) {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new TransientError(`translate: ${c.engine} answered ${res.status} with invalid JSON`, 'translate.bad_response');
    }
  }
  const special = c.classify?.(res.status, text);
  if (special) throw special;
  const detail = `${c.engine} answered ${res.status}: ${text.slice(0, 200)}`;
  if (res.status === 429) throw new ThrottledError(`translate: ${detail}`, 'translate.rate_limited', retryAfter(res.headers.get('retry-after'), now()));
  if (res.status === 456) throw quotaExceeded(c.engine, detail, now());
  if (res.status >= 500 || res.status === 408) throw new TransientError(`translate: ${detail}`, 'translate.engine_error');
  if (res.status === 401 || res.status === 403) throw new PermanentError(`translate: ${detail}`, 'translate.auth');
  throw new PermanentError(`translate: ${detail}`, 'translate.bad_request');
}

export function quotaExceeded(engine: string, detail: string, now: number): ThrottledError {
  return new ThrottledError(`translate: ${engine} quota exhausted (${detail})`, 'translate.quota_exceeded', new Date(nextUtcMidnight(now)));
}

/** When an engine's 429 says to try again: its Retry-After, but never sooner than a second. */
export function retryAfter(header: string | null, now: number): Date {
  const at = parseRetryAfter(header, new Date(now))?.getTime() ?? 0;
  return new Date(Math.max(at, now + 1000));
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
