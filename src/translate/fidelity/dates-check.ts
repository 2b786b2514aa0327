import type { Finding } from '../../domain/translation.ts';
import type { Unit } from './unit.ts';
import { fold } from './text-tools.ts';

/** English month names and their abbreviations, by month number (1–12). */
const EN_MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Month names of the target languages, folded (no accents), January first. */
const MONTHS: Record<string, string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre|sept', 'octubre', 'noviembre', 'diciembre'],
  ca: ['gener', 'febrer', 'marc', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'],
  pt: ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  fr: ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  de: ['januar|jänner', 'februar', 'marz|märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
};

const MONTH_ALT = Object.keys(EN_MONTHS).sort((a, b) => b.length - a.length).join('|');
/**
 * A month said as a date: next to a day (13 March, March 13th) or a year (March 2026). A month
 * name alone is not counted: "May" is also a verb, "March" a noun.
 */
const EN_DATE_RE = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALT})\\b\\.?|\\b(${MONTH_ALT})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b(${MONTH_ALT})\\.?,?\\s+\\d{4}\\b`,
  'gi',
);

/**
 * Dates keep their month: every month of a source date ("13 March") is named in the translation
 * in the target language ("13 de marzo"), at least as often as the source's dates name it. A month the engine
 * read as another word ("13 Marcha", "Pueda 5") is a wrong date for the reader.
 */
export function checkDates(units: Unit[], from: string, to: string): Finding[] {
  const names = MONTHS[to];
  if (from !== 'en' || !names) return [];
  const findings: Finding[] = [];
  // A month abbreviated as the target language does ("3 dic.", "nov. 20") is a month too.
  const patterns = names.map((n) => new RegExp(`(?<![\\p{L}])(?:${n}|${n.split('|').map((m) => m.slice(0, 3)).join('|')})(?![\\p{L}])`, 'gu'));
  for (const u of units) {
    if (!/\d/.test(u.sourceText)) continue;
    const wanted = new Map<number, string[]>();
    // Case matters in English: "may 5" in lower case is rarely a date, "May 5" is.
    for (const m of u.sourceText.matchAll(EN_DATE_RE)) {
      const word = (m[1] ?? m[2] ?? m[3])!;
      if (word[0] !== word[0]!.toUpperCase()) continue;
      const month = EN_MONTHS[word.toLowerCase()]!;
      wanted.set(month, [...(wanted.get(month) ?? []), m[0].trim().replace(/\.$/, '')]);
    }
    if (wanted.size === 0) continue;
    const target = fold(u.targetText);
    for (const [month, dates] of wanted) {
      const found = target.match(patterns[month - 1]!)?.length ?? 0;
      if (found >= dates.length) continue;
      findings.push({
        check: 'dates',
        severity: 'warning',
        segment: u.segment,
        source: u.sourceText,
        target: u.targetText,
        detail: `${u.label}the date "${dates[0]}" has no month in the translation (expected "${names[month - 1]!.split('|')[0]}")`,
      });
    }
  }
  return findings;
}
