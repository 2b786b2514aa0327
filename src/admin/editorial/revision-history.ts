import type { RevisionRow } from '../../store/translation-revisions.ts';
import { htmlToText } from '../../translate/html-text.ts';
import { esc } from '../render-admin-page.ts';
import { alignUnits } from './segments.ts';
import { utcTime } from './view-parts.ts';
import { wordDiff } from './word-diff.ts';

const KIND: Record<RevisionRow['kind'], string> = { machine: 'engine', edit: 'edit', correction: 'correction', retranslation: 'before retranslation' };

/**
 * The revisions of a translation, newest first, and the diff between two of them (`?from=&to=`,
 * by default the newest against the one before): only the units that changed, word by word.
 */
export function revisionHistory(revisions: RevisionRow[], q: URLSearchParams, base: string): string {
  if (revisions.length === 0) return '<section class="history" aria-labelledby="history"><h2 id="history">History</h2><p>No edits yet: this is the engine\'s translation.</p></section>';
  const byN = new Map(revisions.map((r) => [r.n, r]));
  const to = byN.get(Number(q.get('to'))) ?? revisions[0]!;
  const from = byN.get(Number(q.get('from'))) ?? revisions.find((r) => r.n < to.n) ?? null;
  const list = revisions.map((r) => `<li><a href="${esc(`${base}?to=${r.n}#history`)}"${r.n === to.n ? ' aria-current="true"' : ''}>Revision ${r.n}</a>: ${esc(KIND[r.kind])}${r.editor ? ` by ${esc(r.editor)}` : ` (${esc(r.engine)})`}, ${utcTime(r.created_at)}, verdict ${esc(r.verdict)}${r.note ? ` — ${esc(r.note)}` : ''}</li>`).join('');
  return `<section class="history" aria-labelledby="history"><h2 id="history">History</h2><ol reversed class="revisions">${list}</ol>
${from ? diffOf(from, to) : ''}</section>`;
}

function diffOf(from: RevisionRow, to: RevisionRow): string {
  return `<h3>Changes from revision ${from.n} to ${to.n}</h3>${unitChanges(from, to)}`;
}

type Version = Pick<RevisionRow, 'title' | 'excerpt' | 'html'>;

/** The units that differ between two versions of a translation, word by word; a line saying so when none does. */
export function unitChanges(from: Version, to: Version): string {
  const a = alignUnits(from, from, []).units;
  const b = alignUnits(to, to, []).units;
  const before = new Map(a.map((u) => [u.key, htmlToText(u.targetUnit)]));
  const rows = b.flatMap((u) => {
    const was = before.get(u.key) ?? '';
    const now = htmlToText(u.targetUnit);
    return was === now ? [] : [`<tr><th scope="row">${esc(u.label)}</th><td class="diff">${wordDiff(was, now)}</td></tr>`];
  });
  return rows.length
    ? `<div class="table-wrap"><table class="diff-table"><thead><tr><th scope="col">Unit</th><th scope="col">Words taken out and put in</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : '<p>No change in the text.</p>';
}
