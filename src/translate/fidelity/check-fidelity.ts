import type { FidelityReport, Finding } from '../../domain/translation.ts';
import type { GlossaryEntry } from '../engine-config.ts';
import { htmlToText } from '../html-text.ts';
import { addCounts, guessFromCounts, identifyLanguage, languageMargin, latinWordCounts, type FunctionWordCounts } from '../lang-id.ts';
import { checkChrome } from './chrome-check.ts';
import { checkDates } from './dates-check.ts';
import { checkGluedWords } from './glued-words-check.ts';
import { checkNames } from './names-check.ts';
import { checkNumbers } from './numbers-check.ts';
import { splitSentences } from './text-tools.ts';
import type { Unit } from './unit.ts';

export interface FidelityInput {
  from: string;
  to: string;
  /** Body segments (HTML fragments), aligned one to one. */
  source: string[];
  target: string[];
  title?: { source: string; target: string };
  excerpt?: { source: string; target: string } | null;
  /** Glossary placeholders the engine did not return. */
  lostPlaceholders?: Array<{ segment: number | null; term: string }>;
  /** Terms mapped by the glossary are compared in their mapped form. */
  glossary?: GlossaryEntry[];
  /**
   * How the engine renders each source name said alone (name → rendering, as the orchestrator got
   * them through the same route): a name absent in every accepted form is lost. Without it, a name
   * said once and missing cannot be told from one the engine translated, and is only noted.
   */
  nameRenderings?: Record<string, string>;
  /** Bounds on translation length / source length, per pair ("en-es") or "*". */
  lengthRatio?: Record<string, { min: number; max: number }>;
}

const DEFAULT_RATIO: Record<string, { min: number; max: number }> = { '*': { min: 0.6, max: 1.9 } };

/** The fidelity gate: what differs between a source article and its translation, per segment. */
export function checkFidelity(input: FidelityInput): FidelityReport {
  const { from, to } = input;
  const units: Unit[] = [];
  const mapped = (input.glossary ?? []).filter((g) => (!g.from || g.from === from) && g.map?.[to]);
  const unit = (segment: number | null, label: string, s: string, t: string) => {
    const sourceText = htmlToText(s);
    const sourceMapped = mapped.reduce((text, g) => text.split(g.term).join(g.map![to]!), sourceText);
    units.push({ segment, label, sourceHtml: s, targetHtml: t, sourceText, targetText: htmlToText(t), sourceMapped });
  };
  if (input.title) unit(null, 'title: ', input.title.source, input.title.target);
  if (input.excerpt) unit(null, 'excerpt: ', input.excerpt.source, input.excerpt.target);
  const aligned = input.source.length === input.target.length;
  if (aligned) input.source.forEach((s, i) => unit(i, '', s, input.target[i]!));
  else unit(null, 'article: ', input.source.join('\n'), input.target.join('\n'));

  const findings: Finding[] = [];
  if (!aligned) {
    findings.push({ check: 'paragraphs', severity: 'error', segment: null, source: null, target: null, detail: `${input.source.length} paragraphs in the source, ${input.target.length} in the translation` });
  }
  for (const p of input.lostPlaceholders ?? []) {
    findings.push({ check: 'placeholders', severity: 'error', segment: p.segment, source: p.term, target: null, detail: `the engine dropped the placeholder for "${p.term}"` });
  }
  const body = units.filter((u) => u.segment !== null);
  findings.push(...checkNumbers(units, from, to));
  findings.push(...checkDates(units, from, to));
  findings.push(...checkGluedWords(units));
  const renderings = input.nameRenderings ? new Map(Object.entries(input.nameRenderings).map(([k, v]) => [k.toLowerCase(), v])) : undefined;
  findings.push(...checkNames(units, from, to, renderings));
  findings.push(...checkSentences(body, from, to, ratioBounds(input, from, to)));
  findings.push(...checkMarkup(body));
  findings.push(...checkLanguage(units, body, from, to));
  findings.push(...checkChrome(units));
  return { ok: !findings.some((f) => f.severity === 'error'), findings };
}

function ratioBounds(input: FidelityInput, from: string, to: string) {
  const table = { ...DEFAULT_RATIO, ...input.lengthRatio };
  return table[`${from}-${to}`] ?? table['*']!;
}

