/**
 * Typography engines get wrong: Apertium pads quotation marks with spaces as it would words
 * (`“ Lo que dijo ”`, `" Lo que dijo "`); no language this site writes wants a space inside
 * curly quotes, nor after an opening `¿`/`¡`. French guillemets keep their (thin) spaces: that is
 * French usage. The translator tidies its output with this (stored translations, search and the
 * gate see the tidy text); pages tidy again for rows stored before it did.
 */
const OPEN = /([“‘„¿¡])[ \u00a0]+(?=\S)/g;
const CLOSE = /(\S)[ \u00a0]+([”])/g;
const GUILLEMET_OPEN = /«[ \u00a0]+(?=\S)/g;
const GUILLEMET_CLOSE = /(\S)[ \u00a0]+»/g;
const STRAIGHT = /"/g;

export function tidyQuoteSpacing(lang: string, text: string): string {
  let out = text.replace(OPEN, '$1').replace(CLOSE, '$1$2');
  if (!/^fr\b/.test(lang)) out = out.replace(GUILLEMET_OPEN, '«').replace(GUILLEMET_CLOSE, '$1»');
  return tidyStraightQuotes(out);
}

/**
 * Straight quotes open and close alike: where a text has them in pairs, the first of each pair
 * opens and the second closes, and the space the engine left inside either is dropped. An odd
 * count (a quotation that runs on into the next paragraph, inches) is left as it is.
 */
function tidyStraightQuotes(text: string): string {
  const at = [...text.matchAll(STRAIGHT)].map((m) => m.index);
  // Inches and seconds (`a 5" screen`) are no quotation marks.
  if (at.length === 0 || at.length % 2 === 1 || /\d"/.test(text)) return text;
  let out = '';
  let last = 0;
  at.forEach((i, k) => {
    if (k % 2 === 0) {
      // Opening: `" Lo` → `"Lo` (only when a space follows and a word comes after it).
      out += text.slice(last, i + 1);
      last = i + 1;
      const m = /^[ \u00a0]+(?=[^\s"])/.exec(text.slice(last));
      if (m) last += m[0].length;
    } else {
      // Closing: `dijo "` → `dijo"`.
      out += text.slice(last, i).replace(/(\S)[ \u00a0]+$/, '$1') + '"';
      last = i + 1;
    }
  });
  return out + text.slice(last);
}

/** The same in HTML: text between tags only, never inside a tag or its attributes. */
export function tidyQuoteSpacingHtml(lang: string, html: string): string {
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, text: string) => gt + tidyQuoteSpacing(lang, text));
}
