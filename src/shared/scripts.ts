/**
 * Writing systems and the languages written in them, for language identification. A script with
 * one language settles the language outright (Hangul: Korean); a script shared by several
 * (Cyrillic, Arabic, Devanagari) only narrows the choice, its first language the most likely.
 * Kana comes before Han: Japanese mixes the two, and kana is what marks it.
 */
export interface Script {
  name: string;
  /** Global: count with `text.match(letters)`. */
  letters: RegExp;
  languages: readonly string[];
}

export const SCRIPTS: readonly Script[] = [
  { name: 'Hangul', letters: /\p{Script=Hangul}/gu, languages: ['ko'] },
  { name: 'Kana', letters: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, languages: ['ja'] },
  { name: 'Han', letters: /\p{Script=Han}/gu, languages: ['zh'] },
  { name: 'Thai', letters: /\p{Script=Thai}/gu, languages: ['th'] },
  { name: 'Lao', letters: /\p{Script=Lao}/gu, languages: ['lo'] },
  { name: 'Khmer', letters: /\p{Script=Khmer}/gu, languages: ['km'] },
  { name: 'Myanmar', letters: /\p{Script=Myanmar}/gu, languages: ['my'] },
  { name: 'Hebrew', letters: /\p{Script=Hebrew}/gu, languages: ['he'] },
  { name: 'Greek', letters: /\p{Script=Greek}/gu, languages: ['el'] },
  { name: 'Georgian', letters: /\p{Script=Georgian}/gu, languages: ['ka'] },
  { name: 'Armenian', letters: /\p{Script=Armenian}/gu, languages: ['hy'] },
  { name: 'Tamil', letters: /\p{Script=Tamil}/gu, languages: ['ta'] },
  { name: 'Telugu', letters: /\p{Script=Telugu}/gu, languages: ['te'] },
  { name: 'Kannada', letters: /\p{Script=Kannada}/gu, languages: ['kn'] },
  { name: 'Malayalam', letters: /\p{Script=Malayalam}/gu, languages: ['ml'] },
  { name: 'Gujarati', letters: /\p{Script=Gujarati}/gu, languages: ['gu'] },
  { name: 'Gurmukhi', letters: /\p{Script=Gurmukhi}/gu, languages: ['pa'] },
  { name: 'Sinhala', letters: /\p{Script=Sinhala}/gu, languages: ['si'] },
  { name: 'Bengali', letters: /\p{Script=Bengali}/gu, languages: ['bn', 'as'] },
  { name: 'Devanagari', letters: /\p{Script=Devanagari}/gu, languages: ['hi', 'mr', 'ne', 'sa'] },
  { name: 'Cyrillic', letters: /\p{Script=Cyrillic}/gu, languages: ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk', 'ky', 'mn', 'tg'] },
  { name: 'Arabic', letters: /\p{Script=Arabic}/gu, languages: ['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug'] },
  { name: 'Ethiopic', letters: /\p{Script=Ethiopic}/gu, languages: ['am', 'ti'] },
];

export const SCRIPT_BY_NAME: ReadonlyMap<string, Script> = new Map(SCRIPTS.map((s) => [s.name, s]));

/** How many letters of `script` the text has. */
export function countScript(text: string, script: Script): number {
  script.letters.lastIndex = 0;
  return text.match(script.letters)?.length ?? 0;
}

/** The language a script settles on its own, or null when several languages share it. */
export function soleLanguage(script: Script): string | null {
  return script.languages.length === 1 ? script.languages[0]! : null;
}
