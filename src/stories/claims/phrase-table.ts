import { keyOf, type Token } from './tokens.ts';

/** The languages whose words the claims are read in; a text in another language is read with all of them. */
export const CLAIM_LANGS = ['en', 'es', 'fr', 'de', 'ca', 'pt'] as const;
export type ClaimLang = (typeof CLAIM_LANGS)[number];

/** Word lists per language: phrases separated by commas, written as they read (folded when built). */
export type WordLists = Partial<Record<ClaimLang, string>>;

interface Entry<V> {
  words: string[];
  value: V;
}

/** A phrase found in a run of tokens: what it means and how many tokens it spans. */
export interface PhraseMatch<V> {
  value: V;
  length: number;
}

/**
 * Phrases of several words per language, matched against tokens at a position (reading on) or
 * ending at one (reading back), longest first.
 */
export class PhraseTable<V> {
  private readonly first = new Map<string, Map<string, Array<Entry<V>>>>();
  private readonly last = new Map<string, Map<string, Array<Entry<V>>>>();

  constructor(tables: Array<[V, WordLists]>) {
    for (const [value, lists] of tables) {
      for (const lang of CLAIM_LANGS) {
        for (const phrase of (lists[lang] ?? '').split(',')) {
          const words = phrase.trim().split(/\s+/).filter(Boolean).map(keyOf);
          if (words.length === 0) continue;
          add(this.first, lang, words[0]!, { words, value });
          add(this.last, lang, words.at(-1)!, { words, value });
        }
      }
    }
  }

  /** The longest phrase starting at tokens[i]. */
  at(tokens: readonly Token[], i: number, lang: string): PhraseMatch<V> | null {
    const entries = lookup(this.first, lang, tokens[i]?.key);
    for (const e of entries) if (e.words.every((w, k) => tokens[i + k]?.key === w)) return { value: e.value, length: e.words.length };
    return null;
  }

  /** The longest phrase ending at tokens[i] (inclusive). */
  endingAt(tokens: readonly Token[], i: number, lang: string): PhraseMatch<V> | null {
    const entries = lookup(this.last, lang, tokens[i]?.key);
    for (const e of entries) {
      const from = i - e.words.length + 1;
      if (from >= 0 && e.words.every((w, k) => tokens[from + k]?.key === w)) return { value: e.value, length: e.words.length };
    }
    return null;
  }

  has(word: string, lang: string): boolean {
    return lookup(this.first, lang, word).some((e) => e.words.length === 1);
  }
}

function add<V>(index: Map<string, Map<string, Array<Entry<V>>>>, lang: string, word: string, e: Entry<V>): void {
  let byWord = index.get(lang);
  if (!byWord) index.set(lang, (byWord = new Map()));
  const list = byWord.get(word) ?? [];
  list.push(e);
  // Longest first: "death toll" before "toll".
  list.sort((a, b) => b.words.length - a.words.length);
  byWord.set(word, list);
}

function lookup<V>(index: Map<string, Map<string, Array<Entry<V>>>>, lang: string, word: string | undefined): Array<Entry<V>> {
  if (word === undefined) return [];
  if (isClaimLang(lang)) return index.get(lang)?.get(word) ?? [];
  return CLAIM_LANGS.flatMap((l) => index.get(l)?.get(word) ?? []);
}

export function isClaimLang(lang: string): lang is ClaimLang {
  return (CLAIM_LANGS as readonly string[]).includes(lang);
}

/** The base language of a tag: "pt-BR" → "pt". */
export function baseLang(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}
