import type { Finding } from '../../domain/translation.ts';
import type { Unit } from './check-fidelity.ts';
import { countOf, nameTokens, outsideQuotes, quotations, similarity } from './text-tools.ts';

/**
 * Names, repetition and attribution. A name the engine keeps verbatim somewhere in the article is
 * counted per segment: more in the translation than in the source is the "Tass quoted Tass" fault;
 * fewer is a lost name. Names the engine translates (Russia → Rusia) are matched loosely.
 */
export function checkNames(units: Unit[], from: string, to: string): Finding[] {
  const findings: Finding[] = [];
  const langs = [from, to];
  // Compared without case: engines recase acronyms ("ID." → "Id.").
  const shown = new Map<string, string>();
  const names = (text: string) =>
    nameTokens(text, langs).map((n) => {
      const k = n.toLowerCase();
      if (!shown.has(k)) shown.set(k, n);
      return k;
    });
  const src = units.map((u) => names(u.sourceMapped));
  const tgt = units.map((u) => names(u.targetText));
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

  units.forEach((u, i) => {
    const quoted = quotations(u.sourceText).length > 0;
    const speakers = new Set(names(outsideQuotes(u.sourceMapped)));
    const add = (check: string, severity: Finding['severity'], detail: string) =>
      findings.push({ check, severity, segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}${detail.replace(/"([^"]+)"/, (_, k: string) => `"${shown.get(k) ?? k}"`)}` });
    const lost: string[] = [];
    const gained: string[] = [];
    for (const name of new Set([...src[i]!, ...tgt[i]!])) {
      if (!kept.has(name)) continue;
      const s = countOf(src[i]!, name);
      const t = countOf(tgt[i]!, name);
      if (t < s) lost.push(name);
      if (t > s) gained.push(name);
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
      add(speaker ? 'attribution' : 'names', swap ? 'error' : steadyElsewhere(name, i) ? 'warning' : 'info', `"${name}" appears ${countOf(src[i]!, name)}× in the source, ${countOf(tgt[i]!, name)}× in the translation${speaker ? ' (speaker of a quotation)' : ''}`);
    }
    for (const name of new Set(src[i]!)) {
      // Engines translate many names (Moscow → Moscú) and capitalized common nouns: only noted.
      if (!kept.has(name) && !tgt[i]!.some((t) => similarity(t, name) >= 0.5)) add('names', 'info', `"${name}" is not found in the translation (translated or lost)`);
    }
    findings.push(...checkQuotes(u));
    findings.push(...checkPhraseRepetition(u));
  });
  return findings;
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

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
