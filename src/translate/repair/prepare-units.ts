import { LruCache } from '../../shared/lru-cache.ts';
import type { NameReading, TranslationEngine } from '../engine.ts';
import { escapeRe, type ProtectedSegment } from '../glossary.ts';
import { htmlToText } from '../html-text.ts';
import { hasWholeWord, wholeWordIndexes } from '../../shared/whole-words.ts';
import { clauseThat } from './clause-that.ts';
import { findDates } from './dates.ts';
import { findLinks } from './links.ts';
import { nameCandidates } from './names.ts';
import { markShouted, shoutedWords } from './shouted.ts';
import { protectSpans, type Span } from './protect-spans.ts';
import { englishSpelling } from './source-spelling.ts';
import { isTitleCase, toSentenceCase } from './sentence-case.ts';

/**
 * Repairs before the engine, for one article's units (title, excerpt, body segments, already
 * glossary-protected): English spelled as the engine's dictionaries spell it, a Title Case
 * headline in sentence case, the names the engine would translate as words and the dates it
 * garbles swapped for placeholders that come back as the name and as the target language writes
 * the date. `engine` takes the route's first leg
 * (`from` → `legTo`); dates are written for the article's target `to`.
 */
export async function prepareUnits(given: ProtectedSegment[], engine: TranslationEngine, from: string, legTo: string, readings: ReadingCache, to: string): Promise<ProtectedSegment[]> {
  const english = from === 'en' ? given.map((u) => ({ ...u, html: clauseThat(englishSpelling(u.html)) })) : given;
  const units = engine.nameReadings ? await lowerShouts(english, engine, from, legTo, readings) : english;
  const texts = units.map((u) => htmlToText(u.html));
  const candidates = nameCandidates(texts);
  const inside = new Set(candidates.slice(1).flat().flatMap((r) => r.name.split(' ')));
  const out = [...units];
  if (out[0] && isTitleCase(texts[0]!)) {
    const parts = out[0].html.split(/(<[^>]*>)/);
    let first = true;
    for (let i = 0; i < parts.length; i += 2) {
      if (!/\p{L}/u.test(parts[i]!)) continue;
      parts[i] = toSentenceCase(parts[i]!, inside, first);
      first = false;
    }
    out[0] = { ...out[0], html: parts.join('') };
  }
  const keep = await namesToProtect(texts, engine, from, legTo, readings, candidates);
  const nameRe = namesRe(keep);
  const find = (text: string): Span[] => {
    const spans: Span[] = [...findLinks(text), ...findDates(text, to)];
    if (nameRe) for (const m of text.matchAll(nameRe)) spans.push({ at: m.index, end: m.index + m[0].length, rendering: m[0] });
    return spans.sort((a, b) => a.at - b.at || b.end - a.end);
  };
  return out.map((u) => protectSpans(u, find));
}

/**
 * Shouted sentences in sentence case between markers (see shouted.ts), for an engine that reads
 * capitals as names (one that can say how it reads a word; others are given the shout as it
 * is). A word it knows as a name in capitals (SWITZERLAND, US) is left in them.
 */
async function lowerShouts(units: ProtectedSegment[], engine: TranslationEngine, from: string, legTo: string, readings: ReadingCache): Promise<ProtectedSegment[]> {
  const words = [...new Set(units.flatMap((u) => shoutedWords(u.html)))];
  if (words.length === 0) return units;
  const read = await readings.get(words, (w) => engine.nameReadings!(w, from, legTo));
  const keep = new Set(words.filter((w) => read.get(w) === 'proper' || read.get(w) === 'mixed'));
  return units.map((u) => ({ ...u, html: markShouted(u.html, keep) }));
}

/**
 * The names of an article's texts the engine would translate as words, longest first: what
 * prepareUnits keeps from it, and so what the orchestrator renders as the name itself.
 */
