import { decodeEntities, escapeHtmlText } from '../../html-text.ts';

/**
 * HTML fragment ⇄ Apertium stream format, done here instead of by apertium-deshtml/rehtml so one
 * warm pipeline serves every call (the Debian deformatters read to end of input, not to NUL).
 * Tags become superblanks `[<b>]`, which Apertium always returns in order; text is entity-decoded
 * and its reserved characters escaped.
 */
const TEXT_RESERVED = /[\\[\]^$@/<>{}*]/g;
const BLANK_RESERVED = /[\\[\]^$@/{}]/g;
const TAG = /<[^>]*>/g;

export function htmlToStream(html: string): string {
  let out = '';
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    out += escapeStreamText(html.slice(last, m.index));
    out += `[${m[0].replace(BLANK_RESERVED, (c) => `\\${c}`)}]`;
    last = m.index + m[0].length;
  }
  return out + escapeStreamText(html.slice(last));
}

function escapeStreamText(text: string): string {
  // NUL is the flush marker and never belongs in a segment.
  return decodeEntities(text).replace(/\0/g, '').replace(TEXT_RESERVED, (c) => `\\${c}`);
}

/** Turns the generator's output back into HTML: blanks are unescaped raw markup, text is escaped. */
export function streamToHtml(stream: string): string {
  let out = '';
  let i = 0;
  let text = '';
  const flushText = () => {
    out += escapeHtmlText(text);
    text = '';
  };
  while (i < stream.length) {
    const c = stream[i]!;
    if (c === '\\' && i + 1 < stream.length) {
      text += stream[i + 1];
      i += 2;
    } else if (c === '[') {
      flushText();
      const { raw, end } = readBlank(stream, i + 1);
      out += raw;
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  flushText();
  return out;
}

function readBlank(s: string, start: number): { raw: string; end: number } {
  let raw = '';
  let i = start;
  while (i < s.length && s[i] !== ']') {
    if (s[i] === '\\' && i + 1 < s.length) {
      raw += s[i + 1];
      i += 2;
    } else {
      // Nested `[[…]]` word-bound blanks are not produced by htmlToStream; keep them literal.
      raw += s[i];
      i++;
    }
  }
  return { raw, end: i + 1 };
}
