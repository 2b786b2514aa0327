import { parseDate } from '../shared/dates.ts';

/**
 * A page's publication date as ISO 8601, by the one parser (shared/dates.ts), or null. Only years
 * a news page can have are kept: a `1850-01-01` placeholder or a far-future typo is no date.
 * `locale` is the page's declared language, for all-numeric dates (`05/03/2024`).
 */
export function toIsoDate(value: string | null | undefined, locale?: string | null): string | null {
  const iso = parseDate(value, { locale });
  if (iso === null) return null;
  const year = Number(iso.slice(0, 4));
  return year < 1990 || year > 2100 ? null : iso;
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
