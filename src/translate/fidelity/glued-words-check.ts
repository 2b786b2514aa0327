import type { Finding } from '../../domain/translation.ts';
import type { Unit } from './unit.ts';
import { fold } from './text-tools.ts';

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:[.,]\d+)*/gu;
/** A small word stuck to a number before it ("de8", "estudiode40.000") or a word stuck after one ("8años"). */
const WORD_THEN_DIGIT = /\p{Ll}{2,}\d/u;
const DIGIT_THEN_WORD = /\d\p{Ll}{4,}/u;
/** A capital inside a run of small letters: "basadoenWashington", "PlandeComida". */
const CAPITAL_INSIDE = /\p{Ll}{2,}\p{Lu}/u;
const COMPOUND_RE = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)+/gu;

/**
 * Words run together in the translation: Apertium renders some hyphenated compounds and numbers
 * without the blanks between their words ("31-year wait" → "esperade31", "non-professional
 * actors" → "actoresnoprofesionales"). A token is suspect only when the source does not have it
 * (iPhone, 30fps, McAllister are written so there): a number glued to a word, a capital inside a
 * word, or a long word holding a part of one of the source's hyphenated compounds after other letters.
 */
export function checkGluedWords(units: Unit[]): Finding[] {
  const findings: Finding[] = [];
  for (const u of units) {
    const sourceTokens = new Set((u.sourceText.match(TOKEN_RE) ?? []).map(fold));
    const parts = compoundParts(u.sourceText);
    const glued: string[] = [];
    for (const token of new Set(u.targetText.match(TOKEN_RE) ?? [])) {
      const f = fold(token);
      if (sourceTokens.has(f)) continue;
      if (WORD_THEN_DIGIT.test(token) || DIGIT_THEN_WORD.test(token) || CAPITAL_INSIDE.test(token) || holdsCompoundPart(f, parts)) glued.push(token);
    }
    if (glued.length === 0) continue;
    findings.push({
      check: 'glued-words',
      severity: 'warning',
      segment: u.segment,
      source: u.sourceText,
      target: u.targetText,
      detail: `${u.label}words run together in the translation: ${glued.slice(0, 3).map((g) => `"${g}"`).join(', ')}`,
    });
  }
  return findings;
}

/** The words of the source's hyphenated compounds (non-professional → non, professional), folded, with their first words. */
function compoundParts(text: string): { parts: string[]; firsts: string[] } {
  const parts: string[] = [];
  const firsts: string[] = [];
  for (const m of text.matchAll(COMPOUND_RE)) {
    const words = m[0].split('-').map(fold);
    firsts.push(words[0]!);
    parts.push(...words.filter((w) => w.length >= 4));
  }
  return { parts, firsts };
}

/**
 * A long target word (12 letters or more) that holds the start of a compound's word after four
 * letters or more: the translations of the compound's words written as one. Joined compounds
 * that are words ("antiinflamatorio", "cooperación") start with the compound's own first word.
 */
function holdsCompoundPart(word: string, { parts, firsts }: { parts: string[]; firsts: string[] }): boolean {
  if (parts.length === 0 || word.length < 12 || /\d/.test(word)) return false;
  if (firsts.some((f) => f.length >= 2 && word.startsWith(f))) return false;
  return parts.some((p) => {
    const at = word.indexOf(p.slice(0, 4), 4);
    return at >= 4 && at <= word.length - 4;
  });
}
