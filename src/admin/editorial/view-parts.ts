import type { Finding } from '../../domain/translation.ts';
import { esc } from '../render-admin-page.ts';
import { STYLESHEETS } from '../assets/stylesheets.ts';

/** The editorial pages' own stylesheet, linked from the page body. */
export const editorialStyles = (): string => STYLESHEETS.editorial.link;

/** A stored time as `<time>`, to the minute in UTC: the console's newsroom may be anywhere. */
export const utcTime = (d: Date | string): string => {
  const iso = new Date(d).toISOString();
  return `<time datetime="${iso}">${esc(iso.slice(0, 16).replace('T', ' '))} UTC</time>`;
};

/** "3 h", "2 d": how long something has waited. */
export function ageText(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} d`;
}

/** A filter menu's option, selected when it is the current value (undefined: the empty "all" option). */
export const option = (value: string, label: string, current: string | undefined): string =>
  `<option value="${esc(value)}"${value === (current ?? '') ? ' selected' : ''}>${esc(label)}</option>`;

/** Previous / next links that keep the page's other query parameters. */
export function pager(base: string, q: URLSearchParams, page: number, pages: number): string {
  if (pages <= 1) return '';
  const link = (n: number, label: string, rel: string) => {
    const p = new URLSearchParams(q);
    p.set('page', String(n));
    return `<a href="${esc(`${base}?${p}`)}" rel="${rel}">${label}</a>`;
  };
  return `<nav class="pager" aria-label="Pages">${page > 1 ? link(page - 1, '← Previous', 'prev') : ''}<span>Page ${page} of ${pages}</span>${page < pages ? link(page + 1, 'Next →', 'next') : ''}</nav>`;
}

/** Longer than this, a finding's source or target is the whole passage, not the words that changed. */
const SHORT = 60;

/**
 * The words a finding names, to mark in the source: its source when that is a few words (a
 * number, a name), else the names its detail quotes ("Dockers" is not in the translation).
 */
export function findingTerms(f: Finding): string[] {
  if (f.source && f.source.length <= SHORT) return [f.source];
  return [...f.detail.matchAll(/"([^"]{1,60})"/g)].map((m) => m[1]!);
}

/** A finding as the editor reads it: the check, and what changed (source → translation) when that is a few words. */
export function findingItem(f: Finding): string {
  const short = (s: string | null) => s === null || s.length <= SHORT;
  const what = (f.source !== null || f.target !== null) && short(f.source) && short(f.target)
    ? ` <span class="change"><mark class="was">${esc(f.source ?? '—')}</mark> → <mark class="now">${esc(f.target ?? 'missing')}</mark></span>`
    : '';
  return `<li class="finding sev-${esc(f.severity)}"><strong>${esc(f.check)}</strong> (${esc(f.severity)})${what}<div class="detail">${esc(f.detail)}</div></li>`;
}

/** Plain text, escaped, with each of `terms` marked where it occurs. */
export function markTerms(text: string, terms: Array<string | null>): string {
  const wanted = [...new Set(terms.filter((t): t is string => !!t && t.length > 0 && text.includes(t)))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return esc(text);
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = wanted.find((t) => text.startsWith(t, i));
    if (hit) {
      out.push(`<mark>${esc(hit)}</mark>`);
      i += hit.length;
    } else {
      let j = i + 1;
      while (j < text.length && !wanted.some((t) => text.startsWith(t, j))) j++;
      out.push(esc(text.slice(i, j)));
      i = j;
    }
  }
  return out.join('');
}

/** A notice at the top of a page after an action (`?done=…`): fixed texts only, never echoed input. */
export function doneNotice(q: URLSearchParams, texts: Record<string, string>): string {
  const text = texts[q.get('done') ?? ''];
  return text ? `<p class="done" role="status">${esc(text)}</p>` : '';
}
