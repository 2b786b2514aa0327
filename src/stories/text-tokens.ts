import { STOPWORDS } from './stopwords.ts';

/** Lowercase without accents: "Pyongyang", "PYONGYANG" and "Pyongyáng" are one feature. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The words of a text in order, folded, possessive "'s" dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = fold(m[0]).replace(/['’]s$/, '').replace(/['’]/g, '');
    if (w) out.push(w);
  }
  return out;
}

/**
 * A light stem (Harman's S-stemmer plus -ing/-ed): enough that "launches" meets "launch" and
 * "attacked" meets "attack" after a translation chose another inflection; a full stemmer would
 * be language-specific, and what it adds is small beside TF-IDF's tolerance.
 */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  let s = w;
  if (s.endsWith('ies') && !/[ae]ies$/.test(s)) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('es') && !/(ae|ee|oe)s$/.test(s)) s = s.slice(0, -1);
  else if (s.endsWith('s') && !/(us|ss|is)$/.test(s)) s = s.slice(0, -1);
  else if (s.endsWith('ing') && s.length > 6) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 5) s = s.slice(0, -2);
  // A final e goes in every form, so "issue"/"issues" and "raise"/"raised" meet.
  return s.length > 4 ? s.replace(/e$/, '') : s;
}

/** Content terms of a text: folded, stemmed, no stopwords, no bare numbers (those are anchors). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w) || /^\d/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}