export async function namesToProtect(texts: string[], engine: TranslationEngine, from: string, legTo: string, readings: ReadingCache, candidates = nameCandidates(texts)): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const r of candidates.flat()) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  const phrases = [...counts.keys()];
  const words = [...new Set(phrases.flatMap((p) => p.split(' ')))];
  const asked = [...new Set([...phrases, ...words])];
  const read = engine.nameReadings ? await readings.get(asked, (p) => engine.nameReadings!(p, from, legTo)) : new Map<string, NameReading>();
  const joined = texts.join(' ');
  // A name only ever said after an article or a possessive is a thing's (the Earth, the
  // Government, the White Dragon, our Operation Firestorm), which the engine translates well;
  // a person's name is said bare somewhere (Trump said, not only the Trump administration).
  const risky = (p: string) => (read.get(p) === 'common' || read.get(p) === 'mixed') && !onlyAfterDeterminer(p, joined);
  const persons = new Set(phrases.filter((p) => p.includes(' ') && risky(p) && p.split(' ').some((w) => read.get(w) !== 'common')).flatMap((p) => p.split(' ')));
  return phrases.filter((p) => {
    if (!risky(p)) return false;
    // A word the engine also knows as a name (Grace, Will): a name here, capitalized inside a sentence.
    if (read.get(p) === 'mixed' && !p.includes(' ')) return true;
    // A word of a person's full name said alone (Swift, after Taylor Swift).
    if (persons.has(p)) return true;
    // A person's name has a word the engine knows as a name or not at all (Taylor Swift, Will
    // Smith); a run of ordinary words is a descriptive name it may well translate (Tomb of the
    // Unknown Soldier, General Aviation), unless the article keeps writing it so: capitalized
    // more than once and never in small letters (Trump, not Workshop).
    if (p.split(' ').some((w) => read.get(w) !== 'common')) return true;
    return !p.includes(' ') && (counts.get(p) ?? 0) >= 2 && !hasWholeWord(joined, p.toLowerCase(), 'letter');
  }).filter((p) => hasWholeWord(joined, p)).sort((a, b) => b.length - a.length);
}

/** The protected names' regex, longest first, as prepareUnits finds them; null for none. */
function namesRe(names: string[]): RegExp | null {
  return names.length ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${names.map(escapeRe).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu') : null;
}

/** The words of `names` (protected, longest first) that the texts say only inside one of them. */
export function wordsOnlyInside(names: string[], texts: string[]): Set<string> {
  const re = namesRe(names);
  const out = new Set<string>();
  if (!re) return out;
  const words = [...new Set(names.flatMap((n) => n.split(' ')))];
  const joined = texts.join('\n');
  const inside = new Map<string, number>();
  for (const m of joined.matchAll(re)) for (const w of m[0].split(' ')) inside.set(w, (inside.get(w) ?? 0) + 1);
  for (const w of words) {
    const all = wholeWordIndexes(joined, w).length;
    if (all > 0 && (inside.get(w) ?? 0) >= all) out.add(w);
  }
  return out;
}

const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|our|their|its|his|her|my|your)\s+$/iu;

/** Whether every time the text says `phrase` (as a whole word) an article or a possessive comes right before it. */
function onlyAfterDeterminer(phrase: string, text: string): boolean {
  let seen = false;
  for (const at of wholeWordIndexes(text, phrase)) {
    if (!DETERMINER_BEFORE.test(text.slice(Math.max(0, at - 8), at))) return false;
    seen = true;
  }
  return seen;
}

/**
 * The engine's readings of phrases, remembered (a newsroom's names come back story after story);
 * when full, the phrase used least recently is forgotten.
 */
export class ReadingCache {
  private readonly known: LruCache<string, NameReading>;

  constructor(maxEntries = 50_000) {
    this.known = new LruCache(maxEntries);
  }

  get size(): number {
    return this.known.size;
  }

  async get(phrases: string[], ask: (p: string[]) => Promise<NameReading[]>): Promise<Map<string, NameReading>> {
    const found = new Map<string, NameReading>();
    for (const p of phrases) {
      const reading = this.known.get(p);
      if (reading !== undefined) found.set(p, reading);
    }
    const missing = [...new Set(phrases.filter((p) => !found.has(p)))];
    if (missing.length > 0) {
      // An engine that cannot tell now is asked again next time; meanwhile nothing is protected.
      const got = await ask(missing).catch(() => null);
      missing.forEach((p, i) => {
        const reading = got?.[i] ?? 'unknown';
        found.set(p, reading);
        if (got) this.known.set(p, reading);
      });
    }
    return new Map(phrases.map((p) => [p, found.get(p)!]));
  }
}
