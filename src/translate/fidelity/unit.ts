/**
 * One aligned pair of texts the checks look at; `segment` is null for title and excerpt. Its own
 * module so each check names it without importing check-fidelity.ts, which imports the checks.
 */
export interface Unit {
  segment: number | null;
  label: string;
  sourceHtml: string;
  targetHtml: string;
  sourceText: string;
  targetText: string;
  /** The source text with glossary terms in their target-language form: what names compare. */
  sourceMapped: string;
}
