/** A story's section (World, Science…) as a page or feed names it, made fit for a navigation bar. */
import { plainText } from './text-fields.ts';

const MAX = 40;
/** A link, a path or a domain is where a section lives, not its name. */
const URL_LIKE = /^(https?:|\/\/|\/|www\.)|\.(com|org|net)\b/i;
/** Several names in one field are a page's tags, not its section. */
const LIST_LIKE = /[,;|#]|\s[>»›·]\s/;
/** What a CMS says when nobody chose a section. */
const NO_SECTION = /^(uncategori[sz]ed|none|null|undefined|default)$/i;

/**
 * One section name or null: spaces collapsed, at most ~40 characters (cut at a word), an
 * all-lowercase name capitalized ("science" → "Science") so a feed's tags and a page's
 * metadata name the same section alike. Links, lists of tags and placeholders give null.
 */
export function normalizeSection(raw: string | null | undefined): string | null {
  const text = plainText(raw ?? null)?.replace(/\s+/g, ' ').trim();
  if (!text || URL_LIKE.test(text) || LIST_LIKE.test(text) || NO_SECTION.test(text) || !/\p{L}/u.test(text)) return null;
  let name = text;
  if (name.length > MAX) {
    const cut = name.slice(0, MAX + 1).lastIndexOf(' ');
    name = name.slice(0, cut > 10 ? cut : MAX).replace(/[\s\-–—:.]+$/, '');
  }
  return name === name.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** The first of the candidates that names a section (JSON-LD before meta tags, and so on). */
export function firstSection(...candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    const name = normalizeSection(c);
    if (name) return name;
  }
  return null;
}
