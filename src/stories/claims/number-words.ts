import { isClaimLang, type ClaimLang } from './phrase-table.ts';

/**
 * Numbers written in words, per language: units and tens add up, "hundred" multiplies what came
 * before it, and a scale (thousand, million…) closes a group. "One" / "un" / "ein" alone is not
 * read (it is mostly an article); before a scale it is ("a million", "un millón").
 */
export type NumberWord = { kind: 'add'; value: number } | { kind: 'hundred' } | { kind: 'scale'; value: number } | { kind: 'one' } | { kind: 'and' };

const ADD: Record<ClaimLang, string> = {
  en: 'two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 sixteen 16 seventeen 17 eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 sixty 60 seventy 70 eighty 80 ninety 90',
  es: 'dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 nueve 9 diez 10 once 11 doce 12 trece 13 catorce 14 quince 15 dieciseis 16 diecisiete 17 dieciocho 18 diecinueve 19 veinte 20 veintiun 21 veintiuno 21 veintiuna 21 veintidos 22 veintitres 23 veinticuatro 24 veinticinco 25 veintiseis 26 veintisiete 27 veintiocho 28 veintinueve 29 treinta 30 cuarenta 40 cincuenta 50 sesenta 60 setenta 70 ochenta 80 noventa 90 doscientos 200 doscientas 200 trescientos 300 trescientas 300 cuatrocientos 400 cuatrocientas 400 quinientos 500 quinientas 500 seiscientos 600 seiscientas 600 setecientos 700 setecientas 700 ochocientos 800 ochocientas 800 novecientos 900 novecientas 900',
  fr: 'deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 onze 11 douze 12 treize 13 quatorze 14 quinze 15 seize 16 vingt 20 vingts 20 trente 30 quarante 40 cinquante 50 soixante 60 septante 70 huitante 80 octante 80 nonante 90',
  de: 'zwei 2 drei 3 vier 4 funf 5 sechs 6 sieben 7 acht 8 neun 9 zehn 10 elf 11 zwolf 12 dreizehn 13 vierzehn 14 funfzehn 15 sechzehn 16 siebzehn 17 achtzehn 18 neunzehn 19 zwanzig 20 dreissig 30 vierzig 40 funfzig 50 sechzig 60 siebzig 70 achtzig 80 neunzig 90',
  ca: 'dos 2 dues 2 tres 3 quatre 4 cinc 5 sis 6 set 7 vuit 8 nou 9 deu 10 onze 11 dotze 12 tretze 13 catorze 14 quinze 15 setze 16 disset 17 divuit 18 dinou 19 vint 20 trenta 30 quaranta 40 cinquanta 50 seixanta 60 setanta 70 vuitanta 80 noranta 90',
  pt: 'dois 2 duas 2 tres 3 quatro 4 cinco 5 seis 6 sete 7 oito 8 nove 9 dez 10 onze 11 doze 12 treze 13 catorze 14 quatorze 14 quinze 15 dezesseis 16 dezasseis 16 dezessete 17 dezassete 17 dezoito 18 dezenove 19 dezanove 19 vinte 20 trinta 30 quarenta 40 cinquenta 50 sessenta 60 setenta 70 oitenta 80 noventa 90 duzentos 200 duzentas 200 trezentos 300 trezentas 300 quatrocentos 400 quinhentos 500 seiscentos 600 setecentos 700 oitocentos 800 novecentos 900',
};

const HUNDRED: Record<ClaimLang, string> = {
  en: 'hundred',
  es: 'cien ciento',
  fr: 'cent cents',
  de: 'hundert',
  ca: 'cent cents',
  pt: 'cem cento',
};

