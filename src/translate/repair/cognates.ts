import type { TranslationEngine } from '../engine.ts';
import type { ReadingCache } from './prepare-units.ts';

/**
 * Spanish cognates of English words the engine does not know. Apertium copies such a word as it
 * is ("monetization", "scalability"), where English and Spanish share a regular correspondence
 * of learned suffixes: -tion → -ción, -sion → -sión, -ity → -idad, -ism → -ismo, -ist → -ista,
 * -ic/-ical → -ico, -ize → -izar (not -ise: compromise), -tive/-sive → -tivo/-sivo, -ence/-ency → -encia, -ogy → -ogía,
 * with the plural kept. The stem is written as Spanish spells it (ph → f, th → t, mpt → nt,
 * pn-/ps- → n-/s-, over- → sobre-, imm- → inm-, -ologist → -ólogo, no doubled consonants, an "e" before s + consonant); a result with letters
 * Spanish does not write (k, w, sh) is no plausible Spanish word and none is given. Endings whose
 * English words are as often Germanic or irregular in Spanish are left out: -ous (homogeneous →
 * homogéneo, gratuitous → gratuito), -ance (clearance), -ment (development → desarrollo).
 */
interface Suffix {
  /** The English ending, singular; `plural` its plural ending (none for adjectives and verbs). */
  en: string;
  plural?: string;
  es: string;
  esPlural?: string;
  /** Spanish nouns of this ending are feminine (an article before them agrees). */
  feminine?: boolean;
  /** The stem's last vowel takes the stress mark (algorithmic → algorítmico). */
  stressStem?: boolean;
  /** How the English stem must end for the rule to apply. */
  stemEnds?: RegExp;
}

// Longer endings first: "-ization" is "-ation" is "-tion"; "-ical" before "-ic".
const SUFFIXES: Suffix[] = [
  { en: 'tion', plural: 'tions', es: 'ción', esPlural: 'ciones', feminine: true },
  { en: 'sion', plural: 'sions', es: 'sión', esPlural: 'siones', feminine: true },
  { en: 'ity', plural: 'ities', es: 'idad', esPlural: 'idades', feminine: true },
  { en: 'ism', plural: 'isms', es: 'ismo', esPlural: 'ismos' },
  // A scientist of a field is its -ólogo (immunologist → inmunólogo), not an -ista.
  { en: 'ologist', plural: 'ologists', es: 'ólogo', esPlural: 'ólogos' },
  { en: 'ist', plural: 'ists', es: 'ista', esPlural: 'istas' },
  { en: 'ical', es: 'ico', stressStem: true },
  { en: 'ic', es: 'ico', stressStem: true },
  // -ize only: English words in -ise are as often no verb of that suffix (compromise, premise, fundraising).
  { en: 'ize', es: 'izar' },
  { en: 'ized', es: 'izado' },
  { en: 'izing', es: 'izando' },
  // -tive, -sive: the learned ending, not a verb's (relive, outlive).
  { en: 'tive', plural: 'tives', es: 'tivo', esPlural: 'tivos' },
  { en: 'sive', plural: 'sives', es: 'sivo', esPlural: 'sivos' },
  // After the consonants of learned stems only: a verb's -ence (recommence) is no noun.
  { en: 'ence', plural: 'ences', es: 'encia', esPlural: 'encias', feminine: true, stemEnds: /[cdglnrtv]$/ },
  { en: 'ency', plural: 'encies', es: 'encia', esPlural: 'encias', feminine: true, stemEnds: /[cdglnrtv]$/ },
  { en: 'ogy', plural: 'ogies', es: 'ogía', esPlural: 'ogías', feminine: true },
];

export interface Cognate {
  word: string;
  feminine: boolean;
  plural: boolean;
}

/** The Spanish cognate of a lower-case English word, or null when no rule gives a plausible one. */
export function spanishCognate(word: string): Cognate | null {
  // A name, an acronym, a word with digits or a hyphenated compound is not a learned word.
  if (!/^[a-z]{5,}$/.test(word)) return null;
  for (const s of SUFFIXES) {
    for (const plural of s.plural ? [true, false] : [false]) {
      const ending = plural ? s.plural! : s.en;
      if (!word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      // The stem carries the meaning: a short one is no learned word ("nation" is known; "ic" alone is not a suffix).
      if (stem.length < 3 || (s.stemEnds && !s.stemEnds.test(stem))) continue;
      const esStem = spellStem(stem, s.stressStem === true);
      if (esStem === null) continue;
      const out = esStem + (plural ? s.esPlural! : s.es);
      if (!plausible(out)) continue;
      return { word: out, feminine: s.feminine === true, plural };
    }
  }
  return null;
}

const VOWELS = 'aeiou';
const STRESSED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/** An English stem spelled as Spanish spells its cognates; null when it has letters Spanish does not write. */
function spellStem(stem: string, stress: boolean): string | null {
  let s = stem
    .replace(/^over/, 'sobre')
    .replace(/^imm/, 'inm')
    .replace(/^p(?=[ns])/, '')
    .replace(/mpt/g, 'nt')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ch(?=[aeiour])/g, 'c')
    // Spanish doubles only rr, and cc before e or i (acción): accusation → acusación, allergenic → alergénico.
    .replace(/cc(?![ei])/g, 'c')
    .replace(/([bdfglmnpstz])\1/g, '$1')
    .replace(/(?<=[^aeiou])y(?=[^aeiou]|$)/g, 'i')
    .replace(/^y/, 'i');
  // A doubled z is no learned stem (quizzical).
  if (/zz/.test(stem)) return null;
  // Spanish opens no word with s + consonant: scandal → escándalo, strategy → estrategia.
  if (/^s[^aeiou]/.test(s)) s = `e${s}`;
  if (/[kwxy]|sh|ck|q(?!u)/.test(s.replace(/y$/, ''))) return null;
  if (!stress) return s;
  // An esdrújula (-ico): the stem's last vowel carries the mark; a stem ending in a vowel forms a diphthong ("heroico").
  if (VOWELS.includes(s.at(-1)!)) return s;
  for (let i = s.length - 1; i >= 0; i--) {
    if (VOWELS.includes(s[i]!)) {
      // In a falling diphthong the mark goes on the open vowel: hidráulico, not hidraúlico.
      const at = 'iu'.includes(s[i]!) && i > 0 && 'aeo'.includes(s[i - 1]!) ? i - 1 : i;
      return s.slice(0, at) + STRESSED[s[at]!]! + s.slice(at + 1);
    }
  }
  return null;
}

