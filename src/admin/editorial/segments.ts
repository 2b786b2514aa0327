import type { Finding } from '../../domain/translation.ts';
import { escapeHtml } from '../../shared/escape-html.ts';
import { segmentHtml } from '../../translate/segmenter.ts';

/** One row of the side-by-side editor: a source unit, its translation and what the gate found there. */
export interface AlignedUnit {
  /** `title`, `excerpt` or `seg-<n>`: the form field and the anchor. */
  key: string;
  label: string;
  /** Source as the translator saw it (escaped text for title and excerpt, inner HTML for a body block). */
  sourceUnit: string;
  /** Translation in the same form. */
  targetUnit: string;
  findings: Finding[];
}

/** Title and excerpt are plain text; the translator sends them as escaped HTML text. */
export const textUnit = (s: string | null): string => (s ? escapeHtml(s) : '');

/**
 * Source and translation unit by unit, split by the translator's own segmenter, with each of the
 * gate's findings on the unit it names (title and excerpt findings say so in their detail).
 */
export function alignUnits(
  source: { title: string; excerpt: string | null; html: string },
  target: { title: string; excerpt: string | null; html: string },
  findings: Finding[],
): { units: AlignedUnit[]; wholeArticle: Finding[]; aligned: boolean } {
  const src = segmentHtml(source.html).segments;
  const tgt = segmentHtml(target.html).segments;
  const on = (pred: (f: Finding) => boolean) => findings.filter(pred);
  const units: AlignedUnit[] = [
    { key: 'title', label: 'Title', sourceUnit: textUnit(source.title), targetUnit: textUnit(target.title), findings: on((f) => f.segment === null && f.detail.startsWith('title: ')) },
  ];
  if (source.excerpt || target.excerpt) {
    units.push({ key: 'excerpt', label: 'Excerpt', sourceUnit: textUnit(source.excerpt), targetUnit: textUnit(target.excerpt), findings: on((f) => f.segment === null && f.detail.startsWith('excerpt: ')) });
  }
  const n = Math.max(src.length, tgt.length);
  for (let i = 0; i < n; i++) {
    units.push({ key: `seg-${i}`, label: `§${i + 1}`, sourceUnit: src[i] ?? '', targetUnit: tgt[i] ?? '', findings: on((f) => f.segment === i) });
  }
  const wholeArticle = on((f) => f.segment === null && !f.detail.startsWith('title: ') && !f.detail.startsWith('excerpt: '));
  return { units, wholeArticle, aligned: src.length === tgt.length };
}
