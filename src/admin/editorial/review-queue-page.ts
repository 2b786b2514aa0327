import { describeChanges } from '../../publish/render-updates.ts';
import { storiesOfArticles } from '../../store/story-console.ts';
import { COUNT_CAP, listReviewQueue, parseQueueKey, queueKeyText, reviewQueueSources, type ReviewFilter, type ReviewQueueRow } from '../../store/review-queue.ts';
import type { AdminContext } from '../admin-route.ts';
import { esc, renderAdminPage } from '../render-admin-page.ts';
import { storyLink } from '../stories/story-parts.ts';
import { ageText, editorialStyles, option } from './view-parts.ts';

/** The gate's check names, as findings carry them: the queue's "finding" filter. */
export const CHECK_NAMES = ['numbers', 'names', 'attribution', 'dates', 'quotes', 'repetition', 'placeholders', 'paragraphs', 'sentences', 'length', 'language', 'untranslated', 'glued-words', 'markup', 'chrome'];
const AGES: Array<[string, string, Pick<ReviewFilter, 'minAgeHours' | 'maxAgeHours'>]> = [
  ['', 'any age', {}],
  ['lt1h', 'under an hour', { maxAgeHours: 1 }],
  ['lt24h', 'under a day', { maxAgeHours: 24 }],
  ['gt24h', 'over a day', { minAgeHours: 24 }],
  ['gt7d', 'over a week', { minAgeHours: 168 }],
];
const PAGE_SIZE = 50;

/** `/admin/review`: held and flagged translations and held source updates, oldest first, filterable and paginated. */
export async function reviewQueuePage(ctx: AdminContext): Promise<Response> {
  const q = ctx.url.searchParams;
  const { db, site } = ctx.services;
  const sourceId = /^\d+$/.test(q.get('source') ?? '') ? Number(q.get('source')) : undefined;
  const lang = site.languages.includes(q.get('lang') ?? '') ? q.get('lang')! : undefined;
  const check = CHECK_NAMES.includes(q.get('check') ?? '') ? q.get('check')! : undefined;
  const age = AGES.find(([k]) => k === (q.get('age') ?? '')) ?? AGES[0]!;
  const key = (name: string) => parseQueueKey(q.get(name)) ?? undefined;
  const [{ rows, total, hasPrevious, hasNext }, sources] = await Promise.all([
    listReviewQueue(db, { sourceId, lang, check, ...age[2], after: key('after'), before: key('before'), limit: PAGE_SIZE }),
    reviewQueueSources(db),
  ]);
  const filters = `<form class="filters" method="get" action="/admin/review" role="search" aria-label="Filter the review queue">
<label>Source <select name="source">${option('', 'all sources', '')}${sources.map((s) => option(String(s.id), s.name, sourceId === undefined ? '' : String(sourceId))).join('')}</select></label>
<label>Language <select name="lang">${option('', 'all', lang)}${site.languages.map((l) => option(l, l, lang)).join('')}</select></label>
<label>Finding <select name="check">${option('', 'any', check)}${CHECK_NAMES.map((c) => option(c, c, check)).join('')}</select></label>
<label>Age <select name="age">${AGES.map(([k, label]) => option(k, label, age[0])).join('')}</select></label>
<button>Filter</button></form>`;
  const now = Date.now();
  const stories = await storiesOfArticles(db, rows.map((r) => r.article_id));
  const body = rows.length === 0
    ? '<p class="empty">Nothing to review with these filters.</p>'
    : `<div class="table-wrap"><table class="queue"><caption>${total > COUNT_CAP ? `${COUNT_CAP}+` : total} to review, oldest first</caption>
<thead><tr><th scope="col">Translation</th><th scope="col">Source</th><th scope="col">Language</th><th scope="col">State</th><th scope="col">Findings</th><th scope="col">Age</th></tr></thead><tbody>
${rows.map((r) => row(r, now, stories.get(r.article_id))).join('\n')}
</tbody></table></div>${keyPager(q, rows.length ? { first: queueKeyText(rows[0]!), last: queueKeyText(rows.at(-1)!) } : null, hasPrevious, hasNext)}`;
  return renderAdminPage(ctx, { title: 'Review', active: 'review', body: `${editorialStyles()}${filters}${body}` });
}

/** One entry: a held or flagged translation, or a source update held while the earlier translation stays live. */
function row(r: ReviewQueueRow, now: number, storyId: number | undefined): string {
  const update = r.kind === 'update';
  const state = update ? 'held' : r.status === 'held' ? 'held' : 'flagged';
  const what = update
    ? `<div class="update-note">source update held: ${esc(r.hold_reason ?? 'by the gate')}${r.changes ? ` — ${describeChanges('en', r.changes)}` : ''}</div>`
    : '';
  return `<tr><td><a href="/admin/review/${update ? `update/${r.id}` : r.id}">${esc(r.title)}</a>${what}<div class="original" lang="">${esc(r.original_title)}</div>${storyId === undefined ? '' : `<div class="path">in ${storyLink(storyId)}</div>`}</td>
<td data-label="Source">${esc(r.source_name)}</td><td data-label="Language">${esc(r.lang)}</td><td data-label="State"><span class="state state-${state}">${update ? 'source update held' : state}</span></td>
<td data-label="Findings">${r.checks.map((c) => `<span class="check">${esc(c)}</span>`).join(' ') || '—'}</td><td data-label="Age">${esc(ageText(now - new Date(r.created_at).getTime()))}</td></tr>`;
}

/** Previous / next by key (the first and last id shown), keeping the filters. */
function keyPager(q: URLSearchParams, shown: { first: string; last: string } | null, hasPrevious: boolean, hasNext: boolean): string {
  if (!shown || (!hasPrevious && !hasNext)) return '';
  const link = (name: 'before' | 'after', id: string, label: string, rel: string) => {
    const p = new URLSearchParams(q);
    p.delete('before');
    p.delete('after');
    p.set(name, id);
    return `<a href="${esc(`/admin/review?${p}`)}" rel="${rel}">${label}</a>`;
  };
  return `<nav class="pager" aria-label="Pages">${hasPrevious ? link('before', shown.first, '← Previous', 'prev') : ''} ${hasNext ? link('after', shown.last, 'Next →', 'next') : ''}</nav>`;
}
