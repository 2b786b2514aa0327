import { NAME_PARTICLES, NOT_NAMES, PREPOSITIONS, SPEECH_WORDS, TIME_WORDS, TITLE_WORDS } from './speech-words.ts';
import { STOPWORDS } from '../stopwords.ts';
import { keyOf, tokenize, type Token } from './tokens.ts';

/** Who a quotation is given to: the name as written (titles left off), and the key names compare by. */
export interface Speaker {
  name: string;
  /** As the outlet wrote it, titles included ("Armenian Prime Minister Nikol Pashinyan"). */
  shown: string;
  /** The surname, folded. */
  key: string;
}

/**
 * The speaker named after a quotation, in its sentence: `“…,” said X`, `“…,” X said`,
 * `«…», dijo X`, `“…,” Y quoted X as saying`. Null where none is named ("he said") or the
 * attribution is garbled into its quoter quoting itself ("Tass quoted Tass as saying").
 */
export function speakerAfter(rest: string, lang: string): Speaker | null {
  // A sentence that ends with the quotation attributes it before it, if anywhere.
  if (/^\s*[.!?]/.test(rest)) return null;
  const clause = rest.replace(/^[\s,.;:—–-]+/, '').split(/(?<=[.!?])\s|[“”«»„"]/)[0] ?? '';
  const quoted = quotedAsSaying(clause);
  if (quoted !== undefined) return quoted;
  const tokens = tokenize(clause, lang);
  const verb = firstSpeechVerb(tokens, lang, 8);
  if (!verb) return null;
  if (verb.at === 0) return nameIn(nounPhrase(clause.slice(tokens[verb.end - 1]!.end)));
  return nameIn(lastClause(clause.slice(0, tokens[verb.at]!.start)));
}

/**
 * The speaker named before a quotation in its sentence: `X said: “…”`, `X told reporters that “…”`,
 * `Y quoted X as saying: “…”`, `According to X, “…”`, `Dijo X: «…»`.
 */
export function speakerBefore(head: string, lang: string): Speaker | null {
  // A quotation that opens its own sentence is attributed after it, if anywhere.
  if (/[.!?]["”»’]?\s*$/.test(head)) return null;
  // The sentence the quotation opens in, after any earlier quotation in it.
  const sentence = head.split(/(?<=[.!?]["”»]?)\s+(?=\p{Lu})|[“”«»„"]/u).at(-1) ?? '';
  const quoted = quotedAsSaying(sentence);
  if (quoted !== undefined) return quoted;
  const tokens = tokenize(sentence, lang);
  let verb: { at: number; end: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const m = SPEECH_WORDS.at(tokens, i, lang);
    if (m) verb = { at: i, end: i + m.length };
  }
  if (!verb) return null;
  const before = sentence.slice(0, tokens[verb.at]!.start);
  const subject = nameIn(lastClause(before));
  if (subject) return subject;
  // The speaker after the verb only where nothing stands before it in its clause ("According to
  // X, “…”", "Dijo X: «…»"): in "A spokesperson for ANA told HuffPost", HuffPost listens.
  if ((before.split(/[,;:]/).at(-1) ?? '').trim() !== '') return null;
  return nameIn(nounPhrase(sentence.slice(tokens[verb.end - 1]!.end)));
}

/**
 * "Y quoted X as saying": X speaks. Undefined where the phrase is not there; null where X is Y (an
 * agency quoting itself is a garbled attribution that names no speaker).
 */
function quotedAsSaying(text: string): Speaker | null | undefined {
  const m = /^(.*?)\bquoted\s+(.+?)\s+as\s+say(?:ing)?\b/s.exec(text);
  if (!m) return undefined;
  const speaker = nameIn(nounPhrase(m[2]!));
  const quoter = nameIn(lastClause(m[1]!));
  if (speaker && quoter && sameSpeaker(speaker, quoter)) return null;
  return speaker;
}

function firstSpeechVerb(tokens: readonly Token[], lang: string, within: number): { at: number; end: number } | null {
  for (let i = 0; i < Math.min(tokens.length, within); i++) {
    const m = SPEECH_WORDS.at(tokens, i, lang);
    if (m) return { at: i, end: i + m.length };
  }
  return null;
}

/**
 * The noun phrase a text opens with: up to a mark or a function word other than "of" and the
 * particles of names ("Armen Grigoryan, secretary of…", "Blinken on Tuesday", "Russian agency Tass").
 */
function nounPhrase(text: string): string {
  const pieces = text.split(/[,;:()—–]/);
  // A title before the name stands apart in some languages ("dijo su portavoz, Ilse Marrow").
  const first = pieces[0] ?? '';
  const titleAlone = !/\p{Lu}/u.test(first) && first.split(/\s+/).some((w) => TITLE_WORDS.has(keyOf(w)));
  const head = (titleAlone ? pieces[1] : first) ?? '';
  const words = head.trim().split(/\s+/);
  // Before the name only its article and title ("le président Emmanuel Macron"): "said on
  // Facebook" or "said the tram slowed near Lloyd Park" names no speaker.
  const named = words.findIndex((w) => /^\p{Lu}/u.test(w));
  if (named < 0 || !words.slice(0, named).every((w) => (STOPWORDS.has(keyOf(w)) && !PREPOSITIONS.has(keyOf(w))) || TITLE_WORDS.has(keyOf(w)))) return '';
  const stop = words.findIndex((w, i) => i > named && /^\p{Ll}/u.test(w) && STOPWORDS.has(keyOf(w)) && w !== 'of' && !NAME_PARTICLES.has(w));
  return (stop < 0 ? words : words.slice(0, stop)).join(' ');
}

/**
 * Who the subject before a verb is: what follows the last comma ("In a Facebook post, he said" is
 * said by "he", not Facebook), or, when nothing does ("X, secretary of the council, said"), the
 * first clause that names someone.
 */
function lastClause(text: string): string {
  const clauses = text.split(/[,;:()—–]/);
  const last = clauses.at(-1) ?? '';
  if (last.trim() !== '') return speaksFor(last) ? '' : last;
  // "X, the longtime producer of the show, said", "A spokesperson for Buhari, Mallam Garba Shehu,
  // said": the name is the nearest clause before the verb that opens with a capital.
  for (let i = clauses.length - 2; i >= 0; i--) {
    const c = clauses[i]!.trim();
    // A name, not a phrase that opens with a capital ("Speaking outside Croydon University Hospital").
    if (/^\p{Lu}/u.test(c)) return speaksFor(c) || c.split(/\s+/).length > MAX_NAME_WORDS ? '' : c;
  }
  return '';
}

/** Words of a clause that is a name alone ("Mallam Garba Shehu", "Ursula von der Leyen"). */
const MAX_NAME_WORDS = 5;

/** "A rep for Weinstein", "a spokesman of the ministry": someone unnamed speaks for the name. */
function speaksFor(clause: string): boolean {
  for (const m of clause.matchAll(/(\p{Ll}+)\s+(?:for|of|de|del|du|von|da|do|des|der)\s/gu)) if (TITLE_WORDS.has(keyOf(m[1]!))) return true;
  return false;
}

const RUN_RE = /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:[\p{Ll}]{1,4}\s+){0,2}\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

/**
 * The last run of capitalized words of a phrase that names someone, titles left off: the head of
 * "Russian agency Tass" is Tass.
 */
export function nameIn(text: string): Speaker | null {
  const runs: Speaker[] = [];
  for (const m of text.matchAll(RUN_RE)) {
    const words = m[0].split(/\s+/);
    // Small words inside a run are allowed only as particles of a name ("de", "von der").
    if (words.some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w))) {
      runs.push(...splitRun(words).flatMap((r) => speakerOf(r) ?? []));
      continue;
    }
    const s = speakerOf(words);
    if (s) runs.push(s);
  }
  return runs.at(-1) ?? null;
}

function splitRun(words: string[]): string[][] {
  const out: string[][] = [[]];
  for (const w of words) {
    if (/^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w)) out.push([]);
    else out.at(-1)!.push(w);
  }
  return out.filter((r) => r.length > 0);
}

function speakerOf(words: string[]): Speaker | null {
  // "Weinstein's spokeswoman" speaks for Weinstein; she is not Weinstein.
  if (/['’]s$/.test(words.at(-1) ?? '')) return null;
  const clean = words.map((w) => w.replace(/['’]s$/, '').replace(/[.]$/, ''));
  // A speech verb capitalized by an engine ("Bamford Dijo") is no part of the name.
  while (clean.length > 0 && SPEECH_WORDS.has(keyOf(clean.at(-1)!), 'any')) clean.pop();
  let from = 0;
  clean.forEach((w, i) => {
    if (TITLE_WORDS.has(keyOf(w))) from = i + 1;
  });
  while (from < clean.length && STOPWORDS.has(keyOf(clean[from]!))) from++;
  const name = clean.slice(from);
  if (name.length === 0 || name.every((w) => STOPWORDS.has(keyOf(w)) || TIME_WORDS.has(keyOf(w)) || NOT_NAMES.has(keyOf(w)) || w.length < 2)) return null;
  return { name: name.join(' '), shown: words.join(' ').replace(/[.,]$/, ''), key: keyOf(name.at(-1)!) };
}

/** Same person: the same surname, spelt alike ("Pashinyan", "Pashinian"), or one name inside the other. */
export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (a.key === b.key || isAcronymOf(a.name, b.shown) || isAcronymOf(b.name, a.shown)) return true;
  if (a.key.length >= 6 && b.key.length >= 6 && a.key.slice(0, 5) === b.key.slice(0, 5) && Math.abs(a.key.length - b.key.length) <= 2) return true;
  const aw = a.name.split(' ').map(keyOf);
  const bw = new Set(b.name.split(' ').map(keyOf));
  return aw.every((w) => bw.has(w)) || [...bw].every((w) => aw.includes(w));
}

/** "RAIB" and "Rail Accident Investigation Branch"; "ANA" and "All Nippon" (Airways left off). */
function isAcronymOf(short: string, long: string): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(short)) return false;
  const initials = long.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials.length >= 2 && short.startsWith(initials);
}