/** Sentence counts and lengths: a dropped sentence shortens its paragraph against the others. */
function checkSentences(units: Unit[], from: string, to: string, bounds: { min: number; max: number }): Finding[] {
  const findings: Finding[] = [];
  const srcLen = units.reduce((n, u) => n + u.sourceText.length, 0);
  const tgtLen = units.reduce((n, u) => n + u.targetText.length, 0);
  const ratio = srcLen ? tgtLen / srcLen : 1;
  if (srcLen > 200 && (ratio < bounds.min || ratio > bounds.max)) {
    findings.push({ check: 'length', severity: 'error', segment: null, source: null, target: null, detail: `translation is ${ratio.toFixed(2)}× the source length; ${from}-${to} expects ${bounds.min}–${bounds.max}` });
  }
  for (const u of units) {
    const s = splitSentences(u.sourceText).length;
    const t = splitSentences(u.targetText).length;
    const rel = u.sourceText.length ? u.targetText.length / u.sourceText.length / ratio : 1;
    const long = u.sourceText.length >= 40;
    if (t < s) {
      // Engines merge and split sentences; only a shorter paragraph says one went missing.
      findings.push({ check: 'sentences', severity: rel < 0.8 ? 'error' : rel < 0.93 ? 'warning' : 'info', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${s} sentence(s) in the source, ${t} in the translation${rel < 0.8 ? ' and the paragraph is much shorter' : ''}` });
    } else if (t > s && rel > 1.35) {
      findings.push({ check: 'sentences', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${s} sentence(s) in the source, ${t} in the translation, and the paragraph is much longer` });
    } else if (long && (rel < 0.55 || rel > 1.7)) {
      findings.push({ check: 'length', severity: 'warning', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `paragraph length is ${rel.toFixed(2)}× what the rest of the article suggests` });
    }
  }
  return findings;
}

/** Inline markup (links, emphasis) comes back: the same tags, as many of each. */
function checkMarkup(units: Unit[]): Finding[] {
  const findings: Finding[] = [];
  for (const u of units) {
    const s = tagCounts(u.sourceHtml);
    const t = tagCounts(u.targetHtml);
    const diff = [...new Set([...s.keys(), ...t.keys()])].filter((k) => s.get(k) !== t.get(k));
    if (diff.length) {
      findings.push({ check: 'markup', severity: 'error', segment: u.segment, source: u.sourceHtml, target: u.targetHtml, detail: `markup differs: ${diff.map((k) => `<${k}> ${s.get(k) ?? 0}→${t.get(k) ?? 0}`).join(', ')}` });
    }
  }
  return findings;
}

function tagCounts(html: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)) m.set(t[1]!.toLowerCase(), (m.get(t[1]!.toLowerCase()) ?? 0) + 1);
  return m;
}

/** Source-language text left behind, per paragraph, and the article as a whole in the target language. */
function checkLanguage(units: Unit[], body: Unit[], from: string, to: string): Finding[] {
  const findings: Finding[] = [];
  const bodyCounts: FunctionWordCounts[] = [];
  for (const u of units) {
    // URLs, handles and e-mail addresses are in no language.
    const text = MAYBE_ADDRESS_RE.test(u.targetText) ? u.targetText.replace(ADDRESS_RE, ' ') : u.targetText;
    const counts = latinWordCounts(text);
    if (counts && u.segment !== null) bodyCounts.push(counts);
    if ((counts ? counts.longWords : (text.match(/\p{L}{2,}/gu) ?? []).length) < 6) continue;
    const guess = counts ? guessFromCounts(counts) : identifyLanguage(text);
    if (languageMargin(guess, from, to) > 0.04 && guess.lang === from) {
      findings.push({ check: 'untranslated', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}this paragraph is still in ${from}` });
    }
  }
  // The article as a whole: the paragraphs' counts added up, unless some are in another script.
  const all = body.map((u) => u.targetText).join(' ');
  const guess = bodyCounts.length === body.length ? guessFromCounts(addCounts(bodyCounts)) : identifyLanguage(all);
  // Flagged only when another language beats the target: languages of one script tie.
  if (all.split(/\s+/).length >= 20 && guess.lang !== null && guess.lang !== to && guess.scores[to] !== undefined && languageMargin(guess, guess.lang, to) > 0) {
    findings.push({ check: 'language', severity: 'error', segment: null, source: null, target: null, detail: `the translation reads as ${guess.lang}, not ${to}` });
  }
  return findings;
}

const ADDRESS_RE = /\b(?:https?:\/\/|www\.)\S+|[@#]\w+|\S+@\S+|\S+\.(?:com|org|net)\b/g;
/** Cheap test first: the address pattern backtracks at every position of a long paragraph. */
const MAYBE_ADDRESS_RE = /[@#]|https?:\/\/|www\.|\.(?:com|org|net)\b/;
