import type { Finding } from '../../domain/translation.ts';
import { NUMBER_RE, convertNumber, parseNumber } from '../numbers.ts';
import type { Unit } from './unit.ts';

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
    // "14th century" is "siglo XIV" in Romance languages.
    for (const m of u.targetText.matchAll(/\b[IVXLCDM]{2,}\b/g)) {
      const v = romanValue(m[0]);
      if (v !== null && !u.sourceText.includes(m[0])) tgt.push({ lit: m[0], value: v });
    }
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

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
export function romanValue(s: string): number | null {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  // Only canonical numerals: "IIII" or "VX" are words, not numbers.
  return toRoman(total) === s ? total : null;
}
function toRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
}
