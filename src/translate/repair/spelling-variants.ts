/**
 * A word the engine gives in two spellings at once: Apertium's dictionary renders "YouTube" as
 * "YouTube/Youtube". Where the two differ only in case and the source writes one of them, the
 * translation keeps the source's. Text runs of the HTML only; other slashes (y/o, 24/7) are words.
 */
export function oneSpelling(html: string, source: string): string {
  if (!html.includes('/')) return html;
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, run: string) =>
    gt + run.replace(VARIANTS_RE, (whole, a: string, b: string) => {
      if (a.toLowerCase() !== b.toLowerCase()) return whole;
      return source.includes(a) ? a : source.includes(b) ? b : whole;
    }));
}

const VARIANTS_RE = /(?<![\p{L}\p{M}\p{N}/])([\p{L}\p{M}]+)\/([\p{L}\p{M}]+)(?![\p{L}\p{M}\p{N}/])/gu;
