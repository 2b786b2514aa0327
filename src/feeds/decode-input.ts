import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { Warnings } from './warnings.ts';

/**
 * Minimal bytes → text for parseFeed when handed raw bytes: BOM, then the HTTP charset, then the
 * XML declaration, else UTF-8. (fetch's decodeBody is the full version with sniffing; a stage
 * never imports another, so this stays small.) A gzipped sitemap (`.xml.gz`) is inflated, capped.
 */
export function decodeInput(input: Buffer, contentType: string | null | undefined, warnings: Warnings, maxBytes = 64 * 1024 * 1024): string {
  let bytes = input;
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch {
      warnings.add('gzip data could not be inflated within the size cap');
    }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', warnings);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', warnings);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', warnings);
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return decode(bytes, 'utf-16le', warnings);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return decode(bytes, 'utf-16be', warnings);
  const http = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (http) return decode(bytes, http, warnings);
  const head = bytes.subarray(0, 256).toString('latin1');
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (decl) return decode(bytes, decl, warnings);
  // Nothing declared: UTF-8 if the bytes are UTF-8, else windows-1252 (the usual culprit), said aloud.
  const text = bytes.toString('utf8');
  if (!text.includes('\uFFFD') || bytes.includes(Buffer.from('\uFFFD'))) return text;
  warnings.add('no charset declared and the bytes are not UTF-8: read as windows-1252');
  return iconv.decode(bytes, 'windows-1252');
}

// WHATWG: these labels all mean windows-1252 on the web (Node's TextDecoder reads them as Latin-1).
const WIN1252 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp1252', 'windows-1252', 'x-cp1252']);

/** Multi-byte UTF-8 sequences that outweigh a label: fewer could be legacy multi-byte text by chance. */
const MIN_UTF8_SEQUENCES = 4;

function utf8Sequences(b: Buffer): number {
  let n = 0;
  for (let i = 0; i < b.length && n < MIN_UTF8_SEQUENCES; i++) if (b[i]! >= 0xc2) n++;
  return n;
}

function decode(bytes: Buffer, rawLabel: string, warnings: Warnings): string {
  let label = rawLabel.trim().toLowerCase();
  if (WIN1252.has(label)) label = 'windows-1252';
  if (label === 'utf-16' || label === 'utf16') label = bytes[0] === 0x00 ? 'utf-16be' : 'utf-16le';
  if (label === 'utf-8' || label === 'utf8') {
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) warnings.add('invalid UTF-8 bytes replaced with U+FFFD');
    return text;
  }
  if (!iconv.encodingExists(label)) {
    warnings.add(`unknown charset "${rawLabel}", read as UTF-8`);
    return decode(bytes, 'utf-8', warnings);
  }
  // A template's label (gb2312, latin-1) on bytes that are plainly UTF-8: believe the bytes.
  if (!label.startsWith('utf-16') && isUtf8(bytes) && utf8Sequences(bytes) >= MIN_UTF8_SEQUENCES) {
    warnings.add(`declared ${rawLabel} but the bytes are valid UTF-8: read as UTF-8`);
    return bytes.toString('utf8');
  }
  return iconv.decode(bytes, label, { stripBOM: true });
}
