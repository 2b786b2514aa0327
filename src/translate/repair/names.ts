import type { Span } from './protect-spans.ts';

/**
 * Names an engine would translate as words (Trump → Triunfo, Taylor Swift → Taylor Vencejo, Will
 * Smith → Herrero): the runs of capitalized words of an article. A run inside a sentence is a
 * candidate; one that opens a sentence only when the article also writes it inside one (its own
 * repeated spelling) or it is two words or more. Titles, months, days and function words are
 * trimmed off: they are to be translated ("President", "March"). Which candidates are protected
 * is the engine's reading: those it takes for ordinary words (see TranslationEngine.nameReadings).
 */
const WORD = /(?<![\p{L}\p{M}\p{N}'’-])\p{Lu}[\p{L}\p{M}'’.-]*[\p{L}\p{M}]|(?<![\p{L}\p{M}\p{N}'’-])\p{Lu}(?![\p{L}\p{M}\p{N}])/gu;
/** Function words: not a name where they open a sentence (mid-sentence, "Will Smith", "Theresa May" are). */
const FUNCTION = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'if', 'me', 'him', 'us', 'them', 'am', 'up', 'out', 'off', 'in', 'on', 'at', 'of', 'for', 'to', 'by', 'with', 'from', 'as', 'after', 'before', 'when', 'while', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we', 'they', 'you', 'i', 'his', 'her', 'our', 'their', 'my', 'your', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'not', 'no', 'yes', 'so', 'all', 'some', 'many', 'more', 'most', 'one', 'two', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'about', 'over', 'into', 'than', 'then', 'also', 'just', 'only', 'even', 'still', 'now', 'new',
]);
const CONNECTOR = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'van', 'von', 'der', 'al', 'bin', 'da', 'di', 'du', 'le']);
/** Titles and times: translated wherever they stand, the name beside them kept. */
const NOT_NAME = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'president', 'vice', 'prime', 'minister', 'secretary', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'senator', 'governor', 'mayor', 'general', 'judge', 'justice', 'chief', 'captain', 'lieutenant', 'sergeant', 'colonel', 'officer', 'professor', 'director', 'ceo', 'chairman', 'saint', 'st', 'former', 'foreign', 'deputy',
  'lt', 'gov', 'sen', 'rep', 'gen', 'col', 'sgt', 'capt', 'cpl', 'maj', 'adm', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'sr', 'jr',
  // time
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  // as news style abbreviates them beside a day ("MI Aug. 4" is no name run: the date is written by rule)
  'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays',
]);
// A word alone of a nationality, language or creed is translated too (American → americano);
// a name in a run of two or more keeps its capitals (Brian Morgan).
const DEMONYM = /(?:an|ans|ese|ish|ic|ics|ch|i|is)$/;

export interface NameRun extends Span {
  name: string;
}

/** The candidate name runs of each text (plain text, one per segment), with the article's spellings as context. */
export function nameCandidates(texts: string[]): NameRun[][] {
  const runs = texts.map(capitalRuns);
  const inside = new Set(runs.flat().filter((r) => !r.initial).map((r) => r.name));
  return runs.map((rs) => rs.filter((r) => !r.initial || inside.has(r.name)).map(({ initial: _, ...r }) => r));
}

interface Run extends NameRun {
  initial: boolean;
}

