/**
 * The `alt` text of an article's images: the engine sees markup as opaque (Apertium passes a tag
 * through whole), so an image's description stayed in English. The orchestrator translates each
 * one as a unit of its own and writes it back, in document order.
 */
const ALT = /(<img\b[^>]*?\balt=")([^"]*)(")/gi;

/** The alt texts of an HTML fragment, in order (as written: HTML-escaped text). */
export function altTexts(html: string): string[] {
  return [...html.matchAll(ALT)].map((m) => m[2]!);
}

/** `html` with its alt texts replaced in order by `texts` (HTML-escaped; a quote is escaped too). */
export function withAltTexts(html: string, texts: string[]): string {
  let i = 0;
  return html.replace(ALT, (m, open: string, _alt: string, close: string) => {
    const t = texts[i++];
    return t === undefined ? m : `${open}${t.replace(/"/g, '&quot;')}${close}`;
  });
}
