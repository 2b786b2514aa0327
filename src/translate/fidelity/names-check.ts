import type { Finding } from '../../domain/translation.ts';
import { boundedMemo } from '../bounded-memo.ts';
import type { Unit } from './unit.ts';
import { capitalWords, countOf, fold, hasDateline, hasName, nameTokens, outsideQuotes, quotations, shouting, similarFolded, withoutDateline } from './text-tools.ts';

/**
 * The names the gate follows in these plain texts, as first written, and the runs of capitalized
 * words they stand in ("South Africa"): what the orchestrator asks the engine to render alone.
 */
export function nameCandidates(texts: string[], from: string, to: string): string[] {
  const seen = new Map<string, string>();
  const add = (n: string) => seen.has(n.toLowerCase()) || seen.set(n.toLowerCase(), n);
  for (const t of texts) {
    for (const n of nameTokens(t, [from, to])) add(n);
    for (const m of t.matchAll(RUN_RE)) if (hasName(m[0], [from, to])) add(m[0]);
  }
  return [...seen.values()];
}

/**
 * Of the candidates (nameCandidates of the sources), those worth asking the engine about for this
 * translation: a name found as often as in the source in every segment needs no rendering, and
 * most are (people and places the engine keeps); most articles need none, and their candidates
 * are never listed. Runs are kept when one of their names is missing somewhere (South Africa →
 * Sudáfrica accounts for "South").
 */
export function namesToRender(sources: string[], targets: string[], from: string, to: string): string[] {
  const missing = new Set<string>();
  // A name said only at a sentence's start is reported only when the engine keeps it said alone
  // (Gaming, Beware): its rendering is needed too.
  sources.forEach((source, i) => {
    const names = nameTokens(source, [from, to]).map((n) => n.toLowerCase());
    // Only a name absent altogether can be reported lost (checkNames' `gone`): one found fewer
    // times is counted there without any rendering, so it needs none.
    if (names.length > 0) for (const name of absentNames(names, targets[i] ?? '')) missing.add(name);
    // One found fewer times than said (Star Wars … Guerras de Estrella) is checked against its rendering too.
    if (names.length > 1) for (const name of fewerNames(names, targets[i] ?? '')) missing.add(name);
  });
  if (missing.size === 0) return [];
  // A candidate's words are its names (runs hold capitalized words only).
  return nameCandidates(sources, from, to).filter((c) => c.split(' ').some((n) => missing.has(n.toLowerCase())));
}

const RUN_RE = /\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*){1,3}/gu;
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'lo', 'un', 'una', 'de', 'del', 'the', 'le', 'les', 'des', 'du', 'der', 'die', 'das', 'il', 'o', 'os', 'as', 'a', 'an', 'of']);
const WORD_RE = /[\p{L}\p{M}]+/gu;

/** Name → the words it may become in the translation: those of its own rendering, and those of the runs it is part of. */
function acceptedWords(renderings: Map<string, string>): Map<string, { own: Set<string>; run: Set<string> }> {
  const out = new Map<string, { own: Set<string>; run: Set<string> }>();
  for (const [name, rendered] of renderings) {
    const words = (rendered.match(WORD_RE) ?? []).map(fold).filter((w) => w.length >= 2 && !ARTICLES.has(w));
    const parts = name.split(' ');
    for (const part of parts) {
      let e = out.get(part);
      if (!e) out.set(part, (e = { own: new Set(), run: new Set() }));
      for (const w of words) (parts.length === 1 ? e.own : e.run).add(w);
    }
  }
  return out;
}

/** Names said only at the start of a sentence in the source: often ordinary words the engine translates there ("Even" → "Incluso"). */
function onlyAtSentenceStart(texts: string[]): Set<string> {
  const initial = new Set<string>();
  const inside = new Set<string>();
  // Same words as nameTokens follows: none in a line in capitals.
  for (const text of texts) for (const c of capitalWords(text)) (c.initial ? initial : inside).add(c.word.toLowerCase());
  return new Set([...initial].filter((n) => !inside.has(n)));
}

/**
 * Names, repetition and attribution. A name the engine keeps verbatim somewhere in the article is
 * counted per segment: more in the translation than in the source is the "Tass quoted Tass" fault;
 * fewer is a lost name. Names the engine translates (Russia → Rusia) are matched loosely.
 */
