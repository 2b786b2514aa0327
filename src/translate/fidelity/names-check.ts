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
  const allSource = new Set(units.flatMap((u) => nameTokens(u.sourceText, langs)));
  const allTarget = units.map((u) => u.targetText).join(' ');
  const kept = new Set([...allSource].filter((n) => new RegExp(`(?<![\\p{L}])${esc(n)}(?![\\p{L}])`, 'u').test(allTarget)));

  for (const u of units) {
    const quoted = quotations(u.sourceText).length > 0;
    const src = nameTokens(u.sourceText, langs);
    const tgt = nameTokens(u.targetText, langs);
    const srcSpeakers = new Set(nameTokens(outsideQuotes(u.sourceText), langs));
    const add = (check: string, severity: Finding['severity'], name: string, detail: string) =>
      findings.push({ check, severity, segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}${detail.replace('%s', name)}` });

    for (const name of new Set([...src, ...tgt])) {
      if (!kept.has(name)) continue;
      const s = countOf(src, name);
      const t = countOf(tgt, name);
      if (t > s && s === 0) {
        const speaker = quoted && nameTokens(outsideQuotes(u.targetText), langs).includes(name);
        add(speaker ? 'attribution' : 'names', 'error', name, `"%s" is in the translation but not in this paragraph of the source${speaker ? ' (a quotation now has another speaker)' : ''}`);
      } else if (t > s) add('repetition', 'error', name, `"%s" appears ${t}× in the translation, ${s}× in the source`);
      else if (t < s) add(quoted && srcSpeakers.has(name) ? 'attribution' : 'names', 'error', name, `"%s" appears ${s}× in the source, ${t}× in the translation`);
    }
    for (const name of new Set(src)) {
      if (kept.has(name)) continue;
      if (tgt.some((t) => similarity(t, name) >= 0.5)) continue;
      // Engines translate many names (Moscow → Moscú) and capitalized common nouns: only noted.
      add('names', 'info', name, `"%s" is not found in the translation (translated or lost)`);
    }
    findings.push(...checkQuotes(u));
    findings.push(...checkPhraseRepetition(u));
  }
  return findings;
}

function checkQuotes(u: Unit): Finding[] {
  const s = quotations(u.sourceText).length;
  const t = quotations(u.targetText).length;
  if (s === t) return [];
  return [{ check: 'quotes', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}${s} quotation(s) in the source, ${t} in the translation` }];
}

/** A run of three or more words said twice in the translation where the source says nothing twice. */
function checkPhraseRepetition(u: Unit): Finding[] {
  const t = repeatedNgram(u.targetText, 4);
  if (!t || repeatedNgram(u.sourceText, 3)) return [];
  return [{ check: 'repetition', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}"${t}" is repeated in the translation` }];
}

function repeatedNgram(text: string, n: number): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) {
    const gram = words.slice(i, i + n);
    if (gram.filter((w) => w.length > 3).length < 2) continue;
    const key = gram.join(' ');
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
