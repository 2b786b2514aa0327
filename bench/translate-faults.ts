/** Faults injected into clean translations for bench/translate.ts, one kind per injector. */
import { nameTokens, outsideQuotes, quotations, splitSentences } from '../src/translate/fidelity/text-tools.ts';
import { htmlToText } from '../src/translate/html-text.ts';
import { NUMBER_RE, parseNumber } from '../src/translate/numbers.ts';

type Rand = () => number;
export interface Fault {
  kind: string;
  inject(source: string[], target: string[], rand: Rand): { target: string[]; what: string } | null;
}

export { mulberry32 } from './lib/random.ts';

const pick = <T>(list: T[], rand: Rand): T | null => (list.length ? list[Math.floor(rand() * list.length)]! : null);
const indices = (t: string[], ok: (i: number) => boolean) => t.map((_, i) => i).filter(ok);
const replaceAt = (t: string[], i: number, s: string) => t.map((x, j) => (j === i ? s : x));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (w: string) => new RegExp(`(?<![\\p{L}])${esc(w)}(?![\\p{L}])`, 'u');

/** Names the clean translation kept verbatim in segment i. */
function keptNames(source: string[], target: string[], i: number): string[] {
  const t = nameTokens(htmlToText(target[i]!), ['en', 'es']);
  return [...new Set(nameTokens(htmlToText(source[i]!), ['en', 'es']).filter((n) => t.includes(n)))];
}

export const FAULTS: Fault[] = [
  {
    kind: 'number-changed',
    inject(_s, t, rand) {
      // A figure of the text, not the code of an entity (`&#39;` is an apostrophe).
      const figures = (html: string) => [...html.matchAll(NUMBER_RE)].filter((m) => parseNumber(m[0], 'es') !== null && !/&#x?$/.test(html.slice(0, m.index)));
      const i = pick(indices(t, (j) => figures(t[j]!).length > 0), rand);
      if (i === null) return null;
      const m = pick(figures(t[i]!), rand)!;
      const lit = m[0];
      const changed = lit.slice(0, -1) + String((Number(lit.at(-1)) + 1) % 10);
      return { target: replaceAt(t, i, t[i]!.slice(0, m.index) + changed + t[i]!.slice(m.index + lit.length)), what: `${lit}→${changed}` };
    },
  },
  {
    kind: 'number-notation',
    inject(_s, t, rand) {
      const i = pick(indices(t, (j) => /\d\.\d{3}(?!\d)/.test(t[j]!)), rand);
      if (i === null) return null;
      return { target: replaceAt(t, i, t[i]!.replace(/(\d)\.(\d{3})(?!\d)/, '$1,$2')), what: 'grouping dot → comma' };
    },
  },
  {
    kind: 'drop-sentence',
    inject(_s, t, rand) {
      const i = pick(indices(t, (j) => splitSentences(t[j]!).length >= 2), rand);
      if (i === null) return null;
      const sents = splitSentences(t[i]!);
      const k = Math.floor(rand() * sents.length);
      return { target: replaceAt(t, i, sents.filter((_, j) => j !== k).join(' ')), what: sents[k]!.slice(0, 60) };
    },
  },
  {
    kind: 'duplicate-name',
    inject(s, t, rand) {
      const i = pick(indices(t, (j) => keptNames(s, t, j).length > 0), rand);
      if (i === null) return null;
      const names = keptNames(s, t, i);
      const a = pick(names, rand)!;
      const b = names.find((n) => n !== a && !n.includes(a) && !a.includes(n));
      // "Tass quoted Tass": another name becomes the first one; else the name is said twice.
      const out = b ? t[i]!.replace(wordRe(b), a) : t[i]!.replace(wordRe(a), `${a} ${a}`);
      return { target: replaceAt(t, i, out), what: b ? `${b}→${a}` : `${a} twice` };
    },
  },
  {
    kind: 'lose-name',
    inject(s, t, rand) {
      const i = pick(indices(t, (j) => keptNames(s, t, j).length > 0), rand);
      if (i === null) return null;
      const a = pick(keptNames(s, t, i), rand)!;
      return { target: replaceAt(t, i, t[i]!.replace(wordRe(a), '').replace(/ {2,}/g, ' ')), what: a };
    },
  },
  {
    kind: 'untranslated',
    inject(s, t, rand) {
      const i = pick(indices(t, (j) => htmlToText(s[j]!).split(' ').length >= 8), rand);
      if (i === null) return null;
      return { target: replaceAt(t, i, s[i]!), what: `paragraph ${i}` };
    },
  },
  {
    kind: 'speaker-swap',
    inject(s, t, rand) {
      const all = [...new Set(t.flatMap((_, j) => keptNames(s, t, j)))];
      const i = pick(indices(t, (j) => quotations(htmlToText(t[j]!)).length > 0 && keptNames(s, t, j).some((n) => nameTokens(outsideQuotes(htmlToText(t[j]!)), ['en', 'es']).includes(n))), rand);
      if (i === null) return null;
      const speakers = keptNames(s, t, i).filter((n) => nameTokens(outsideQuotes(htmlToText(t[i]!)), ['en', 'es']).includes(n));
      const who = pick(speakers, rand)!;
      const other = pick(all.filter((n) => !keptNames(s, t, i).includes(n)), rand);
      if (!other) return null;
      return { target: replaceAt(t, i, t[i]!.replace(wordRe(who), other)), what: `${who}→${other}` };
    },
  },
  {
    kind: 'repeat-phrase',
    inject(_s, t, rand) {
      const i = pick(indices(t, (j) => t[j]!.split(' ').length >= 10), rand);
      if (i === null) return null;
      const w = t[i]!.split(' ');
      const len = 4 + Math.floor(rand() * 3);
      const at = Math.floor(rand() * (w.length - len));
      const phrase = w.slice(at, at + len);
      return { target: replaceAt(t, i, [...w.slice(0, at + len), ...phrase, ...w.slice(at + len)].join(' ')), what: phrase.join(' ') };
    },
  },
];