export function checkNames(units: Unit[], from: string, to: string, renderings?: Map<string, string>): Finding[] {
  const findings: Finding[] = [];
  const langs = [from, to];
  // Compared without case: engines recase acronyms ("ID." → "Id.").
  const shown = new Map<string, string>();
  const names = (text: string) =>
    nameTokens(text, langs).map((n) => {
      const k = n.toLowerCase();
      // Shown as written in running text, not as in a dateline or a line in capitals.
      if (!shown.has(k) || (shown.get(k) === shown.get(k)!.toUpperCase() && n !== n.toUpperCase())) shown.set(k, n);
      return k;
    });
  // A dateline ("NORTHBRIDGE —") is a place in capitals the engine may keep, translate or move:
  // it is no name of the story's, on either side.
  const src = units.map((u) => names(withoutDateline(u.sourceMapped)));
  // A line in capitals has no names to follow, on either side (the engine may recase some words).
  const tgt = units.map((u) => (shouting(u.sourceMapped) ? [] : names(hasDateline(u.sourceMapped) ? withoutDateline(u.targetText, true) : u.targetText)));
  // Every word of each side, folded, with its count: a capitalized word found in any case is not lost or gained, only recased.
  const srcWords = units.map((u) => foldedWords(u.sourceMapped).words);
  const tgtWords = units.map((u) => foldedWords(u.targetText).words);
  const accepted = renderings ? acceptedWords(new Map([...renderings].map(([k, v]) => [k.toLowerCase(), v]))) : null;
  const initialOnly = onlyAtSentenceStart(units.map((u) => u.sourceMapped));
  const surnamesAlone = namesAlone(units.map((u) => u.sourceText));
  const allTarget = new Set(tgt.flat());
  // Names the engine keeps verbatim somewhere; the others it translates (Russia → Rusia).
  const kept = new Set(src.flat().filter((n) => allTarget.has(n)));
  /** The engine kept `name` exactly as often as the source has it in every other segment. */
  const steadyElsewhere = (name: string, i: number) => {
    let others = 0;
    for (let j = 0; j < units.length; j++) {
      if (j === i) continue;
      const s = countOf(src[j]!, name);
      if (s !== countOf(tgt[j]!, name)) return false;
      others += s;
    }
    return others > 0;
  };

  /**
   * How many of `name`'s extra times in segment i's translation stand for other names of its
   * source the translation says fewer times: inflected (Nazi crimes → delitos Nazis) or in the
   * engine's rendering of them (Magic Box → Caja Mágica beside "Caja Magica", Big Machine →
   * Máquina Grande beside Ariana Grande). The engine's words, not a name gained.
   */
  const standIns = (name: string, i: number) => {
    const f = fold(name);
    let n = 0;
    for (const other of new Set(src[i]!)) {
      if (other === name) continue;
      const g = fold(other);
      const short = countOf(src[i]!, other) - (tgtWords[i]!.get(g) ?? 0);
      if (short <= 0) continue;
      const e = accepted?.get(other);
      // The most any one of them accounts for: the words of a run (Magic, Box) share its rendering.
      if (inflected(f, g) || e?.own.has(f) || e?.run.has(f)) n = Math.max(n, short);
    }
    return n;
  };

  units.forEach((u, i) => {
    const quoted = quotations(u.sourceText).length > 0;
    // Who speaks is asked only of a paragraph with a quotation.
    const speakers = quoted ? new Set(names(outsideQuotes(u.sourceMapped))) : new Set<string>();
    const add = (check: string, severity: Finding['severity'], detail: string) =>
      findings.push({ check, severity, segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}${detail.replace(/"([^"]+)"/, (_, k: string) => `"${shown.get(k) ?? k}"`)}` });
    const gone = new Map<string, string>();
    const losses = accepted ? renderedLoss(src[i]!, u.targetText, accepted) : null;
    if (losses) {
      for (const [name, loss] of losses) {
        // A name absent in every form (itself, a close spelling, the engine's rendering of it), and
        // not only a sentence's first word: those are too often translated in context (Even → Incluso).
        // Said only at a sentence's start, a word the engine keeps alone is a name too (Gaming), one
        // it translates alone is an ordinary word (Even → Incluso); without a rendering, neither is known.
        if (loss.absent && loss.kept && (!initialOnly.has(name) || loss.rendered)) gone.set(name, loss.why);
      }
    }
    const lost: string[] = [];
    const gained: string[] = [];
    for (const name of new Set([...src[i]!, ...tgt[i]!])) {
      if (!kept.has(name)) continue;
      const s = countOf(src[i]!, name);
      const t = countOf(tgt[i]!, name);
      // Engines write a capitalized common noun in small letters ("Festival director" → "director
      // de festival") and capitalize one that moved to a sentence's start ("hospital" → "Hospital"):
      // the same word as often on both sides, in any case, is the same word.
      const f = fold(name);
      const sameWord = (srcWords[i]!.get(f) ?? 0) === (tgtWords[i]!.get(f) ?? 0);
      // Every time said, in some form the engine gives it (its rendering, a close spelling): not lost.
      if (t < s && !sameWord && !(losses && !losses.has(name))) lost.push(name);
      if (t > s && !sameWord && t - s > standIns(name, i)) gained.push(name);
    }
    // One name standing where another was ("Tass quoted Tass") is an error whatever the history.
    const swap = lost.length > 0 && gained.length > 0;
    for (const name of gained) {
      const s = countOf(src[i]!, name);
      const t = countOf(tgt[i]!, name);
      const sev = swap || steadyElsewhere(name, i) ? 'error' : 'warning';
      if (s === 0) {
        const speaker = quoted && names(outsideQuotes(u.targetText)).includes(name);
        add(speaker ? 'attribution' : 'names', sev, `"${name}" is in the translation but not in this paragraph of the source${speaker ? ' (a quotation now has another speaker)' : ''}`);
      } else add('repetition', sev, `"${name}" appears ${t}× in the translation, ${s}× in the source`);
    }
    for (const name of lost) {
      // A name lost on its own is often one the engine translated this time (Smith → Herrero):
      // flagged; lost where another name took its place, it is the attribution fault: held.
      const speaker = quoted && speakers.has(name);
      // Kept here once or more but fewer times than said: the engine keeps this name, one went missing.
      const keptHere = countOf(tgt[i]!, name) > 0;
      const sev = swap ? 'error' : steadyElsewhere(name, i) || gone.has(name) || keptHere ? 'warning' : 'info';
      add(speaker ? 'attribution' : 'names', sev, `"${name}" appears ${countOf(src[i]!, name)}× in the source, ${countOf(tgt[i]!, name)}× in the translation${speaker ? ' (speaker of a quotation)' : ''}${gone.has(name) ? gone.get(name) : ''}`);
      gone.delete(name);
    }
    for (const [name, why] of gone) {
      // Absent in every form the engine gives it, and not already reported above: lost.
      add(quoted && speakers.has(name) ? 'attribution' : 'names', 'warning', `"${name}" is not in the translation${why}`);
    }
    for (const name of new Set(src[i]!)) {
      // Engines translate many names (Moscow → Moscú) and capitalized common nouns: only noted.
      if (!kept.has(name) && !renderings && !tgt[i]!.some((t) => similarFolded(fold(t), fold(name), 0.5))) add('names', 'info', `"${name}" is not found in the translation (translated or lost)`);
    }
    for (const [run, rendered] of halfTranslated(u, surnamesAlone)) add('names', 'warning', `"${run}" is "${rendered}" in the translation: part of a name translated as a word`);
    findings.push(...checkQuotes(u));
    findings.push(...checkPhraseRepetition(u));
  });
  return findings;
}

/**
 * A person's name half translated: the engine kept the surname and turned the given name before
 * it into a look-alike word ("Grace Wanjiru" → "Gracia Wanjiru", "Matt Bevin" → "Mate Bevin").
 * Told from a place or a company ("Royal Navy", "Davis Cup") by the surname said alone elsewhere
 * in the article ("Wanjiru said"), as news writing refers to people; the look-alike is
 * capitalized just before the kept surname, absent from the source and spelled close to the
 * given name (a translation unlike it, "Even Trump" → "Incluso Trump", is an ordinary word read).
 */
function halfTranslated(u: Unit, surnamesAlone: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const source = withoutDateline(u.sourceText);
  if (!TWO_CAPITALS_RE.test(source)) return out;
  const srcWords = foldedWords(u.sourceText).words;
  const tgtWords = foldedWords(u.targetText).words;
  let target: string[] | null = null;
  for (const m of source.matchAll(RUN_RE)) {
    // A person's name closes its run (Defense Secretary Mark Esper): a word before two others is
    // no given name of theirs ("ambassador to Britain Liu Xiaming" → "Gran Bretaña Liu Xiaming").
    const [given, surname] = m[0].split(' ').slice(-2) as [string, string];
    if (given.length < 3 || TITLES.has(given.toLowerCase()) || !surnamesAlone.has(surname) || tgtWords.has(fold(given)) || !tgtWords.has(fold(surname))) continue;
    target ??= u.targetText.match(TARGET_WORD_RE) ?? [];
    for (let j = 1; j < target.length; j++) {
      const other = target[j - 1]!;
      if (target[j] !== surname || !/^\p{Lu}/u.test(other) || srcWords.has(fold(other)) || !similarFolded(fold(other), fold(given), 0.5)) continue;
      out.set(`${given} ${surname}`, `${other} ${surname}`);
    }
  }
  return out;
}

/** One folded word the other with an ending of one or two letters (nazi, nazis): the same name inflected. */
function inflected(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/**
 * Capitalized words said alone, not right after another capitalized word: surnames used on their
 * own ("Wanjiru said"). Not after an article or a possessive, nor before "of": an office or a
 * body is said so ("the Agency's team", "former Speaker of the House"), a person is not.
 */
function namesAlone(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(NAME_ALONE_RE)) out.add(m[1]!);
  }
  return out;
}

