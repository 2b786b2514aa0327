import { gunzipSync } from 'node:zlib';
import { decodeBody } from '../shared/charsets.ts';
import type { Warnings } from './warnings.ts';

/**
 * Bytes → text for parseFeed when handed raw bytes, by the one decoder (shared/charsets.ts: BOM,
 * then the HTTP charset, then the XML declaration, then detection). A gzipped sitemap
 * (`.xml.gz`) is inflated first, capped.
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
  const kind = /^[\s\ufeff]*[{[]/.test(bytes.subarray(0, 64).toString('latin1')) ? 'json' : 'xml';
  const { text, warnings: found } = decodeBody(bytes, { contentType, kind });
  for (const w of found) warnings.add(w);
  return text;
}
