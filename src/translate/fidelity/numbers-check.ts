import type { Finding } from '../../domain/translation.ts';
import { NUMBER_RE, convertNumber, parseNumber } from '../numbers.ts';
import type { Unit } from './check-fidelity.ts';

const SCALE = /^\s*(?:billion|bn|trillion|mil millones|billones)/i;

/** Every number of the source is in the translation, in the target language's notation. */
export function checkNumbers(units: Unit[], from: string, to: string): Finding[] {
  const findings: Finding[] = [];
  for (const u of units) {
    const src = [...u.sourceText.matchAll(NUMBER_RE)].map((m) => ({
      lit: m[0],
      value: parseNumber(m[0], from),
      scaled: SCALE.test(u.sourceText.slice(m.index + m[0].length)),
    }));
    const tgt = [...u.targetText.matchAll(NUMBER_RE)].map((m) => ({ lit: m[0], value: parseNumber(m[0], to) }));
    const pool = tgt.map((t) => t.value);
    for (const s of src) {
      if (s.value === null) continue;
      const alts = s.scaled ? [s.value, s.value * 1000] : [s.value];
      const at = pool.findIndex((v) => v !== null && alts.some((a) => Math.abs(a - v) < 1e-9));
      if (at >= 0) {
        pool[at] = null;
        continue;
      }
      const wrongNotation = tgt.find((t) => t.lit === s.lit && t.value !== s.value);
      findings.push({
        check: 'numbers',
        severity: 'error',
        segment: u.segment,
        source: s.lit,
        target: wrongNotation?.lit ?? null,
        detail: wrongNotation
          ? `${u.label}number ${s.lit} is written ${wrongNotation.lit}, which reads differently in ${to}; expected ${convertNumber(s.lit, from, to) ?? s.lit}`
          : `${u.label}number ${s.lit} is missing from the translation`,
      });
    }
    const extra = tgt.filter((t, i) => pool[i] !== null && t.value !== null);
    for (const t of extra) {
      findings.push({ check: 'numbers', severity: 'warning', segment: u.segment, source: null, target: t.lit, detail: `${u.label}number ${t.lit} is not in the source` });
    }
  }
  return findings;
}
