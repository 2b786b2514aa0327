/**
 * Number notation per language, so 2,000 (en) is read and written as 2.000 (es): what the fidelity
 * gate checks translations with and what story claims compare outlets' figures with.
 */
interface Notation {
  decimal: string;
  group: string[];
}

const DOT_GROUP = ['es', 'ca', 'gl', 'pt', 'it', 'de', 'nl', 'tr', 'id', 'da', 'ro', 'el', 'sl', 'hr', 'sr', 'eu', 'an', 'ast', 'oc', 'is', 'az'];
const SPACE_GROUP = ['fr', 'ru', 'uk', 'pl', 'cs', 'sk', 'sv', 'fi', 'nb', 'nn', 'no', 'bg', 'hu', 'et', 'lt', 'lv', 'kk', 'be'];
const NBSP = ['\u00a0', '\u202f'];

export function notationFor(lang: string): Notation {
  if (DOT_GROUP.includes(lang)) return { decimal: ',', group: ['.', ...NBSP] };
  if (SPACE_GROUP.includes(lang)) return { decimal: ',', group: ['\u202f', '\u00a0', '.'] };
  return { decimal: '.', group: [',', ...NBSP] };
}

export const NUMBER_RE = /\d+(?:[.,\u00a0\u202f]\d+)*/g;

/** The value of a literal in a language's notation, or null when it is not valid there. */
export function parseNumber(literal: string, lang: string): number | null {
  return readNumber(literal, lang)?.value ?? null;
}

function readNumber(literal: string, lang: string): { value: number; decimals: number; grouped: boolean } | null {
  if (!/^\d[\d.,\u00a0\u202f]*$/.test(literal)) return null;
  const n = notationFor(lang);
  const parts = literal.split(/([.,\u00a0\u202f])/);
  let int = parts[0]!;
  let frac = '';
  let grouped = false;
  for (let i = 1; i < parts.length; i += 2) {
    const sep = parts[i]!;
    const digits = parts[i + 1]!;
    if (n.group.includes(sep) && digits.length === 3 && !frac) {
      int += digits;
      grouped = true;
    } else if (sep === n.decimal && i + 2 >= parts.length) frac = digits;
    else return null;
  }
  return { value: Number(frac ? `${int}.${frac}` : int), decimals: frac.length, grouped };
}

/** Writes `literal` (valid in `from`) in the notation of `to`, keeping its grouping and decimals. */
export function convertNumber(literal: string, from: string, to: string): string | null {
  const r = readNumber(literal, from);
  if (!r) return null;
  const dst = notationFor(to);
  const [i, f] = r.value.toFixed(r.decimals).split('.') as [string, string | undefined];
  const int = r.grouped ? i.replace(/\B(?=(\d{3})+(?!\d))/g, dst.group[0]!) : i;
  return f ? `${int}${dst.decimal}${f}` : int;
}
