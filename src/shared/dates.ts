/**
 * The one date parser. Dates as feeds and pages write them: RFC 822/1123/850 with or without
 * weekday, named and numeric zones, two-digit years, asctime, ISO 8601 / W3CDTF in all its
 * abbreviations, and English, French, German, Spanish, Italian and Portuguese month names.
 * Returns ISO 8601 UTC or null.
 *
 * Never `Date.parse`: it reads a zone-less string in the machine's time zone. Here a date without
 * a zone is UTC on every machine.
 *
 * All-numeric day-month dates (`05/03/2024`, `05.03.2024`) are read in the order the source's
 * locale writes them (`en-US`: month first; `de`, `fr`, `en-GB`…: day first). Without a locale
 * that decides, they are read only when one of the two numbers is over 12; otherwise they are
 * refused as ambiguous rather than guessed.
 */
export interface DateOptions {
  /** The source's language or locale (`en-US`, `fr`, `de-AT`), for all-numeric dates. */
  locale?: string | null;
}

export function parseDate(input: string | null | undefined, options: DateOptions = {}): string | null {
  if (input == null) return null;
  const s = input.trim();
  if (s === '') return null;
  const ms = parseRfc822(s) ?? parseIso(s) ?? parseLoose(s, numericOrder(options.locale));
  if (ms == null || !Number.isFinite(ms)) return null;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return y < 1900 || y > 2200 ? null : d.toISOString();
}

type NumericOrder = 'dmy' | 'mdy' | null;

// Regions that write the month first (CLDR's short date pattern M/d/y).
const MONTH_FIRST_REGIONS = new Set(['us', 'ph', 'fm', 'mh', 'pw', 'um', 'as', 'gu', 'mp', 'vi', 'pr']);

/** How a locale orders an all-numeric date; null where the locale alone cannot say (`en`). */
export function numericOrder(locale: string | null | undefined): NumericOrder {
  if (!locale) return null;
  const [lang = '', region] = locale.trim().toLowerCase().replace('_', '-').split('-');
  if (region && /^[a-z]{2}$/.test(region)) return MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy';
  // English without a region is written both ways (US and UK); every other language day first.
  if (lang === '' || lang === 'en') return null;
  return 'dmy';
}

// The common case, exactly as RFC 822/1123 writes it: no need for the loose reader.
const RFC822 = /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|GMT|UTC?|Z)$/;

function parseRfc822(s: string): number | null {
  const m = RFC822.exec(s);
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  if (month === undefined) return null;
  return build(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0), 0, zoneOffset(m[7]!) ?? 0);
}

const ISO =
  /^(\d{4})(?:[-/]?(\d{2})(?:[-/]?(\d{2}))?)?(?:(?:T|\s+)(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', sec = '0', frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(+y!, +mo, +d, +h, +mi, +sec, ms, zone ? zoneOffset(zone) ?? 0 : 0);
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['jan', 'january', 'janvier', 'januar', 'jänner', 'enero', 'ene', 'gennaio', 'gen', 'janeiro'],
  ['feb', 'february', 'février', 'fevrier', 'févr', 'fevr', 'februar', 'febrero', 'febbraio', 'fevereiro', 'fev'],
  ['mar', 'march', 'mars', 'märz', 'maerz', 'marzo', 'mär', 'março', 'marco'],
  ['apr', 'april', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio'],
  ['jun', 'june', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  ['jul', 'july', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'ago'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
  ['oct', 'october', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'décembre', 'decembre', 'déc', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** Minutes east of UTC. IST is India's (the news use), not Ireland's or Israel's. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, cet: 60, met: 60, mez: 60, mesz: 120, wat: 60, west: 60, cest: 120, mest: 120, eet: 120, cat: 120, sast: 120,
  eest: 180, msk: 180, eat: 180, ist: 330, pkt: 300, ict: 420, wib: 420, hkt: 480, sgt: 480,
  awst: 480, pht: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  brt: -180, art: -180,
};

function zoneOffset(z: string): number | null {
  const t = z.toLowerCase();
  const named = ZONES[t];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  // RFC 822 military zones.
  if (/^[a-ik-y]$/.test(t)) {
    const c = t.charCodeAt(0);
    if (t <= 'i') return (c - 96) * 60;
    if (t <= 'm') return (c - 97) * 60;
    return -(c - 109) * 60;
  }
  return null;
}

const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?/i;
const ZONE_AFTER = /^\s*(\(?(?:gmt|utc|ut)?[+-]\d{1,2}(?::?\d{2})?\)?|[a-z]{1,5}\b)/i;
// An English weekday, or any leading word followed by a comma ("mar.," "Dienstag,").
const WEEKDAY = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|[\p{L}]+\.?,)\s*/iu;

function parseLoose(input: string, order: NumericOrder): number | null {
  let s = input.replace(WEEKDAY, '');
  let h = 0, mi = 0, sec = 0, offset = 0;
  const t = TIME.exec(s);
  if (t) {
    h = Number(t[1]);
    mi = Number(t[2]);
    sec = Number(t[3] ?? 0);
    const ap = t[4]?.toLowerCase();
    if (ap === 'p' && h < 12) h += 12;
    if (ap === 'a' && h === 12) h = 0;
    const rest = s.slice(t.index + t[0].length);
    const z = ZONE_AFTER.exec(rest);
    let zoneLen = 0;
    if (z) {
      const off = zoneOffset(z[1]!.replace(/[()]/g, ''));
      if (off !== null) {
        offset = off;
        zoneLen = z[0].length;
      }
    }
    s = s.slice(0, t.index) + ' ' + rest.slice(zoneLen);
  }
  let year: number | null = null, month: number | null = null, day: number | null = null;
  const nums: string[] = [];
  for (const tok of s.toLowerCase().split(/[\s,/-]+|\.(?=\s|$)/)) {
    if (tok === '') continue;
    const word = tok.replace(/\.$/, '');
    if (/^\d+$/.test(word)) nums.push(word);
    else if (/^\d{1,2}(st|nd|rd|th|er|e|º)$/.test(word)) nums.push(word.replace(/\D+$/, ''));
    else if (month === null && MONTHS[word] !== undefined) month = MONTHS[word]!;
    else if (t === null && zoneOffset(word) !== null && month !== null) offset = zoneOffset(word)!;
  }
  if (month === null) return parseNumeric(s, order, h, mi, sec, offset);
  for (const n of nums) {
    if (n.length === 4 && year === null) year = Number(n);
    else if (n.length <= 2 && day === null) day = Number(n);
    else if (n.length <= 2 && year === null) year = Number(n) + (Number(n) < 50 ? 2000 : 1900);
  }
  if (year === null || day === null) return null;
  return build(year, month, day, h, mi, sec, 0, offset);
}

const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

/** `05/03/2024` and its kin (the time already taken out), in the order the locale decides. */
function parseNumeric(rest: string, order: NumericOrder, h: number, mi: number, sec: number, offset: number): number | null {
  const m = NUMERIC.exec(rest.replace(/[\s,]+$/, '').trim());
  if (!m) return null;
  const a = Number(m[1]), b = Number(m[3]);
  const read = a > 12 ? 'dmy' : b > 12 ? 'mdy' : order;
  if (read === null) return null;
  const [day, month] = read === 'dmy' ? [a, b] : [b, a];
  return build(Number(m[4]), month, day, h, mi, sec, 0, offset);
}
