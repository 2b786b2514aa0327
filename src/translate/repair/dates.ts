/**
 * Dates written out by rule for the target language: Apertium gets "on 13 March" right but not
 * "held 13 March 2026" (13 Marcha 2026), "By 13 March" or "March 13, 2026" (Encima Marcha 13),
 * and leaves "August" in English. A date found in the source is handed to the engine as a
 * placeholder and comes back written as the target language writes it.
 */
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface DateStyle {
  months: string[];
  /** day, month name, year or null → the date; `on` → the preposition "on" becomes (before a day). */
  dayMonth(day: number, month: string, year: string | null): string;
  monthYear(month: string, year: string): string;
  on: string;
}

const deYear = (y: string | null) => (y ? ` de ${y}` : '');
const STYLES: Record<string, DateStyle> = {
  es: {
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    dayMonth: (d, m, y) => `${d} de ${m}${deYear(y)}`,
    monthYear: (m, y) => `${m} de ${y}`,
    on: 'el',
  },
  ca: {
    months: ['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'],
    // Catalan elides "de" before a vowel: 13 d'abril, d'agost, d'octubre.
    dayMonth: (d, m, y) => `${d} ${/^[aeiou]/.test(m) ? `d'${m}` : `de ${m}`}${deYear(y)}`,
    monthYear: (m, y) => `${m} de ${y}`,
    on: 'el',
  },
  gl: {
    months: ['xaneiro', 'febreiro', 'marzo', 'abril', 'maio', 'xuño', 'xullo', 'agosto', 'setembro', 'outubro', 'novembro', 'decembro'],
    dayMonth: (d, m, y) => `${d} de ${m}${deYear(y)}`,
    monthYear: (m, y) => `${m} de ${y}`,
    on: 'o',
  },
  pt: {
    months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    dayMonth: (d, m, y) => `${d} de ${m}${deYear(y)}`,
    monthYear: (m, y) => `${m} de ${y}`,
    on: 'em',
  },
  fr: {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    dayMonth: (d, m, y) => `${d === 1 ? '1er' : d} ${m}${y ? ` ${y}` : ''}`,
    monthYear: (m, y) => `${m} ${y}`,
    on: 'le',
  },
  it: {
    months: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    dayMonth: (d, m, y) => `${d === 1 ? '1º' : d} ${m}${y ? ` ${y}` : ''}`,
    monthYear: (m, y) => `${m} ${y}`,
    on: 'il',
  },
};

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
/** A month as news style abbreviates it beside a day ("Aug. 2", "Sept. 12"); the engine leaves most in English. */
const MONTH_ABBREVIATED = '(Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DAY = '([0-3]?\\d)(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
// "on 13 March 2026", "On March 13, 2026", "13 March", "March 2026"; "on" is taken along so the
// engine does not translate it alone (encima). "May" and "March" alone are left: verbs and names.
const DATE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:([Oo]n) )?(?:${DAY} ${MONTH}(?:,? ${YEAR})?|(?:${MONTH}|${MONTH_ABBREVIATED}) ${DAY}(?:,? ${YEAR})?|${MONTH} ${YEAR})(?![\\p{L}\\p{N}])`,
  'gu',
);
// A month alone after a word that makes it a time ("in August", "since January"): not May.
const ALONE_RE = /(?<![\p{L}\p{N}])(in|since|until|during|by|from|through|early|late|last|next) (January|February|March|April|June|July|August|September|October|November|December)(?![\p{L}\p{N}])/gu;

/** Whether dates into `lang` are written by rule. */
export function datesLocalized(lang: string): boolean {
  return lang in STYLES;
}

export interface DateSpan {
  at: number;
  end: number;
  /** The date as the target language writes it (text, not HTML: no markup characters). */
  rendering: string;
}

/** The dates of a plain-text run and how `to` writes them; none for a language without a style. */
export function findDates(text: string, to: string): DateSpan[] {
  const style = STYLES[to];
  if (!style || !/\d|[A-Z][a-z]+ber|January|February|March|April|May|June|July|August/.test(text)) return [];
  const out: DateSpan[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const [, on, d1, m1, y1, m2, abbreviated, d2, y2, m3, y3] = m;
    const month = (m1 ?? m2 ?? abbreviated ?? m3!).toLowerCase().replace('.', '');
    const name = style.months[MONTHS_EN.findIndex((n) => n.startsWith(month))]!;
    const day = Number(d1 ?? d2 ?? 0);
    if (m3 === undefined && (day < 1 || day > 31)) continue;
    let body = m3 !== undefined ? style.monthYear(name, y3!) : style.dayMonth(day, name, y1 ?? y2 ?? null);
    if (on) body = `${on === 'On' ? capitalize(style.on) : style.on} ${body}`;
    out.push({ at: m.index, end: m.index + m[0].length, rendering: body });
  }
  for (const m of text.matchAll(ALONE_RE)) {
    if (out.some((d) => m.index < d.end && d.at < m.index + m[0].length)) continue;
    const at = m.index + m[1]!.length + 1;
    out.push({ at, end: m.index + m[0].length, rendering: style.months[MONTHS_EN.indexOf(m[2]!.toLowerCase())]! });
  }
  return out.sort((a, b) => a.at - b.at);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
