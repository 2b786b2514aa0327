import { QUOTATION_RE } from '../../shared/quotations.ts';
import { STOPWORDS } from '../stopwords.ts';
import type { ClaimSource } from './claim-types.ts';
import { baseLang } from './phrase-table.ts';
import { speakerAfter, speakerBefore, type Speaker } from './speaker.ts';
import { keyOf } from './tokens.ts';

/** A quotation a member gives and the speaker it gives it to. */
export interface QuoteClaim {
  /** The quotation's words, folded. */
  words: string[];
  /** Its numbers and names, folded: what survives a translation of it. */
  anchors: string[];
  lang: string;
  speaker: Speaker;
  /** The quotation's first words as written. */
  opening: string;
  source: ClaimSource;
}

/** Shorter quotations are phrases an outlet borrows ("stir the pot"), not statements given to someone. */
const MIN_WORDS = 4;
const OPENING_WORDS = 6;

/** Every quotation with a named speaker; one the text gives to nobody it can name is left out. */
export function quoteClaims(source: ClaimSource): QuoteClaim[] {
  const lang = baseLang(source.lang);
  const out: QuoteClaim[] = [];
  for (const paragraph of source.text.matchAll(/[^\n]+/g)) {
    const text = paragraph[0];
    let previous: { speaker: Speaker | null; end: number } = { speaker: null, end: -1 };
    for (const m of text.matchAll(QUOTATION_RE)) {
      const inner = m[0].slice(1, -1).trim();
      const written = inner.match(/\S+/g) ?? [];
      const found = speakerAfter(text.slice(m.index + m[0].length), lang) ?? speakerBefore(text.slice(0, m.index), lang);
      const speaker = found ?? continued(previous, text.slice(previous.end, m.index));
      previous = { speaker, end: m.index + m[0].length };
      if (!speaker || written.length < MIN_WORDS) continue;
      const words = wordsOf(inner);
      const opening = written.slice(0, OPENING_WORDS).join(' ').replace(/[,.;:!?]+$/, '');
      out.push({ words, anchors: anchorsOf(inner), lang, speaker, opening: written.length > OPENING_WORDS ? `${opening}…` : opening, source });
    }
  }
  return out;
}

/**
 * The speaker of a quotation that goes on after its attribution: “…,” X said. “…” — nothing but
 * that short attribution between the two.
 */
function continued(previous: { speaker: Speaker | null; end: number }, between: string): Speaker | null {
  if (!previous.speaker || previous.end < 0) return null;
  const ends = between.match(/[.!?](?=\s|$)/g)?.length ?? 0;
  return between.length <= MAX_ATTRIBUTION && ends === 1 && /[.!?]\s*$/.test(between) ? previous.speaker : null;
}

/** Characters of an attribution between two parts of one speaker's quotation. */
const MAX_ATTRIBUTION = 80;

function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(keyOf);
}

/** Numbers (digits only) and capitalized words past the first that are not function words. */
function anchorsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d.,]*/g)) out.add(m[0].replace(/\D/g, ''));
  for (const m of text.matchAll(/(?<=\s)\p{Lu}[\p{L}\p{M}]+/gu)) {
    const k = keyOf(m[0]);
    if (!STOPWORDS.has(k)) out.add(k);
  }
  return [...out];
}
