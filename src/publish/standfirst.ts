/**
 * Extraction marks the outlet's standfirst (the summary under the headline) as
 * `<p class="standfirst">` in the article body. The page shows it where a reader expects it, under
 * the headline and before the lead image, not as the body's first paragraph.
 */
const STANDFIRST = /<p\b(?=[^>]*\sclass\s*=\s*"(?:[^"]*\s)?standfirst(?:\s[^"]*)?")([^>]*)>([\s\S]*?)<\/p>\s*/i;

export interface SplitStandfirst {
  /** Inner HTML of the standfirst, or null when the body has none. */
  standfirst: string | null;
  /** Attributes of its `<p>` other than the class (a mark of the fidelity gate, for instance). */
  attrs: string;
  body: string;
}

export function splitStandfirst(html: string): SplitStandfirst {
  const m = STANDFIRST.exec(html);
  if (!m || !/[\p{L}\p{N}]/u.test(m[2]!)) return { standfirst: null, attrs: '', body: html };
  const attrs = m[1]!.replace(/\sclass\s*=\s*"[^"]*"/i, '');
  return { standfirst: m[2]!.trim(), attrs, body: html.slice(0, m.index) + html.slice(m.index + m[0].length) };
}