const SCALE: Record<ClaimLang, string> = {
  en: 'thousand 1e3 million 1e6 millions 1e6 billion 1e9 billions 1e9 trillion 1e12 bn 1e9 mn 1e6 mln 1e6',
  es: 'mil 1e3 millon 1e6 millones 1e6 billon 1e12 billones 1e12',
  fr: 'mille 1e3 million 1e6 millions 1e6 milliard 1e9 milliards 1e9 md 1e9 mds 1e9',
  de: 'tausend 1e3 million 1e6 millionen 1e6 mio 1e6 milliarde 1e9 milliarden 1e9 mrd 1e9',
  ca: 'mil 1e3 milio 1e6 milions 1e6 miliard 1e9 miliards 1e9',
  pt: 'mil 1e3 milhao 1e6 milhoes 1e6 bilhao 1e9 bilhoes 1e9',
};

const ONE: Record<ClaimLang, string> = { en: 'one a an', es: 'un una uno', fr: 'un une', de: 'ein eine einer', ca: 'un una', pt: 'um uma' };
const AND: Record<ClaimLang, string> = { en: 'and', es: 'y', fr: 'et', de: 'und', ca: 'i', pt: 'e' };

/** A scale written against the digits: "2k", "5bn", "3m". */
export const GLUED_SCALE: ReadonlyMap<string, number> = new Map([['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['b', 1e9], ['mio', 1e6], ['mrd', 1e9]]);

const tables = new Map<ClaimLang, Map<string, NumberWord>>();
for (const lang of ['en', 'es', 'fr', 'de', 'ca', 'pt'] as const) {
  const t = new Map<string, NumberWord>();
  const pairs = ADD[lang].split(' ');
  for (let i = 0; i < pairs.length; i += 2) t.set(pairs[i]!, { kind: 'add', value: Number(pairs[i + 1]) });
  for (const w of HUNDRED[lang].split(' ')) t.set(w, { kind: 'hundred' });
  const scales = SCALE[lang].split(' ');
  for (let i = 0; i < scales.length; i += 2) t.set(scales[i]!, { kind: 'scale', value: Number(scales[i + 1]) });
  for (const w of ONE[lang].split(' ')) t.set(w, { kind: 'one' });
  t.set(AND[lang], { kind: 'and' });
  tables.set(lang, t);
}

/** What a folded word means as part of a number in this language, or null. */
export function numberWord(key: string, lang: string): NumberWord | null {
  if (!isClaimLang(lang)) return null;
  return tables.get(lang)!.get(key) ?? null;
}

/**
 * The parts of one word that writes a number: "twenty-five", "vint-i-cinc", "quatre-vingt-dix",
 * and German compounds ("zweitausendfünfhundert", "fünfundzwanzig"). Null when any part is not a
 * number word.
 */
export function numberWordParts(key: string, lang: string): NumberWord[] | null {
  if (!isClaimLang(lang)) return null;
  const table = tables.get(lang)!;
  // The common case, asked of every word: one word, a number word or not.
  const whole = table.get(key);
  if (whole) return [whole];
  if (lang !== 'de' && !key.includes('-')) return null;
  const pieces = key.split('-');
  const out: NumberWord[] = [];
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    // Eighty is "four twenties" in French.
    if (lang === 'fr' && piece === 'quatre' && /^vingts?$/.test(pieces[p + 1] ?? '')) {
      out.push({ kind: 'add', value: 80 });
      p++;
      continue;
    }
    const whole = table.get(piece);
    if (whole) {
      out.push(whole);
      continue;
    }
    const split = lang === 'de' ? germanParts(piece, table) : null;
    if (!split) return null;
    out.push(...split);
  }
  return out;
}

/** A German number word cut into the words it is made of, longest first; null if it is not one. */
function germanParts(word: string, table: Map<string, NumberWord>): NumberWord[] | null {
  if (word.length === 0) return [];
  for (let len = Math.min(word.length, 9); len >= 3; len--) {
    const head = word.slice(0, len);
    const w = table.get(head) ?? (head === 'eins' ? ({ kind: 'one' } as const) : undefined);
    if (!w) continue;
    const rest = germanParts(word.slice(len), table);
    if (rest) return [w, ...rest];
  }
  return null;
}
