/**
 * The one slug maker: article paths (`/{lang}/{yyyy}/{mm}/{slug}`), topics and outlets. Slugs keep
 * their script (IRIs, which links and browsers percent-encode as UTF-8): `राजनीति` stays
 * `राजनीति`, `中国经济` stays `中国经济`. What is dropped is only what writers themselves leave
 * out: accents on Latin, Greek and Cyrillic letters (`é` → `e`, so Latin slugs stay ASCII as
 * they always were) and the optional vowel points of Arabic and Hebrew. Vowel signs that Indic and
 * Thai scripts cannot do without are kept, and a long slug is never cut between a letter and its
 * sign. Words are joined by `-`; scripts written without spaces (Thai, Chinese) keep one run.
 */
export function slugify(text: string, maxLength = 80, fallback = 'article'): string {
  const slug = text
    .normalize('NFKD')
    .replace(OPTIONAL_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cut(slug, maxLength) || fallback;
}

// Combining diacritics (Latin, Greek, Cyrillic), Hebrew points and cantillation, Arabic harakat.
const OPTIONAL_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]/g;

/** At most `max` UTF-16 units: back to the last whole word, or for one long run, a whole grapheme. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max);
  if (head.includes('-')) return head.replace(/-[^-]*$/, '');
  let end = max;
  while (end > 0 && (/\p{M}/u.test(slug[end]!) || isLowSurrogate(slug.charCodeAt(end)))) end--;
  return slug.slice(0, end).replace(/-+$/, '');
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
