/**
 * Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns the moment to try
 * again (never before `now`), or null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  // HTTP-date in any of its three historic forms (IMF-fixdate, RFC 850, asctime); Date.parse
  // reads all three. Anything else with digits and letters is refused rather than guessed.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(/GMT|UTC|[+-]\d{4}$/.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return null;
  return new Date(Math.max(at, now.getTime()));
}
