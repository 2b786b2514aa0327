import type { Lexicon, LexiconSource } from '../engine.ts';
import { englishSpelling } from '../repair/source-spelling.ts';
import { fold, similarFolded } from './text-tools.ts';

/**
 * Name renderings read from the lexicons of the segments just translated (what the engine made of
 * each word, in context) instead of asked of the engine name by name: `Trump` → `Triunfo`, and for
 * a word inside a multiword unit, the unit (`South Africa` → `Sudáfrica`), as the gate's runs are.
 * A name whose words the lexicons do not cover is left for the engine (`unresolved`).
 */
export function renderingsFromLexicons(names: string[], sources: Array<LexiconSource | null>, texts: string[]): { renderings: Record<string, string>; unresolved: string[] } {
  // A word's unit is in the lexicon of the segment that says it: only those segments are read.
  const nameWords = [...new Set(names.flatMap((n) => n.split(' ')))];
  const lexicons: Lexicon[] = [];
  sources.forEach((read, i) => {
    if (read && nameWords.some((w) => texts[i]?.includes(w))) lexicons.push(read());
  });
  const single = new Map<string, { source: string; targets: Set<string> }>();
  const inUnit = new Map<string, Map<string, { source: string; targets: Set<string> }>>();
  const remember = (map: Map<string, { source: string; targets: Set<string> }>, key: string, source: string, targets: string[]) => {
    let e = map.get(key);
    if (!e) map.set(key, (e = { source, targets: new Set() }));
    for (const t of targets) e.targets.add(t);
  };
  // Only units that can answer for these names are indexed: an article has hundreds of units and a few names to render.
  const wanted = new Set([...nameWords.map(fold), ...nameWords.map(respelled).filter((w) => w !== null)]);
  const stems = new Set([...wanted].flatMap(stemsOf));
  // Lengths first: folding every unit's lemma is the costly part (a precomposed lemma folds to its own length).
  const lengths = new Set([...wanted, ...stems].map((w) => w.length));
  for (const lexicon of lexicons) {
    for (const { source, targets } of lexicon) {
      if (!source.includes(' ')) {
        if (!lengths.has(source.length)) continue;
        const f = fold(source);
        if (wanted.has(f) || stems.has(f)) remember(single, f, source, targets);
        continue;
      }
      const words = source.split(' ').map(fold);
      if (!words.some((w) => wanted.has(w))) continue;
      remember(single, fold(source), source, targets);
      for (const w of words) {
        let units = inUnit.get(w);
        if (!units) inUnit.set(w, (units = new Map()));
        remember(units, fold(source), source, targets);
      }
    }
  }
  const renderings: Record<string, string> = {};
  const add = (e: { source: string; targets: Set<string> }) => (renderings[e.source] = [...e.targets].join(' | '));
  /** The units a word was part of: itself, its stem (Americans → American), or multiword units containing it. */
  const cover = (word: string): boolean => {
    const f = fold(word);
    let found = false;
    const spelled = respelled(word);
    const exact = single.get(f) ?? (spelled === null ? undefined : single.get(spelled)) ?? stem(f) ?? lemmaOf(f);
    if (exact) {
      add({ source: word, targets: exact.targets });
      found = true;
    }
    for (const e of inUnit.get(f)?.values() ?? []) {
      add(e);
      // Said only inside a unit, the word is as the unit renders it: kept when the unit keeps it
      // (New York → Nueva York), else translated with it (South Dakota → Dakota del Sur).
      if (!exact) {
        const keeps = [...e.targets].some((t) => t.split(' ').some((w) => fold(w) === f));
        renderings[word] = [renderings[word], ...(keeps ? [word] : e.targets)].filter(Boolean).join(' | ');
      }
      found = true;
    }
    return found;
  };
  const stem = (f: string) => stemsOf(f).map((s) => single.get(s)).find(Boolean);
  /** A lemma spelled close to the word (Maxima → maximum, LED → lead, Center → centre): the lexicon names lemmas, not the words as written. */
  const lemmaOf = (f: string) => {
    for (const lexicon of lexicons) {
      for (const { source, targets } of lexicon) {
        if (source.includes(' ') || !sameInitial(source, f)) continue;
        const g = fold(source);
        if (g[0] === f[0] && similarFolded(g, f, 0.65)) return { source, targets: new Set(targets) };
      }
    }
    return undefined;
  };
  const unresolved: string[] = [];
  for (const name of names) {
    const unit = name.includes(' ') ? single.get(fold(name)) : undefined;
    if (unit) add({ source: name, targets: unit.targets });
    else if (!name.split(' ').every(cover)) unresolved.push(name);
  }
  return { renderings, unresolved };
}

/**
 * The word as the orchestrator spelled it for the engine, folded, where that is another single
 * word (Yup → yes, repair/source-spelling.ts): the lexicon has what the engine read. Tried only
 * after the word itself, which a source the orchestrator does not respell always has.
 */
function respelled(word: string): string | null {
  const spelled = englishSpelling(word);
  return spelled !== word && !/\s/.test(spelled) ? fold(spelled) : null;
}

/** The lemmas a folded word may be an inflection of, longest first: up to three letters off, four kept (Americans → American). */
function stemsOf(f: string): string[] {
  const out: string[] = [];
  for (let n = f.length - 1; n >= Math.max(4, f.length - 3); n--) out.push(f.slice(0, n));
  return out;
}

/** Whether a lemma may fold to a word starting like `folded`: ASCII letters compared without folding. */
function sameInitial(lemma: string, folded: string): boolean {
  const c = lemma.charCodeAt(0);
  return c > 127 || (c | 32) === folded.charCodeAt(0);
}
