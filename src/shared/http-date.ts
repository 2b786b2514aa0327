import { parseDate } from './dates.ts';

/**
 * An HTTP-date (RFC 9110 §5.6.7) as milliseconds since the epoch, or null: the IMF-fixdate
 * (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms a recipient must still read, RFC 850
 * (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`). All three are GMT;
 * asctime says so by saying nothing, which `Date.parse` reads in the machine's time zone instead.
 * All three open with a weekday: anything else is refused rather than guessed.
 */
export function parseHttpDate(value: string | null | undefined): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const iso = parseDate(text);
  return iso === null ? null : new Date(iso).getTime();
}
