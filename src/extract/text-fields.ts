/** Every metadata field is plain text or a safe absolute URL: nothing from the page passes as markup. */
import { decodeHTML } from 'entities';
import { normalizeSpace } from './dom.ts';

const TAG = /<\/?[a-z][^>]*>/gi;
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export function plainText(value: string | null | undefined, max = 1000): string | null {
  if (!value) return null;
  // Meta content is sometimes double-escaped ("&amp;amp;"), and sometimes holds markup.
  const text = normalizeSpace(decodeHTML(value).replace(SCRIPT, ' ').replace(TAG, ' ').replace(CONTROL, ''));
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An absolute http(s) URL resolved against the page, or null. */
export function safeUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
