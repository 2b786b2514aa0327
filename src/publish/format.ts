/** Dates, relative times and language names in the page language, by Intl (UTC: one page for all readers). */
const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, withTime
      ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(lang: string, date: Date): string {
  return `${dateFormat(lang, true).format(date)} UTC`;
}

export function formatDate(lang: string, date: Date): string {
  return dateFormat(lang, false).format(date);
}

/** "5 minutes ago" at `now` (render time: list pages are re-rendered at least every minute or so). */
export function formatAgo(lang: string, date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, 'minute');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

export function formatNumber(lang: string, n: number): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** The name of language `code` written in language `inLang` (`es` in `es` → "español"). */
export function languageName(code: string, inLang: string = code): string {
  try {
    return new Intl.DisplayNames([inLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
