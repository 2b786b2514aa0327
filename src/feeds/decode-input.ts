import { gunzipSync } from 'node:zlib';
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
  return decode(bytes, decl ?? 'utf-8', warnings);
}

function decode(bytes: Buffer, label: string, warnings: Warnings): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    warnings.add(`unknown charset "${label}", read as UTF-8`);
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  if (decoder.encoding === 'utf-8' && text.includes('\uFFFD')) warnings.add('invalid UTF-8 bytes replaced with U+FFFD');
  return text;
}