const NAME_ALONE_RE = /(?<![\p{Lu}][\p{L}\p{M}]*\s)(?<!(?<![\p{L}\p{M}])(?:the|an?|this|that|our|their|its|his|her|my|your)\s)(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}[\p{L}\p{M}]+)(?!\s\p{Lu})(?![\p{L}\p{M}])(?!\s+of(?![\p{L}\p{M}]))/gu;
/** Words that stand before a name without being a given name: titles, ordinals, points of the compass. */
const TITLES = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'great', 'greater', 'upper', 'lower', 'old', 'united', 'royal', 'national', 'international', 'president', 'vice', 'senator', 'governor', 'minister', 'secretary', 'chief', 'director', 'judge', 'general', 'prime', 'sir', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'saint', 'pope', 'father', 'brother', 'sister', 'coach', 'captain', 'officer', 'detective', 'professor', 'doctor', 'mayor', 'ambassador', 'chairman', 'representative', 'speaker', 'justice', 'commissioner', 'sheriff', 'sergeant', 'colonel', 'major', 'lieutenant', 'admiral', 'bishop', 'rabbi', 'imam', 'reverend', 'former', 'late', 'new', 'the']);

const TARGET_WORD_RE = /[\p{L}\p{M}]+/gu;
const TWO_CAPITALS_RE = /\p{Lu}[\p{L}\p{M}]* \p{Lu}/u;

