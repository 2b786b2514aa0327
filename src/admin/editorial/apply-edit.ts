import type { FidelityReport, Verdict } from '../../domain/translation.ts';
import { sanitizeHtml } from '../../extract/sanitize-html.ts';
import { renderIfLive } from '../../jobs/takedown.ts';
import { decideVerdict } from '../../publish/policy.ts';
import type { ArticleRow } from '../../store/articles.ts';
import { putHumanEntries, type HumanEntry } from '../../store/human-memory.ts';
import { addRevision, ensureFirstRevision, type RevisionKind, type RevisionRow } from '../../store/translation-revisions.ts';
import type { TranslationRow } from '../../store/translations.ts';
import { checkFidelity } from '../../translate/fidelity/check-fidelity.ts';
import { escapeHtml } from '../../shared/escape-html.ts';
import { htmlToText } from '../../translate/html-text.ts';
import { hashSegment } from '../../translate/memory.ts';
import { joinSegments, segmentHtml } from '../../translate/segmenter.ts';
import type { AdminServices } from '../admin-route.ts';
import { textUnit } from './segments.ts';

/** What the editor sent: the fields of the side-by-side form (`title`, `excerpt`, `seg-<n>`). */
export type EditForm = Pick<URLSearchParams, 'get'>;

export interface EditResult {
  translation: TranslationRow;
  revision: RevisionRow | null;
  report: FidelityReport;
  verdict: Verdict;
  reasons: string[];
  /** Units the editor changed: their keys and their text before and after. */
  changed: Array<{ key: string; before: string; after: string }>;
}

/** One line of plain text (title, excerpt, a note, a reason): no line breaks, at most `max` characters. */
export const oneLine = (s: string | null, max = Infinity): string => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

/**
 * An edited body block, kept to inline markup through the same sanitizer as every stored HTML:
 * a block element typed into it (a `<p>`, a `<div>`) would split the segment, so the text is kept.
 */
function cleanSegment(value: string, baseUrl: string): string {
  const clean = sanitizeHtml(value.replace(/\r\n?/g, '\n').trim(), baseUrl).trim();
  const split = segmentHtml(clean).segments;
  return split.length === 1 && split[0] === clean ? clean : escapeHtml(htmlToText(clean));
}

/**
 * Applies an editor's edit: a new revision, the fidelity gate re-run on the edited translation
 * (its result stored and shown), the edited units into the human translation memory, and the
 * public pages rendered again where the translation is live. Nothing changed: no revision.
 */
export async function applyEdit(
  services: AdminServices,
  t: TranslationRow,
  article: ArticleRow,
  form: EditForm,
  by: { editor: string; kind: RevisionKind; sourceUrl: string; note?: string | null; /** false: the caller renders (after adding what the page also shows). */ render?: boolean },
): Promise<EditResult> {
  const { db } = services;
  const src = segmentHtml(article.html).segments;
  const cur = segmentHtml(t.html);
  const title = oneLine(form.get('title') ?? t.title) || t.title;
  const excerptIn = form.get('excerpt');
  const excerpt = t.excerpt === null && !excerptIn ? null : oneLine(excerptIn ?? t.excerpt ?? '') || null;
  const segments = cur.segments.map((s, i) => {
    const v = form.get(`seg-${i}`);
    return v === null || v.trim() === s.trim() ? s : cleanSegment(v, article.url);
  });
  const changed: EditResult['changed'] = [];
  const human: HumanEntry[] = [];
  const note = (key: string, sourceUnit: string, before: string, after: string) => {
    if (before === after) return;
    changed.push({ key, before: htmlToText(before), after: htmlToText(after) });
    if (sourceUnit.trim()) human.push({ hash: hashSegment(sourceUnit), from: article.lang, to: t.lang, source: sourceUnit, target: after });
  };
  note('title', textUnit(article.title), textUnit(t.title), textUnit(title));
  if (excerpt !== null || t.excerpt !== null) note('excerpt', textUnit(article.excerpt), textUnit(t.excerpt), textUnit(excerpt));
  // A body whose blocks do not line up with the source's cannot teach the memory which is which.
  const aligned = src.length === cur.segments.length;
  segments.forEach((s, i) => note(`seg-${i}`, aligned ? (src[i] ?? '') : '', cur.segments[i]!, s));

  const report = await gate(services, article, t.lang, { title, excerpt, segments: aligned ? segments : null, sourceSegments: src, html: joinSegments(cur.skeleton, segments) });
  const { verdict, reasons } = decideVerdict(report, services.config.publish.policy ?? {}, { source: by.sourceUrl });
  if (changed.length === 0) return { translation: t, revision: null, report, verdict, reasons, changed };

  // The markup between the blocks is the stored translation's; sanitized again (a no-op on what
  // extraction stored) so nothing an edit leaves in place can be live.
  const html = sanitizeHtml(joinSegments(cur.skeleton, segments), article.url);
  const text = segments.map(htmlToText).filter(Boolean).join('\n\n');
  const { row, revision } = await db.transaction(async (tx) => {
    await ensureFirstRevision(tx, t);
    const { rows } = await tx.query<TranslationRow>(
      `UPDATE translations SET title = $2, excerpt = $3, html = $4, text = $5, checks = $6, verdict = $7,
         hold_reason = CASE WHEN status = 'held' THEN $8 ELSE hold_reason END, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [t.id, title, excerpt, html, text, JSON.stringify(report), verdict, reasons.join('; ') || t.hold_reason],
    );
    const rev = await addRevision(tx, t.id, { kind: by.kind, title, excerpt, html, image_caption: t.image_caption, engine: t.engine, checks: report, verdict, editor: by.editor, note: by.note ?? null });
    await putHumanEntries(tx, human, { translationId: t.id, editor: by.editor });
    return { row: rows[0]!, revision: rev };
  });
  if (by.render !== false) await renderIfLive(db, services.site, t.id, by.kind === 'correction' ? 'correction' : 'publish');
  return { translation: row, revision, report, verdict, reasons, changed };
}

/** The fidelity gate on an edited translation, with the engine's renderings of the names where it answers. */
async function gate(
  services: AdminServices,
  article: ArticleRow,
  to: string,
  e: { title: string; excerpt: string | null; segments: string[] | null; sourceSegments: string[]; html: string },
): Promise<FidelityReport> {
  const target = e.segments ?? segmentHtml(e.html).segments;
  const texts = [article.title, ...(article.excerpt ? [article.excerpt] : []), ...e.sourceSegments.map(htmlToText)];
  const targets = [e.title, ...(article.excerpt ? [e.excerpt ?? ''] : []), ...target.map(htmlToText)];
  let nameRenderings: Record<string, string> | undefined;
  try {
    nameRenderings = await services.translator().renderNames(texts, article.lang, to, { targets });
  } catch (err) {
    services.log.warn({ err: (err as Error).message, article_id: article.id }, 'review: the engine gave no renderings of names; the gate only notes lone losses');
  }
  return checkFidelity({
    from: article.lang,
    to,
    source: e.sourceSegments,
    target,
    glossary: [...services.config.translation.glossary],
    nameRenderings,
    title: { source: textUnit(article.title), target: textUnit(e.title) },
    excerpt: article.excerpt ? { source: textUnit(article.excerpt), target: textUnit(e.excerpt) } : null,
  });
}
