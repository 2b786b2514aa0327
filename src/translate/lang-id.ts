/**
 * Small language identifier for the fidelity gate: the script decides for non-Latin text,
 * function words decide between Latin-script languages. Enough to tell "still English" from
 * "Spanish" in a paragraph; not a general-purpose detector.
 */
import { countScript, SCRIPTS } from '../shared/scripts.ts';

const STOPWORDS: Record<string, string> = {
  // Words that are also common in the other languages (a, he, has, no, me) are left out.
  en: 'the of and to in is that for it as was with be by on not this are or his from at which but have an they you were her she there been one all we their would when if so will more said its who after about into than them over also could had can',
  es: 'el la de que y en los se del las un por con no una su para es al lo como más pero sus le ha me si sin sobre este ya entre cuando todo esta ser son dos también fue había era muy años hasta desde está mi porque qué sólo han yo hay vez puede todos así nos ni parte tiene él uno donde bien',
  ca: 'el la de i que a en els les per un una amb no es del al va com més però hi ha seu seva són aquest aquesta també fins tot dels des quan ja molt pel sobre entre dues són',
  gl: 'o a de e que en os as do da un unha por con non se para como máis pero seu súa ao dos das no na foi ten tamén cando xa moi entre sobre este esta',
  pt: 'o a de e que em os as do da um uma por com não se para como mais mas seu sua ao dos das no na foi tem também quando já muito entre sobre este esta é são pelo pela',
  fr: 'le la de et les des en un une du est que pour qui dans par pas plus sur au avec ce il elle se ne sont ont été aux ses leur mais nous vous cette comme tout été fait',
  it: 'il di e la che in un una per non del della con sono è si le da gli al alla dei più anche come ma suo sua questo questa nel nella stato essere',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über',
  nl: 'de het een en van in is dat op te zijn met voor niet aan er die ook als door maar om dan zou hij bij uit nog wel geen werd',
};
const LANGS = Object.keys(STOPWORDS);
/** Function word → the indexes in LANGS of the languages it belongs to: one lookup per word of the text. */
const WORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, li) => {
  for (const w of new Set(STOPWORDS[lang]!.split(' '))) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), li]);
});


export interface LangGuess {
  lang: string | null;
  /** Share of words that are function words of `lang` (Latin) or share of letters in the script. */
  score: number;
  scores: Record<string, number>;
}

export function identifyLanguage(text: string): LangGuess {
  if (!ANY_LETTER_RE.test(text)) return { lang: null, score: 0, scores: {} };
  // Counted with one regex per script, and only when some letter is not Latin: the gate asks this of every paragraph.
  if (NON_LATIN_RE.test(text)) {
    const letters = text.match(LETTER_RE)?.length ?? 0;
    for (const script of SCRIPTS) {
      const share = countScript(text, script) / letters;
      // A script several languages share scores them all alike: Ukrainian is not "still Russian".
      if (share > 0.5) return { lang: script.languages[0]!, score: share, scores: Object.fromEntries(script.languages.map((l) => [l, share])) };
    }
  }
  return guessFromCounts(functionWordCounts(text));
}

/** How many words a Latin-script text has, and how many are function words of each language. */
export interface FunctionWordCounts {
  words: number;
  /** Words of two letters or more: too few, and a paragraph says nothing of its language. */
  longWords: number;
  /** Indexed as LANGS. */
  perLang: Int32Array;
}

/** The counts of a text in Latin script; null when a letter is in another script (that text is judged by its script). */
export function latinWordCounts(text: string): FunctionWordCounts | null {
  return NON_LATIN_RE.test(text) ? null : functionWordCounts(text);
}

function functionWordCounts(text: string): FunctionWordCounts {
  const perLang = new Int32Array(LANGS.length);
  let words = 0;
  let longWords = 0;
  for (const w of text.toLowerCase().match(WORD_RE) ?? []) {
    words++;
    if (w.length >= 2 && !(w.length === 2 && w.includes("'"))) longWords++;
    const langs = WORD_LANGS.get(w);
    if (langs) for (const li of langs) perLang[li]!++;
  }
  return { words, longWords, perLang };
}

/** The counts of several texts as if they were one (words never span two texts). */
export function addCounts(all: FunctionWordCounts[]): FunctionWordCounts {
  const perLang = new Int32Array(LANGS.length);
  let words = 0;
  let longWords = 0;
  for (const c of all) {
    words += c.words;
    longWords += c.longWords;
    for (let i = 0; i < perLang.length; i++) perLang[i]! += c.perLang[i]!;
  }
  return { words, longWords, perLang };
}

/** The language whose function words make the largest share of the words. */
export function guessFromCounts(counts: FunctionWordCounts): LangGuess {
  const scores: Record<string, number> = {};
  let best: string | null = null;
  LANGS.forEach((lang, li) => {
    const s = counts.perLang[li]! / Math.max(1, counts.words);
    scores[lang] = s;
    if (best === null || s > scores[best]!) best = lang;
  });
  const score = best ? scores[best]! : 0;
  return { lang: score > 0 ? best : null, score, scores };
}

const WORD_RE = /[\p{L}']+/gu;
const LETTER_RE = /\p{L}/gu;
const ANY_LETTER_RE = /\p{L}/u;
const NON_LATIN_RE = /(?!\p{Script=Latin})\p{L}/u;

/** How much more `text` looks like `a` than `b` (function-word share difference). */
export function languageMargin(text: string | LangGuess, a: string, b: string): number {
  const g = typeof text === 'string' ? identifyLanguage(text) : text;
  return (g.scores[a] ?? (g.lang === a ? g.score : 0)) - (g.scores[b] ?? (g.lang === b ? g.score : 0));
}
