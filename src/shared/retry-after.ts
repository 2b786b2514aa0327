import { parseHttpDate } from './http-date.ts';

/**
 * Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns the moment to try
 * again, never before `now` (a date already past means "now"), or null when the header is absent
 * or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): Date | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  const at = parseHttpDate(text);
  return at === null ? null : new Date(Math.max(at, now.getTime()));
}