/**
 * Names of one segment found fewer times in its translation than in its source, counting every
 * form a name may take there: itself (any case, inside a longer word too: RAV4), a transliteration
 * (a close spelling), or a word of the engine's own rendering of it said alone (Apple → Manzana,
 * South Africa → Sudáfrica). Returns name → why, and whether it is gone altogether.
 */
function renderedLoss(srcNames: string[], target: string, accepted: ReturnType<typeof acceptedWords>): Map<string, { why: string; absent: boolean; kept: boolean; rendered: boolean }> {
  const out = new Map<string, { why: string; absent: boolean; kept: boolean; rendered: boolean }>();
  const { words, joined } = foldedWords(target);
  const others = new Set(srcNames.map(fold));
  for (const name of new Set(srcNames)) {
    const self = fold(name);
    const need = countOf(srcNames, name);
    // Most names are kept as written: the word itself, then words containing it, and the fuzzy pass only for the rest.
    if ((words.get(self) ?? 0) >= need) continue;
    const contains = containsName(self, joined);
    let found = 0;
    for (const [w, n] of words) if (contains(w)) found += n;
    if (found >= need) continue;
    const e = accepted.get(name);
    const own = [...(e?.own ?? [])];
    // From a run's rendering, only the words that stand for this name (South Africa → Sudáfrica, New Zealand → Nueva Zelanda).
    const near = (w: string) => w.includes(self) || similarFolded(w, self, 0.6) || own.some((o) => similarFolded(w, o, 0.6));
    const forms = [...new Set([...own, ...[...(e?.run ?? [])].filter(near)])].filter((w) => w !== self);
    const formsInSome = forms.filter((f) => joined.includes(f));
    found = 0;
    for (const [w, n] of words) {
      // Another name of the paragraph stands for itself, not for this one ("Hong" is no form of "Kong").
      if (w !== self && others.has(w)) continue;
      if (contains(w) || similarFolded(w, self, 0.8) || formsInSome.some((f) => w.includes(f)) || forms.some((f) => similarFolded(w, f, 0.75))) found += n;
    }
    // An acronym the translation writes with full stops (DC → D.C.).
    if (/^\p{L}{2,4}$/u.test(name) && target.includes(`${name.toUpperCase().split('').join('.')}.`)) continue;
    if (found >= need) continue;
    const kept = own.every((w) => w === self);
    out.set(name, { why: kept ? ' (the engine keeps it as is)' : ` (nor the engine's rendering: ${forms.slice(0, 3).join(', ')})`, absent: found === 0, kept, rendered: own.length > 0 });
  }
  return out;
}

