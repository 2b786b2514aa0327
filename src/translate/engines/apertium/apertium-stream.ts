import { decodeEntities } from '../../../shared/entities.ts';
import { escapeHtml } from '../../../shared/escape-html.ts';
import type { Lexicon } from '../../engine.ts';

/**
 * HTML fragment ⇄ Apertium stream format, done here instead of by apertium-deshtml/rehtml so one
 * warm pipeline serves every call (the Debian deformatters read to end of input, not to NUL).
 * Tags become superblanks `[<b>]`, which Apertium always returns in order; text is entity-decoded
 * and its reserved characters escaped.
 */
const TEXT_RESERVED = /[\\[\]$@/<>{}*]/g;
/**
 * A caret travels as a private-use character, not as `\^`: lrx-proc misreads an escaped caret in
 * the blank or superblank that ends a segment ("I did this today ^_^") and swallows the NUL that ends it with
 * the next segment's first word, so every later answer comes back one place off. A private-use
 * character is a blank to every stage and comes back as it went.
 */
const CARET = '^';
const CARET_STAND_IN = '\uE05E';
const BLANK_RESERVED = /[\\[\]$@/{}]/g;
const TAG = /<[^>]*>/g;

export function htmlToStream(html: string): string {
  let out = '';
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    out += escapeStreamText(html.slice(last, m.index));
    out += `[${m[0].replace(BLANK_RESERVED, (c) => `\\${c}`).replaceAll(CARET, CARET_STAND_IN)}]`;
    last = m.index + m[0].length;
  }
  return out + escapeStreamText(html.slice(last));
}

function escapeStreamText(text: string): string {
  // NUL is the flush marker and never belongs in a segment.
  return decodeEntities(text).replace(/\0/g, '').replace(TEXT_RESERVED, (c) => `\\${c}`).replaceAll(CARET, CARET_STAND_IN);
}

/** Turns the generator's output back into HTML: blanks are unescaped raw markup, text is escaped. */
export function streamToHtml(stream: string): string {
  let out = '';
  let i = 0;
  let text = '';
  const flushText = () => {
    out += escapeHtml(text.replaceAll(CARET_STAND_IN, CARET));
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
      out += raw.replaceAll(CARET_STAND_IN, CARET);
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

/**
 * The lexical units of the bilingual stage's output (`^Trump<n><sg>/Triunfo<n><m><sg>$`): source
 * lemma and the target lemmas left after lexical selection, tags and unknown-word marks dropped.
 * Blanks and superblanks between units are skipped.
 */
export function streamToLexicon(stream: string): Lexicon {
  const out: Lexicon = [];
  let i = 0;
  while (i < stream.length) {
    const c = stream[i]!;
    if (c === '\\') i += 2;
    else if (c === '[') i = readBlank(stream, i + 1).end;
    else if (c === '^') {
      const parts: string[] = [];
      let cur = '';
      let inTag = false;
      for (i++; i < stream.length && stream[i] !== '$'; i++) {
        const d = stream[i]!;
        if (d === '\\' && i + 1 < stream.length) {
          i++;
          if (!inTag) cur += stream[i];
        } else if (d === '<') inTag = true;
        else if (d === '>') inTag = false;
        else if (d === '/' && !inTag) {
          parts.push(cur);
          cur = '';
        } else if (!inTag) cur += d;
      }
      parts.push(cur);
      i++;
      const source = lemma(parts[0]!);
      if (!source) continue;
      // Most units have one target: no set to build (a segment has dozens of units, an article hundreds).
      const targets = parts.length === 2 ? [lemma(parts[1]!)].filter(Boolean) : [...new Set(parts.slice(1).map(lemma).filter(Boolean))];
      if (targets.length > 0) out.push({ source, targets });
    } else i++;
  }
  return out;
}

/** `*@#` open unknown or ungenerable words; `#` inside a lemma marks a split multiword (get# out). */
function lemma(part: string): string {
  const c = part.charCodeAt(0);
  let l = c === 42 || c === 64 || c === 35 ? part.slice(1) : part;
  if (l.includes('#')) l = l.replace(/#/g, '');
  return l.charCodeAt(0) === 32 || l.charCodeAt(l.length - 1) === 32 ? l.trim() : l;
}

/**
 * What the analyser's output says of a phrase: every unit read only as a proper noun (`^New
 * York/New York<np><loc><sg>$`) is a name the engine knows (`proper`); all unknown
 * (`^Wanjiru/*Wanjiru$`) it copies as it is (`unknown`); a unit with no proper-noun reading
 * (`^Trump/Trump<n><sg>$`) it may translate as a word (`common`); otherwise a unit is both
 * (`^Will/Will<np>/will<vaux>$`, `^Grace/Grace<np>/grace<n>$`): `mixed`.
 */
export function readingOf(analysed: string): 'proper' | 'common' | 'mixed' | 'unknown' {
  const units = [...analysed.matchAll(/\^((?:\\.|[^$\\])*)\$/g)].map((m) => m[1]!.split('/').slice(1));
  const known = units.filter((u) => u.length > 0 && !u[0]!.startsWith('*'));
  if (known.length === 0) return 'unknown';
  if (known.every((u) => u.every((r) => r.includes('<np>')))) return 'proper';
  if (known.length === units.length && known.every((u) => !u.some((r) => r.includes('<np>')))) return 'common';
  return 'mixed';
}
