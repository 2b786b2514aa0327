/** A quotation: “…”, "…", «…», „…“. Global: use it with matchAll, match or replace, which ignore its lastIndex, never exec or test. */
export const QUOTATION_RE = /“[^”]*”|"[^"]*"|«[^»]*»|„[^“”]*[“”]/g;

/** Quotations in a text: “…”, "…", «…», „…“. */
export function quotations(text: string): string[] {
  return text.match(QUOTATION_RE) ?? [];
}

/** The text with its quotations cut out: what is said about who is speaking. */
export function outsideQuotes(text: string): string {
  return text.replace(QUOTATION_RE, ' … ');
}
