import { glossarySchema, type GlossaryEntry } from './engine-config.ts';
import { escapeHtmlText } from './html-text.ts';

export interface ProtectedSegment {
  html: string;
  /** Placeholder id → what to put back. */
  slots: Array<{ term: string; rendering: string }>;
}

const PLACEHOLDER = /<x\s+id="g(\d+)"\s*\/?>(?:<\/x>)?/g;

/**
 * Glossary terms are swapped for `<x id="gN"/>` before the engine sees the text (engines keep
 * markup), then replaced by the term or its mapping for the target language.
 */
export function protectTerms(html: string, glossary: GlossaryEntry[], from: string, to: string): ProtectedSegment {
  const entries = glossarySchema.parse(glossary).filter((e) => !e.from || e.from === from);
  if (entries.length === 0) return { html, slots: [] };
  // Longest first so "Nagorno-Karabakh" wins over "Karabakh".
  entries.sort((a, b) => b.term.length - a.term.length);
  const slots: ProtectedSegment['slots'] = [];
  const parts = html.split(/(<[^>]*>)/);
  for (let i = 0; i < parts.length; i += 2) {
    let text = parts[i]!;
    for (const e of entries) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(escapeHtmlText(e.term))}(?![\\p{L}\\p{N}])`, e.caseSensitive ? 'gu' : 'giu');
      text = text.replace(re, (m) => {
        slots.push({ term: m, rendering: escapeHtmlText(e.map[to] ?? m) });
        return `<x id="g${slots.length - 1}"/>`;
      });
    }
    parts[i] = text;
  }
  return { html: parts.join(''), slots };
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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
