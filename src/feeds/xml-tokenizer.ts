export interface TokenHandler {
  /** Names lower-cased; attribute values raw (entities not decoded); first of duplicate attributes wins. */
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags, entities not decoded. */
  text(raw: string): void;
  cdata(text: string): void;
  /** `<!DOCTYPE …>` with its internal subset, or another `<!…>` declaration. Never interpreted. */
  declaration(raw: string): void;
  /** Something that is not markup was read as text (a bare `<`, a tag cut off at the end). */
  recover(problem: string): void;
}

const SPACE = 32, TAB = 9, LF = 10, CR = 13, GT = 62, SLASH = 47, EQ = 61, DQ = 34, SQ = 39, LT = 60;

/** Shared by every tag without attributes (most of them): one object fewer per element. Never written. */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}

/**
 * A forgiving XML tokenizer: indexOf over text, CDATA and comments (that is where the bytes are),
 * a small loop over tags. It never fails: what is not markup is text, a tag cut off by the end of
 * input is still a tag, and declarations are handed over as text to be ignored, so no entity
 * defined in a DOCTYPE can ever be expanded.
 */
export function tokenize(xml: string, h: TokenHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      h.text(xml.slice(i));
      return;
    }
    if (lt > i) h.text(xml.slice(i, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        i = end === -1 ? n : end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        h.cdata(xml.slice(lt + 9, end === -1 ? n : end));
        i = end === -1 ? n : end + 3;
      } else {
        i = declarationEnd(xml, lt + 2);
        h.declaration(xml.slice(lt, i));
      }
    } else if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === SLASH) {
      const end = xml.indexOf('>', lt + 2);
      const stop = end === -1 ? n : end;
      let from = lt + 2;
      while (from < stop && isSpace(xml.charCodeAt(from))) from++;
      let j = from;
      while (j < stop && !isSpace(xml.charCodeAt(j))) j++;
      h.close(xml.slice(from, j).toLowerCase());
      i = end === -1 ? n : end + 1;
    } else if (isNameStart(c)) {
      i = readTag(xml, lt, h);
    } else {
      h.recover('bare "<" in text (read as text)');
      h.text('<');
      i = lt + 1;
    }
  }
}

/** End of `<!…>`: the first `>` outside quotes and outside an internal subset `[…]`. */
function declarationEnd(xml: string, from: number): number {
  const n = xml.length;
  let bracket = 0;
  let quote = 0;
  for (let j = from; j < n; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
    else if (c === 91 /* [ */) bracket++;
    else if (c === 93 /* ] */) bracket = Math.max(0, bracket - 1);
    else if (c === GT && bracket === 0) return j + 1;
  }
  return n;
}

function readTag(xml: string, lt: number, h: TokenHandler): number {
  const n = xml.length;
  let j = lt + 1;
  for (; j < n; j++) {
    const c = xml.charCodeAt(j);
    if (isSpace(c) || c === GT || c === SLASH || c === LT) break;
  }
  const name = xml.slice(lt + 1, j).toLowerCase();
  let attrs: Record<string, string> = NO_ATTRS;
  let selfClosing = false;
  while (j < n) {
    let c = xml.charCodeAt(j);
    if (isSpace(c)) {
      j++;
      continue;
    }
    if (c === GT) {
      j++;
      break;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(j + 1) === GT) {
        selfClosing = true;
        j += 2;
        break;
      }
      j++;
      continue;
    }
    if (c === LT) {
      h.recover('tag without ">"');
      break;
    }
    const nameStart = j;
    for (; j < n; j++) {
      c = xml.charCodeAt(j);
      if (isSpace(c) || c === EQ || c === GT || c === LT || (c === SLASH && xml.charCodeAt(j + 1) === GT)) break;
    }
    const attr = xml.slice(nameStart, j).toLowerCase();
    while (j < n && isSpace(xml.charCodeAt(j))) j++;
    let value = '';
    if (xml.charCodeAt(j) === EQ) {
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q === DQ || q === SQ) {
        const end = xml.indexOf(q === DQ ? '"' : "'", j + 1);
        value = xml.slice(j + 1, end === -1 ? n : end);
        j = end === -1 ? n : end + 1;
      } else {
        const start = j;
        for (; j < n; j++) {
          c = xml.charCodeAt(j);
          if (isSpace(c) || c === GT) break;
        }
        value = xml.slice(start, j);
      }
    }
    if (attrs === NO_ATTRS) attrs = {};
    if (attrs[attr] === undefined && attr !== '__proto__') attrs[attr] = value;
  }
  if (j >= n && xml.charCodeAt(n - 1) !== GT) h.recover('tag cut off at the end of the document');
  h.open(name, attrs, selfClosing);
  return j;
}