/**
 * The names of `srcNames` that no word of the target stands for, not even a close spelling, counted
 * as renderedLoss counts them: what it reports `absent` without renderings, found by stopping at
 * the first word that does. Counted otherwise, a name renderedLoss finds lost is never rendered,
 * and it reports one the engine translated (Indian → indios beside India) as kept and lost.
 */
function absentNames(srcNames: string[], target: string): string[] {
  const { words, joined } = foldedWords(target);
  const others = new Set(srcNames.map(fold));
  return [...new Set(srcNames)].filter((name) => {
    const self = fold(name);
    const contains = containsName(self, joined);
    // As renderedLoss counts: another name of the paragraph stands for itself (India is no form of Indian).
    for (const w of words.keys()) if (!(w !== self && others.has(w)) && (contains(w) || similarFolded(w, self, 0.8))) return false;
    return true;
  });
}

/** The names of `srcNames` said more often than the target has them as words (any case): those a count may find lost. */
function fewerNames(srcNames: string[], target: string): string[] {
  const { words, joined } = foldedWords(target);
  const others = new Set(srcNames.map(fold));
  return [...new Set(srcNames)].filter((name) => {
    const self = fold(name);
    const need = countOf(srcNames, name);
    if ((words.get(self) ?? 0) >= need) return false;
    const contains = containsName(self, joined);
    let found = 0;
    for (const [w, n] of words) if (!(w !== self && others.has(w)) && (contains(w) || similarFolded(w, self, 0.8))) found += n;
    return found < need;
  });
}

/**
 * The test "this word holds the name" (folded): inside it for three letters or more (RAV4 in
 * RAV4s), at either end for shorter ones. No word holds it unless the words joined do, which one
 * substring test answers: most lost or translated names are nowhere.
 */
function containsName(self: string, joined: string): (word: string) => boolean {
  if (!joined.includes(self)) return () => false;
  return self.length >= 3 ? (w) => w.includes(self) : (w) => w.startsWith(self) || w.endsWith(self);
}

/**
 * Each distinct folded word of a text with how often it occurs: every name is compared with every
 * word. The orchestrator (which names to render) and the gate both ask it of each translation.
 */
const foldedWords = boundedMemo(1024, (text: string): FoldedWords => {
  const words = new Map<string, number>();
  for (const w of text.match(WORD_RE) ?? []) {
    const f = fold(w);
    words.set(f, (words.get(f) ?? 0) + 1);
  }
  return { words, joined: [...words.keys()].join(' ') };
});

/** A text's folded words with their counts, and the words joined by spaces: one substring test tells whether any word contains a string. */
interface FoldedWords {
  words: Map<string, number>;
  joined: string;
}

function checkQuotes(u: Unit): Finding[] {
  const s = quotations(u.sourceText).length;
  const t = quotations(u.targetText).length;
  if (s === t) return [];
  return [{ check: 'quotes', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}${s} quotation(s) in the source, ${t} in the translation` }];
}

/**
 * A run of four or more words said twice in a row in the translation ("… a los rusos a los
 * rusos …") where the source does not stutter: the loop a rewriting step or a confused engine makes.
 */
function checkPhraseRepetition(u: Unit): Finding[] {
  const t = tandem(u.targetText, 4);
  if (!t || tandem(u.sourceText, 2)) return [];
  return [{ check: 'repetition', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}"${t}" is said twice in a row in the translation` }];
}

/** The first run of `min`–12 words (two of them over three letters) immediately repeated. */
function tandem(text: string, min: number): string | null {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let i = 0; i < w.length; i++) {
    for (let len = min; len <= 12 && i + 2 * len <= w.length; len++) {
      let same = true;
      for (let k = 0; k < len && same; k++) same = w[i + k] === w[i + len + k];
      if (same && w.slice(i, i + len).filter((x) => x.length > 3).length >= 2) return w.slice(i, i + len).join(' ');
    }
  }
  return null;
}

