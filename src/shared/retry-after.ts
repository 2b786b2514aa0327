import { parseDate } from './dates.ts';

/**
 * Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns the moment to try
 * again, never before `now` (a date already past means "now"), or null when the header is absent
 * or unreadable. HTTP-dates are GMT: read by the shared date parser, never by `Date.parse`, which
 * would read asctime's zone-less form in the machine's time zone.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): Date | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  // HTTP-date in any of its three historic forms (IMF-fixdate, RFC 850, asctime), all of which
  // open with a weekday. Anything else with digits and letters is refused rather than guessed.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const iso = parseDate(text);
  if (iso === null) return null;
  return new Date(Math.max(Date.parse(iso), now.getTime()));
}
