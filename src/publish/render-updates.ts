import type { SourceChanges } from '../domain/source-changes.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';
import { esc, fill } from './html.ts';
import type { ArticleView } from './site-view.ts';
import { updateMessages, type Counted } from './update-messages.ts';

function time(lang: string, date: Date, withTime: boolean): string {
  return `<time datetime="${date.toISOString()}">${esc(withTime ? formatDateTime(lang, date) : formatDate(lang, date))}</time>`;
}

function counted(lang: string, words: Counted, n: number, values: Record<string, string>): string {
  const form = new Intl.PluralRules(lang).select(n);
  return fill(form === 'one' && words.one ? words.one : words.other, { n: formatNumber(lang, n), ...values }, false);
}

const figure = (lang: string, v: number | string) => esc(typeof v === 'number' ? formatNumber(lang, v) : v);

/** What changed, as a list in the page's language: "2 paragraphs added, figures changed: 50 → 105". */
export function describeChanges(lang: string, c: SourceChanges): string {
  const m = updateMessages(lang);
  const parts = [
    ...(c.headlineChanged ? [esc(m.headline)] : []),
    ...(c.paragraphsAdded ? [counted(lang, m.added, c.paragraphsAdded, {})] : []),
    ...(c.paragraphsChanged ? [counted(lang, m.changed, c.paragraphsChanged, {})] : []),
    ...(c.paragraphsRemoved ? [counted(lang, m.removed, c.paragraphsRemoved, {})] : []),
    // Old → new reads left to right whatever the page's direction.
    ...(c.figures.length
      ? [counted(lang, m.figures, c.figures.length, { list: c.figures.map((f) => `<bdi dir="ltr">${figure(lang, f.from)} → ${figure(lang, f.to)}</bdi>`).join(', ') })]
      : []),
  ];
  if (parts.length === 0) return esc(m.minor);
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
}

/**
 * The dated notes about the source of an article, above its text: that the original is gone from
 * the source (never silently left standing), and each update the source made since we published,
 * newest first, saying what changed. Empty when the source neither changed nor went.
 */
export function renderSourceNotes(a: Pick<ArticleView, 'lang' | 'sourceUpdates' | 'sourceGoneAt'>): string {
  const updates = a.sourceUpdates ?? [];
  if (!a.sourceGoneAt && updates.length === 0) return '';
  const m = updateMessages(a.lang);
  const gone = a.sourceGoneAt ? `<p class="correction source-gone"><strong>${fill(m.gone, { date: time(a.lang, a.sourceGoneAt, false) }, false)}</strong></p>` : '';
  const notes = updates.map((u) => `<p class="correction source-update">${fill(m.updated, { time: time(a.lang, u.at, true), list: describeChanges(a.lang, u.changes) }, false)}</p>`).join('');
  return `<div class="corrections source-notes" role="note" aria-label="${esc(m.label)}">${gone}${notes}</div>`;
}
