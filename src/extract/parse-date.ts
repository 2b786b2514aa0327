/** Dates as found on pages (ISO, RFC 2822, "2019-11-18 10:00") to ISO 8601, or from URL paths. */

export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (!/\d{4}|\d{1,2}\s+\w+\s+\d{2,4}/.test(v)) return null;
  // "2019-11-18 10:00:00" is read as UTC, not as the machine's local time.
  const isoLike = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v) ? `${v.replace(' ', 'T')}Z` : v;
  const ms = Date.parse(isoLike);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return new Date(ms).toISOString();
}

/** `/2019/11/18/`, `/2019-11-18-`, `/20191118/` in a URL path. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/)((?:19|20)\d{2})[/\-_](0[1-9]|1[0-2])[/\-_](0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path) ??
    /(?:^|\/|-)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
