/** Every metadata field is plain text (URLs: shared/urls.ts): nothing from the page passes as markup. */
import { decodeEntities } from '../shared/entities.ts';
import { htmlToText } from '../shared/text.ts';
import { normalizeSpace } from './dom.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export function plainText(value: string | null | undefined, max = 1000): string | null {
  if (!value) return null;
  // Meta content is sometimes double-escaped ("&amp;amp;"), and sometimes holds markup.
  const text = normalizeSpace(htmlToText(decodeEntities(value)).replace(CONTROL, ''));
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
