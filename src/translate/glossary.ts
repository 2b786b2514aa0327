import { glossarySchema, type GlossaryEntry } from './engine-config.ts';
import { escapeHtml } from '../shared/escape-html.ts';

export interface ProtectedSegment {
  html: string;
  /** Placeholder id → what to put back. */
  slots: Array<{ term: string; rendering: string }>;
}

const PLACEHOLDER = /<x\s+id="g(\d+)"\s*\/?>(?:<\/x>)?/g;

/** A glossary compiled for one language pair: protects the terms of any number of segments. */
export interface PreparedGlossary {
  protect(html: string): ProtectedSegment;
}

interface Matcher {
  re: RegExp;
  rendering: (matched: string) => string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/**
 * Glossary terms are swapped for `<x id="gN"/>` before the engine sees the text (engines keep
 * markup), then replaced by the term or its mapping for the target language. Compiled once per
 * pair, with the terms indexed by their first word: a segment costs one pass over its words,
 * and a regex only for the terms whose first word it has, however long the glossary.
 */
export function prepareGlossary(glossary: GlossaryEntry[], from: string, to: string): PreparedGlossary {
  const byFirstWord = new Map<string, Matcher[]>();
  // Terms that open with a sign ("#MeToo"): tried on every text that contains them.
  const unindexed: Array<{ needle: string; m: Matcher }> = [];
  for (const e of glossarySchema.parse(glossary).filter((g) => !g.from || g.from === from)) {
    const term = escapeHtml(e.term);
    const mapped = e.map[to];
    const m: Matcher = {
      re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(term)}(?![\\p{L}\\p{N}])`, e.caseSensitive ? 'gu' : 'giu'),
      rendering: mapped === undefined ? (found) => found : () => escapeHtml(mapped),
    };
    // A match has no letter or digit on either side, so the term's first word is a whole word of the text.
    const first = term.match(/^[\p{L}\p{N}]+/u)?.[0].toLowerCase();
    if (first) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), m]);
    else unindexed.push({ needle: term.toLowerCase(), m });
  }
  if (byFirstWord.size === 0 && unindexed.length === 0) return { protect: (html) => ({ html, slots: [] }) };
  const candidates = (text: string): Set<Matcher> => {
    const out = new Set<Matcher>();
    for (const w of text.matchAll(WORD_RE)) for (const m of byFirstWord.get(w[0].toLowerCase()) ?? []) out.add(m);
    if (unindexed.length > 0) {
      const lower = text.toLowerCase();
      for (const u of unindexed) if (lower.includes(u.needle)) out.add(u.m);
    }
    return out;
  };
  return {
    protect(html) {
      const slots: ProtectedSegment['slots'] = [];
      const parts = html.split(/(<[^>]*>)/);
      for (let i = 0; i < parts.length; i += 2) parts[i] = protectText(parts[i]!, candidates(parts[i]!), slots);
      return { html: parts.join(''), slots };
    },
  };
}

/**
 * Every candidate term's matches in the original text, then the longest at each place
 * ("Nagorno-Karabakh" wins over "Karabakh"), left to right without overlaps: one pass, so a term
 * is never looked for inside a placeholder another term left ("id" in `<x id="g0"/>`).
 */
function protectText(text: string, matchers: Set<Matcher>, slots: ProtectedSegment['slots']): string {
  if (matchers.size === 0) return text;
  const found: Array<{ at: number; end: number; m: Matcher }> = [];
  for (const m of matchers) {
    m.re.lastIndex = 0;
    for (const hit of text.matchAll(m.re)) found.push({ at: hit.index, end: hit.index + hit[0].length, m });
  }
  if (found.length === 0) return text;
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const f of found) {
    if (f.at < pos) continue;
    const matched = text.slice(f.at, f.end);
    slots.push({ term: matched, rendering: f.m.rendering(matched) });
    out += `${text.slice(pos, f.at)}<x id="g${slots.length - 1}"/>`;
    pos = f.end;
  }
  return out + text.slice(pos);
}

/** Puts the terms back; returns the ids the engine lost. */
export function restoreTerms(html: string, slots: ProtectedSegment['slots']): { html: string; missing: number[] } {
  const seen = new Set<number>();
  const out = html.replace(PLACEHOLDER, (m, id: string) => {
    const slot = slots[Number(id)];
    if (!slot) return m;
    seen.add(Number(id));
    return slot.rendering;
  });
  const missing = slots.map((_, i) => i).filter((i) => !seen.has(i));
  return { html: out, missing };
}

/** A literal string as a RegExp source. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