/** Spanish spelling only: Spanish letters, no letter doubled but rr, ll, cc, nn, ee, oo. */
function plausible(word: string): boolean {
  if (!/^[a-zñáéíóúü]+$/.test(word)) return false;
  if (/([a-zñ])\1/.test(word.replace(/rr|ll|cc|nn|ee|oo/g, ''))) return false;
  return /[aeiouáéíóú]/.test(word);
}

const WORD_RE = /(?<![\p{L}\p{M}\p{N}'’@#/.-])[a-z]{5,}(?![\p{L}\p{M}\p{N}'’@/-])/gu;

/** The lower-case words of the texts a suffix rule has a cognate for: the ones to ask the engine about. */
export function cognateCandidates(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(WORD_RE)) if (spanishCognate(m[0])) out.add(m[0]);
  return [...out];
}

/** Articles and demonstratives before a feminine noun, from the masculine the engine gives an unknown word. */
const FEMININE: Record<string, string> = {
  el: 'la', un: 'una', del: 'de la', al: 'a la', este: 'esta', ese: 'esa', aquel: 'aquella', los: 'las', unos: 'unas', estos: 'estas', esos: 'esas', aquellos: 'aquellas', nuestro: 'nuestra', nuestros: 'nuestras', otro: 'otra', otros: 'otras', mucho: 'mucha', muchos: 'muchas',
};

/** A singular article or demonstrative before a plural noun, made plural: [masculine, feminine]. */
const PLURAL: Record<string, [string, string]> = {
  el: ['los', 'las'], la: ['los', 'las'], un: ['unos', 'unas'], del: ['de los', 'de las'], al: ['a los', 'a las'], este: ['estos', 'estas'], ese: ['esos', 'esas'],
};

/**
 * The translation with each unknown word the engine copied (`cognates`: English word → its
 * cognate) written as its cognate, and a masculine article right before a feminine one made to
 * agree ("el monetization" → "la monetización"). Text runs of the HTML only. Run after the
 * typography (whose copied-start rule reads the English word): the word may then open a sentence
 * with a capital, which the cognate keeps. Only words the source wrote in small letters are in
 * `cognates`, never a name.
 */
export function applyCognates(html: string, cognates: Map<string, Cognate>): string {
  if (cognates.size === 0) return html;
  // A word the source wrote in small letters may open a sentence of the translation, capitalized there.
  const alternatives = [...cognates.keys()].map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`);
  const re = new RegExp(`(?:(\\p{L}+) )?(?<![\\p{L}\\p{M}\\p{N}'’@#/.-])(${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}'’@/-])`, 'gu');
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, run: string) =>
    gt + run.replace(re, (whole, before: string | undefined, word: string) => {
      const c = cognates.get(word.toLowerCase())!;
      const cognate = word === word.toLowerCase() ? c.word : c.word.charAt(0).toUpperCase() + c.word.slice(1);
      if (before === undefined) return cognate;
      const lower = before.toLowerCase();
      const agreed = (c.plural ? PLURAL[lower] : undefined)?.[c.feminine ? 1 : 0] ?? (c.feminine && FEMININE[lower] !== undefined ? FEMININE[lower]! : before);
      const cased = before !== lower && agreed !== before ? agreed.charAt(0).toUpperCase() + agreed.slice(1) : agreed;
      return `${cased} ${cognate}`;
    }));
}

/**
 * The words of an English article's texts (plain text) that `engine` does not know and that have
 * a Spanish cognate, each with it: what applyCognates writes where the engine copied them. None
 * for other pairs, or for an engine that cannot tell which words it knows.
 */
export async function unknownCognates(texts: string[], engine: TranslationEngine, from: string, to: string, readings: ReadingCache): Promise<Map<string, Cognate>> {
  const out = new Map<string, Cognate>();
  if (from !== 'en' || to !== 'es' || !engine.nameReadings) return out;
  const words = cognateCandidates(texts);
  if (words.length === 0) return out;
  const read = await readings.get(words, (w) => engine.nameReadings!(w, from, to));
  for (const w of words) if (read.get(w) === 'unknown') out.set(w, spanishCognate(w)!);
  return out;
}
