import { STYLESHEETS } from '../assets/stylesheets.ts';
import { esc } from '../render-admin-page.ts';

/** The operations pages' stylesheet (charts, cards, status marks), beside the console's. */
export const OPERATIONS_CSS_LINK = STYLESHEETS.operations.link;

/** A duration in words a reader takes in at a glance: 45 s, 12 min, 3.5 h, 2 d. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, seconds);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${Math.round(s / 86_400)} d`;
}

/** A time as `<time>`: relative to now in words, the exact UTC time in its title. */
export function when(d: Date | string | null | undefined, now = Date.now()): string {
  if (!d) return '<span class="muted">never</span>';
  const t = new Date(d);
  const diff = (t.getTime() - now) / 1000;
  const words = Math.abs(diff) < 5 ? 'now' : diff < 0 ? `${duration(-diff)} ago` : `in ${duration(diff)}`;
  return `<time datetime="${esc(t.toISOString())}" title="${esc(t.toISOString())}">${esc(words)}</time>`;
}

/** A status word with its mark: text first (never colour alone). */
export function status(word: string, tone: 'ok' | 'bad' | 'warn' | 'off'): string {
  return `<span class="status status-${tone}">${esc(word)}</span>`;
}

/** A notice after a redirect (`?done=…`), from a fixed list so the query cannot put words on the page. */
export function notice(url: URL, messages: Record<string, string>): string {
  const key = url.searchParams.get('done');
  const msg = key ? messages[key] : undefined;
  return msg ? `<p class="notice" role="status">${esc(msg)}</p>` : '';
}

export const num = (n: number) => n.toLocaleString('en-US');
