import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import { charsetFromContentType, sniffMetaCharset, sniffXmlDeclaration } from './charset-sniff.ts';

export interface DecodeOptions {
  contentType?: string | null;
  kind: 'html' | 'xml' | 'json';
  /** Minimum chardet confidence (0–100) to trust a guess for undeclared, non-UTF-8 bytes. */
  minConfidence?: number;
}

export interface DecodedBody {
  text: string;
  /** WHATWG canonical name of the encoding used (`windows-1252` for an `iso-8859-1` label). */
  encoding: string;
  warnings: string[];
}

const UNICODE = new Set(['utf-8', 'utf-16le', 'utf-16be']);
/** Legacy multi-byte encodings: short runs of their bytes can pass as UTF-8, so a few are not proof. */
const LEGACY_MULTI_BYTE = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']);
/** Multi-byte UTF-8 sequences needed to overrule a legacy multi-byte label that also decodes cleanly. */
const MIN_UTF8_SEQUENCES = 4;

/** The WHATWG Encoding Standard name for a label, or null when the label is unknown. */
export function resolveLabel(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * The one bytes → text decoder (fetched pages and feeds, feeds handed as bytes). Bytes to text, in the order of precedence the standards give: byte-order mark, then the HTTP
 * charset, then what the document says about itself (XML declaration, `<meta>`), then detection.
 * Bytes that do not decode are never turned into silent mojibake: they become U+FFFD and a warning
 * says so, and a legacy label on bytes that are plainly UTF-8 is overridden with a warning.
 * Undeclared bytes that are neither UTF-8 nor clearly detected are read as windows-1252, with a
 * warning.
 */
export function decodeBody(body: Buffer, opts: DecodeOptions): DecodedBody {
  const warnings: string[] = [];
  const bom = sniffBom(body);
  if (bom) return finish(body.subarray(bom.length), bom.encoding, 'byte-order mark', warnings);

  const httpLabel = charsetFromContentType(opts.contentType);
  const httpEnc = resolveLabel(httpLabel);
  if (httpLabel && !httpEnc) warnings.push(`decode: unknown charset "${httpLabel}" in Content-Type, ignored`);

  if (opts.kind === 'json') {
    // RFC 8259: JSON exchanged between systems is UTF-8, whatever a header claims.
    if (httpEnc && httpEnc !== 'utf-8') warnings.push(`decode: JSON declared as ${httpEnc}; decoded as UTF-8 (RFC 8259)`);
    return finish(body, 'utf-8', 'JSON', warnings);
  }

  const utf16 = opts.kind === 'xml' ? sniffUtf16Xml(body) : null;
  const docLabel = opts.kind === 'xml' ? sniffXmlDeclaration(body) : (sniffMetaCharset(body) ?? sniffXmlDeclaration(body));
  let docEnc = resolveLabel(docLabel);
  if (docLabel && !docEnc) warnings.push(`decode: unknown charset "${docLabel}" declared in the document, ignored`);
  // A document read as ASCII cannot really be UTF-16: the HTML standard reads such a label as UTF-8.
  if (docEnc?.startsWith('utf-16')) docEnc = utf16 ?? 'utf-8';

  if (httpEnc) {
    if (docEnc && docEnc !== httpEnc) {
      warnings.push(`decode: HTTP says ${httpEnc} but the document says ${docEnc}; HTTP wins`);
    }
    return finish(body, httpEnc, 'HTTP charset', warnings);
  }
  if (docEnc) return finish(body, docEnc, 'document declaration', warnings);
  if (utf16) return finish(body, utf16, 'UTF-16 pattern', warnings);
  if (isUtf8(body)) return finish(body, 'utf-8', 'default', warnings);

  const guess = detect(body, opts.minConfidence ?? 20);
  if (guess) {
    warnings.push(`decode: no charset declared and not UTF-8; detected ${guess.encoding} (confidence ${guess.confidence})`);
    return finish(body, guess.encoding, 'detected', warnings);
  }
  // The HTML standard's fallback where nothing is declared: windows-1252, said aloud. It reads the
  // old Latin-script sites that never declared a charset; U+FFFD would lose every accented letter.
  warnings.push('decode: no charset declared, not UTF-8, and detection unsure; read as windows-1252');
  return finish(body, 'windows-1252', 'fallback', warnings);
}

function finish(bytes: Buffer, encoding: string, source: string, warnings: string[]): DecodedBody {
  // Servers and templates default to a label (latin-1, gb2312) whatever the bytes are; UTF-8 with
  // multi-byte sequences is almost never valid in another encoding by accident, so believe the
  // bytes over the label.
  if (!UNICODE.has(encoding) && looksLikeUtf8Instead(bytes, encoding)) {
    warnings.push(`decode: ${source} says ${encoding} but the bytes are valid UTF-8; decoded as UTF-8`);
    encoding = 'utf-8';
  }
  let text: string;
  try {
    text = textDecode(bytes, encoding, true);
  } catch {
    text = textDecode(bytes, encoding, false);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    warnings.push(`decode: ${bad} invalid byte sequence(s) for ${encoding} (from ${source}) replaced by U+FFFD`);
  }
  return { text: withoutNul(text, warnings), encoding, warnings };
}

/**
 * U+0000 is illegal in XML 1.0, means nothing in HTML text, and PostgreSQL refuses it in text
 * columns (a job would fail on it forever): it goes here, once, with a warning.
 */
function withoutNul(text: string, warnings: string[]): string {
  if (text.indexOf('\u0000') === -1) return text;
  const out = text.replaceAll('\u0000', '');
  warnings.push(`decode: ${text.length - out.length} NUL character(s) (U+0000) removed`);
  return out;
}

function looksLikeUtf8Instead(bytes: Buffer, encoding: string): boolean {
  if (!LEGACY_MULTI_BYTE.has(encoding)) return hasMultiByteUtf8(bytes);
  if (!isUtf8(bytes)) return false;
  const sequences = utf8Sequences(bytes, MIN_UTF8_SEQUENCES);
  if (sequences === 0) return false;
  if (sequences >= MIN_UTF8_SEQUENCES) return true;
  // A few sequences only: UTF-8 when the declared encoding cannot read the bytes.
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Lead bytes of multi-byte UTF-8 sequences, counted up to `enough`. */
function utf8Sequences(b: Buffer, enough: number): number {
  let n = 0;
  for (let i = 0; i < b.length && n < enough; i++) if (b[i]! >= 0xc2) n++;
  return n;
}

function sniffBom(b: Buffer): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** XML without a BOM may still be UTF-16: `<?` appears as 3C 00 3F 00 or 00 3C 00 3F. */
function sniffUtf16Xml(b: Buffer): string | null {
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return 'utf-16be';
  return null;
}

function hasMultiByteUtf8(b: Buffer): boolean {
  let high = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! >= 0x80) {
      high = true;
      break;
    }
  }
  return high && isUtf8(b);
}

function detect(b: Buffer, minConfidence: number): { encoding: string; confidence: number } | null {
  // chardet's single-byte scores are low in absolute terms (27 for clear Russian), so trust a
  // guess that is both plausible and well ahead of the runner-up; a tie means "don't know".
  // The first 16 KiB are plenty to tell encodings apart, and keep a 10 MB page cheap.
  const [top, second] = chardet.analyse(b.subarray(0, 16 * 1024));
  if (!top || top.confidence < minConfidence) return null;
  if (second && top.confidence < 2 * second.confidence) return null;
  const encoding = resolveLabel(top.name);
  return encoding && encoding !== 'utf-8' ? { encoding, confidence: top.confidence } : null;
}

/** Bytes to text with WHATWG semantics; windows-1252 by hand because Node 20 decodes it as latin-1. */
function textDecode(bytes: Buffer, encoding: string, fatal: boolean): string {
  if (encoding === 'windows-1252') {
    return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!);
  }
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

// WHATWG index-windows-1252 for 0x80–0x9F; the five unassigned bytes map to their C1 controls.
const WINDOWS_1252 = [...'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'];