function capitalRuns(text: string): Run[] {
  if (!/\p{Lu}/u.test(text) || shouting(text)) return [];
  const out: Run[] = [];
  let cur: Array<{ at: number; end: number; word: string; initial: boolean }> = [];
  const flush = () => {
    // The word closing an office's "of" phrase is the office's ("Secretary of State Antony Blinken").
    if (cur.length && officeTail(text, cur[0]!.at)) cur.shift();
    // Titles and function words trimmed from both ends ("President Trump", "The Swift Company").
    while (cur.length && (skip(cur[0]!.word) || (cur[0]!.initial && FUNCTION.has(cur[0]!.word.toLowerCase())))) {
      cur.shift();
      if (cur[0]) cur[0].initial = false;
    }
    while (cur.length && skip(cur.at(-1)!.word)) cur.pop();
    const lone = cur.length === 1 && DEMONYM.test(cur[0]!.word);
    // Function words inside a run make it a phrase in capitals ("Makes Me Cry"), not a name;
    // a name has one only at an end of two words ("Will Smith", "Theresa May").
    const phrase = cur.some((w, i) => FUNCTION.has(w.word.toLowerCase()) && !CONNECTOR.has(w.word.toLowerCase()) && !(cur.length === 2 && (i === 0 || i === 1)));
    if (cur.length && !lone && !phrase && !cur.every((w) => w.word.length < 2 || w.word === w.word.toUpperCase())) {
      const name = text.slice(cur[0]!.at, cur.at(-1)!.end);
      out.push({ at: cur[0]!.at, end: cur.at(-1)!.end, name, rendering: name, initial: cur[0]!.initial });
    }
    cur = [];
  };
  for (const m of text.matchAll(WORD)) {
    // A contraction is not a name (I'm, It's); a possessive is its name (Nielsen’s → Nielsen).
    const apostrophe = m[0].search(/['’]/);
    const stem = apostrophe >= 0 ? m[0].slice(0, apostrophe) : m[0];
    if (apostrophe >= 0 && (stem.length < 2 || FUNCTION.has(stem.toLowerCase()) || !/^['’]s$/.test(m[0].slice(apostrophe)))) {
      flush();
      continue;
    }
    const word = stem.replace(/[.]+$/, '');
    const initial = opensSentence(text, m.index);
    const prev = cur.at(-1);
    // One run: words side by side, nothing but a space between them, in one sentence.
    if (prev && (initial || !/^ $/.test(text.slice(prev.end, m.index)))) flush();
    cur.push({ at: m.index, end: m.index + word.length, word, initial });
  }
  flush();
  return out;
}

/** Offices and bodies whose "of" phrase is one term the engine translates whole ("Secretary of State"). */
const OFFICE = new Set([...NOT_NAME, 'department', 'ministry', 'office', 'bureau', 'court', 'board', 'council', 'committee', 'house', 'chamber', 'state']);

/**
 * The capitalized word closing "<office> of (the)" — "Secretary of State", "Minister of
 * Defence" — belongs to that term (Secretario de Estado): kept as a name it reads "Secretario de
 * State", and the same word elsewhere ("State Department") is still translated.
 */
function officeTail(text: string, at: number): boolean {
  const m = /(\p{Lu}[\p{L}\p{M}]*)\s+of\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, at - 40), at));
  return m !== null && OFFICE.has(m[1]!.toLowerCase());
}

function skip(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return NOT_NAME.has(w) || w.length < 2;
}

const TITLE_ABBREVIATION = /(?:^|[^\p{L}.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Lt|Gov|Sen|Rep|Gen|Col|Sgt|Capt|Cpl|Maj|Adm|Prof|Rev|Hon|Pres|Supt|Det|Insp|St|Sr|Jr)$/u;

function opensSentence(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && /\s/.test(text[j]!)) j--;
  // The full stop of a title or an initial ends no sentence: "Lt. Matt Harris", "Gov. Matt Bevin", "Elizabeth A. Burton".
  if (j >= 0 && text[j] === '.' && TITLE_ABBREVIATION.test(text.slice(Math.max(0, j - 6), j))) return false;
  if (j < 0 || /[.!?:;"“”'‘’«(—–-]/.test(text[j]!)) return true;
  // After a handle or tag that opens the text ("@user13 Holy…", "#kdrama Watching…").
  return /^(?:\s*[@#][\p{L}\p{N}_]+)+$/u.test(text.slice(0, j + 1));
}

/** A line in capitals: every word looks like a name. */
function shouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 8 && letters === letters.toUpperCase();
}
