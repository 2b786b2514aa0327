import { PermanentError, ThrottledError, TransientError, TranswireError, errorMessage } from '../domain/errors.ts';
import type { FidelityReport, TranslatedArticle, TranslationCost } from '../domain/translation.ts';
import type { LexiconSource, TranslationEngine } from './engine.ts';
import type { GlossaryEntry } from './engine-config.ts';
import { EngineRunner, type EngineAlert, type RunnerOptions } from './engine-runner.ts';
import { checkFidelity } from './fidelity/check-fidelity.ts';
import { renderingsFromLexicons } from './fidelity/lexicon-renderings.ts';
import { nameCandidates, namesToRender } from './fidelity/names-check.ts';
import { prepareGlossary, restoreTerms, type PreparedGlossary } from './glossary.ts';
import { applyCognates, unknownCognates, type Cognate } from './repair/cognates.ts';
import { lowerAfterLeadingPlaceholder } from './repair/placeholder-case.ts';
import { restoreShouted } from './repair/shouted.ts';
import { oneSpelling } from './repair/spelling-variants.ts';
import { spanishUsage } from './repair/target-words.ts';
import { targetTypography } from './repair/target-typography.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { htmlToText } from './html-text.ts';
import { altTexts, withAltTexts } from './image-text.ts';
import { hashSegment, memoryKeyId, type MemoryKey, type TranslationMemory } from './memory.ts';
import { localizeNumbers } from './numbers.ts';
import { namesToProtect, prepareUnits, ReadingCache, wordsOnlyInside } from './repair/prepare-units.ts';
import { resolveRoutes, routeLabel, type Leg, type Route } from './routes.ts';
import { joinSegments, segmentHtml } from './segmenter.ts';

export interface TranslatorOptions {
  engines: Map<string, TranslationEngine>;
  /** Engine chain per pair, "en-es": ["apertium", "deepl"]; see resolveRoutes for pivots. */
  chains: Record<string, string[]>;
  memory: TranslationMemory;
  /** The glossary, or a function that gives one pair's on each article (the console edits it while the wire runs). */
  glossary?: GlossaryEntry[] | ((from: string, to: string) => Promise<GlossaryEntry[]>);
  runner?: RunnerOptions;
  onAlert?: (alert: EngineAlert) => void;
  lengthRatio?: Record<string, { min: number; max: number }>;
}

export interface ArticleInput {
  title: string;
  excerpt: string | null;
  /** Sanitized HTML of the body. */
  html: string;
  /** The lead image's caption (plain text; its alt text where the page had no caption). */
  imageCaption?: string | null;
}

export interface TranslateOptions {
  /** Overrides the configured chain for this call: a re-translation with another engine. */
  chain?: string[];
  /**
   * Asks the engines afresh: no answer from the memory (machine or human), whose entries this
   * translation replaces. An editor's "retranslate".
   */
  fresh?: boolean;
}

export interface RenderNamesOptions extends TranslateOptions {
  /**
   * The translations of `texts`: only the names they lack are rendered, as the gate needs them
   * (read from `lexicons`, the engine's lexicons of the pass that made them, where given).
   */
  targets?: string[];
  lexicons?: Array<LexiconSource | null>;
}

export interface Translator {
  translateArticle(input: ArticleInput, from: string, to: string, options?: TranslateOptions): Promise<TranslatedArticle>;
  canTranslate(from: string, to: string): Promise<boolean>;
  /**
   * How the engine chain renders each name of these plain texts (name → rendering): what the
   * fidelity gate accepts for a name besides the name itself. Said alone, in one batched call
   * through the memory, unless `options.lexicons` already tell; {} when no engine answers.
   */
  renderNames(texts: string[], from: string, to: string, options?: RenderNamesOptions): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The orchestrator: segments, glossary, memory, engine chain with fallback and pivot, fidelity. */
export function createTranslator(opts: TranslatorOptions): Translator {
  // Compiled once per pair and list: a glossary function returns the same list until it changes.
  const prepared = new Map<string, { list: GlossaryEntry[]; terms: PreparedGlossary }>();
  const glossaryFor = async (from: string, to: string) => {
    const list = typeof opts.glossary === 'function' ? await opts.glossary(from, to) : (opts.glossary ?? []);
    let g = prepared.get(`${from}-${to}`);
    if (!g || g.list !== list) prepared.set(`${from}-${to}`, (g = { list, terms: prepareGlossary(list, from, to) }));
    return g;
  };
  const readings = new ReadingCache();
  const runners = new Map<string, EngineRunner>();
  const runner = (e: TranslationEngine) => {
    let r = runners.get(e.name);
    if (!r) runners.set(e.name, (r = new EngineRunner(e, { ...opts.runner, onAlert: opts.onAlert ?? opts.runner?.onAlert })));
    return r;
  };

  /**
   * One leg through memory then engine; returns translations, and each unit's lexicon where the
   * engine just gave one (`how` = lexicon; null for memory hits), and adds what it cost.
   */
  async function runLeg(leg: Leg, units: string[], cost: TranslationCost, how: LegMode = 'text', fresh = false): Promise<LegResult> {
    const version = await leg.engine.version();
    const keys: MemoryKey[] = units.map((u) => ({ hash: hashSegment(u), from: leg.from, to: leg.to, engine: leg.engine.name, engineVersion: version }));
    const found = fresh ? new Map<string, string>() : await opts.memory.get(uniqueKeys(keys));
    const out: Array<string | undefined> = keys.map((k, i) => (units[i]!.trim() === '' ? units[i] : found.get(memoryKeyId(k))));
    const missIdx: number[] = [];
    const missText = new Map<string, number>(); // the same segment twice in one article is sent once
    units.forEach((u, i) => {
      if (u.trim() === '') return;
      if (out[i] !== undefined) {
        cost.memoryHits++;
        cost.memoryCharacters += u.length;
      } else if (!missText.has(u)) {
        missText.set(u, missIdx.length);
        missIdx.push(i);
      }
    });
    const sent = missIdx.map((i) => units[i]!);
    const r = how === 'packed'
      ? { texts: await translatePacked(runner(leg.engine), sent, leg.from, leg.to), lexicons: [] }
      : await runner(leg.engine).translateWithLexicon(sent, leg.from, leg.to, how === 'lexicon');
    const translated = r.texts;
    const chars = sent.reduce((n, s) => n + s.length, 0);
    cost.characters += chars;
    if (leg.engine.costPerMillionChars !== null) cost.money = (cost.money ?? 0) + (chars / 1e6) * leg.engine.costPerMillionChars;
    await opts.memory.put(missIdx.map((i, j) => ({ ...keys[i]!, source: units[i]!, target: translated[j]! })));
    return {
      texts: units.map((u, i) => out[i] ?? translated[missText.get(u)!]!),
      lexicons: units.map((u, i) => (out[i] === undefined ? (r.lexicons[missText.get(u)!] ?? null) : null)),
    };
  }

  /**
   * How the engine renders each name of the texts the translation lacks (all of them without
   * `targets`): read from the lexicons of the segments just translated where the engine gives
   * them, else each name translated alone through `route`. Null when the engine fails (the gate
   * then only notes lone losses).
   */
  async function nameRenderings(route: Route, texts: string[], from: string, to: string, cost: TranslationCost, targets?: string[], lexicons?: Array<LexiconSource | null>): Promise<Record<string, string> | null> {
    const wanted = targets ? namesToRender(texts, targets, from, to) : nameCandidates(texts, from, to);
    // A name the orchestrator keeps from the engine (Grace, Trump) is rendered as itself, whatever the engine makes of it alone.
    const kept = wanted.length > 0 ? await protectedWords(route, texts, from) : new Set<string>();
    const own: Record<string, string> = Object.fromEntries(wanted.filter((n) => n.split(' ').every((w) => kept.has(w))).map((n) => [n, n]));
    const rest = wanted.filter((n) => own[n] === undefined);
    const found = lexicons ? renderingsFromLexicons(rest, lexicons, texts) : { renderings: {}, unresolved: rest };
    const known = { renderings: { ...own, ...found.renderings }, unresolved: found.unresolved };
    const names = known.unresolved;
    if (names.length === 0) return known.renderings;
    try {
      const alone = (await runRoute(route, names.map(escapeHtml), cost, 'packed')).texts.map((o) => htmlToText(o).trim());
      // A name the engine gives back unchanged is asked again in lower case: engines keep a
      // capitalized word alone they translate in a sentence (Apple → Apple, apple → manzana);
      // the gate accepts either. Few names need it, so it is a second, small call.
      const unchanged = names.filter((n, i) => alone[i] === n);
      const lower = (await runRoute(route, unchanged.map((n) => escapeHtml(n.toLowerCase())), cost, 'packed')).texts.map((o) => htmlToText(o).trim());
      const lowerOf = new Map(unchanged.map((n, i) => [n, lower[i]!]));
      return { ...known.renderings, ...Object.fromEntries(names.map((n, i) => [n, [...new Set([alone[i]!, lowerOf.get(n) ?? alone[i]!])].join(' | ')])) };
    } catch {
      return null;
    }
  }

  /**
   * The words prepareUnits keeps from the engine wherever these texts say them (on this route's
   * first leg): every time inside a protected name. "Space" of a kept "Space Station" is not one
   * where "Hubble Space Telescope" went to the engine. None when the engine cannot tell.
   */
  async function protectedWords(route: Route, texts: string[], from: string): Promise<Set<string>> {
    const names = await namesToProtect(texts, route[0]!.engine, from, route[0]!.to, readings).catch(() => []);
    return wordsOnlyInside(names, texts);
  }

  /** Units through every leg of the route; lexicons only from a one-leg route (a pivot's first leg names the pivot's words). */
  async function runRoute(route: Route, units: string[], cost: TranslationCost, how: LegMode = 'text', fresh = false): Promise<LegResult> {
    if (units.length === 0) return { texts: [], lexicons: [] };
    let cur: LegResult = { texts: units, lexicons: [] };
    for (const leg of route) cur = await runLeg(leg, cur.texts, cost, how === 'lexicon' && route.length > 1 ? 'text' : how, fresh);
    return cur;
  }

  return {
    async renderNames(texts, from, to, options = {}) {
      const chains = options.chain ? { ...opts.chains, [`${from}-${to}`]: options.chain } : opts.chains;
      const routes = await resolveRoutes(opts.engines, chains, from, to);
      const cost: TranslationCost = { engine: '', characters: 0, memoryCharacters: 0, memoryHits: 0, segments: 0, money: null };
      for (const route of routes) {
        const r = await nameRenderings(route, texts, from, to, cost, options.targets, options.lexicons);
        if (r) return r;
      }
      return {};
    },

    async canTranslate(from, to) {
      return (await resolveRoutes(opts.engines, opts.chains, from, to)).length > 0;
    },

    async translateArticle(input, from, to, options = {}) {
      const { segments, skeleton } = segmentHtml(input.html);
      // Images' alt texts ride along after the body: same memory, engine call, repairs and gate.
      // So does the lead image's caption, last: it is shown above the body, outside its HTML.
      const alts = altTexts(input.html);
      const caption = input.imageCaption?.trim() ? [escapeHtml(input.imageCaption)] : [];
      const imageSources = [...alts, ...caption];
      const sourceUnits = [escapeHtml(input.title), input.excerpt ? escapeHtml(input.excerpt) : '', ...segments, ...imageSources];
      const bodyEnd = 2 + segments.length;
      const { list: glossary, terms } = await glossaryFor(from, to);
      // A unit an editor translated before comes back as the editor wrote it, whatever the engine.
      const hashes = sourceUnits.map(hashSegment);
      const human = options.fresh || !opts.memory.human ? new Map<string, string>() : await opts.memory.human(hashes, from, to);
      const byEditor = (i: number) => (sourceUnits[i]!.trim() === '' ? undefined : human.get(hashes[i]!));
      const glossed = sourceUnits.map((u, i) => (byEditor(i) === undefined ? terms.protect(u) : { html: '', slots: [] }));
      const chains = options.chain ? { ...opts.chains, [`${from}-${to}`]: options.chain } : opts.chains;
      const routes = await resolveRoutes(opts.engines, chains, from, to);
      if (routes.length === 0) throw new PermanentError(`translate: no engine translates ${from}→${to}`, 'translate.no_pair');
      const errors: unknown[] = [];
      for (const route of routes) {
        const cost: TranslationCost = { engine: routeLabel(route), characters: 0, memoryCharacters: 0, memoryHits: 0, segments: sourceUnits.length, money: null };
        let raw: string[];
        let lexicons: Array<LexiconSource | null>;
        let prot: typeof glossed;
        let cognates = new Map<string, Cognate>();
        try {
          prot = await prepareUnits(glossed, route[0]!.engine, from, route[0]!.to, readings, to);
          // Words the engine will copy untranslated, written as their cognates after it (one leg: a pivot translates them on).
          if (route.length === 1) cognates = await unknownCognates(prot.map((p) => htmlToText(p.html)), route[0]!.engine, from, to, readings).catch(() => cognates);
          ({ texts: raw, lexicons } = await runRoute(route, prot.map((p) => p.html), cost, 'lexicon', options.fresh));
        } catch (err) {
          errors.push(err);
          continue;
        }
        const lost: Array<{ segment: number | null; term: string }> = [];
        const targetUnits = raw.map((t, i) => {
          const edited = byEditor(i);
          if (edited !== undefined) return edited;
          const r = restoreTerms(lowerAfterLeadingPlaceholder(t, prot[i]!.html), prot[i]!.slots);
          for (const m of r.missing) lost.push({ segment: i >= 2 && i < bodyEnd ? i - 2 : null, term: prot[i]!.slots[m]!.term });
          return applyCognates(tidy(localizeNumbers(restoreShouted(r.html), sourceUnits[i]!, from, to), to, htmlToText(sourceUnits[i]!)), cognates);
        });
        const body = targetUnits.slice(2, bodyEnd);
        const imageTargets = targetUnits.slice(bodyEnd);
        const altTargets = imageTargets.slice(0, alts.length);
        const found = await nameRenderings(route, sourceUnits.map(htmlToText), from, to, cost, targetUnits.map(htmlToText), lexicons);
        // A word the engine copied is rendered as the translation writes it after it (Pneumonic → Neumónico), not as copied.
        const nameRenderingsFound = found && cognates.size > 0 ? Object.fromEntries(Object.entries(found).map(([n, r]) => [n, applyCognates(r, cognates)])) : found;
        const versions = await Promise.all(route.map((l) => l.engine.version()));
        return {
          lang: to,
          title: htmlToText(targetUnits[0]!),
          excerpt: input.excerpt ? htmlToText(targetUnits[1]!) : null,
          html: withAltTexts(joinSegments(skeleton, body), altTargets),
          imageCaption: caption.length ? htmlToText(imageTargets[alts.length]!) : null,
          text: body.map(htmlToText).filter(Boolean).join('\n\n'),
          engine: cost.engine,
          engineVersion: versions.join(' > '),
          nameRenderings: nameRenderingsFound ?? {},
          checks: withImageChecks(checkFidelity({
            from, to, source: segments, target: body, lostPlaceholders: lost, lengthRatio: opts.lengthRatio, glossary,
            nameRenderings: nameRenderingsFound ?? undefined,
            title: { source: sourceUnits[0]!, target: targetUnits[0]! },
            excerpt: input.excerpt ? { source: sourceUnits[1]!, target: targetUnits[1]! } : null,
          }), imageSources.length === 0 ? null : checkFidelity({
            from, to, source: imageSources, target: imageTargets, lengthRatio: opts.lengthRatio, glossary, nameRenderings: nameRenderingsFound ?? undefined,
          })),
          cost,
        };
      }
      throw chainError(from, to, errors);
    },

    async close() {
      await Promise.all([...opts.engines.values()].map((e) => e.close()));
    },
  };
}

/**
 * The gate's findings on the images' alt texts and the lead caption joined to the article's: what they say (numbers,
 * names, dates, placeholders), not how short texts read as paragraphs (length, language).
 */
const IMAGE_CHECKS = new Set(['numbers', 'placeholders', 'dates', 'glued-words']);
function withImageChecks(report: FidelityReport, images: FidelityReport | null): FidelityReport {
  const extra = (images?.findings ?? []).filter((f) => IMAGE_CHECKS.has(f.check)).map((f) => ({ ...f, segment: null, detail: `image text: ${f.detail}` }));
  if (extra.length === 0) return report;
  return { ok: report.ok && !extra.some((f) => f.severity === 'error'), findings: [...report.findings, ...extra] };
}

/** text: translations only; lexicon: with each unit's lexicon where the engine gives one; packed: short phrases many to a segment. */
type LegMode = 'text' | 'lexicon' | 'packed';

interface LegResult {
  texts: string[];
  /** Per unit; empty when not asked for. */
  lexicons: Array<LexiconSource | null>;
}

const PACK_SEPARATOR = '<br>';
const PACK_MAX_CHARS = 2000;

/**
 * Short phrases (names said alone) sent many to a segment, each its own sentence: an engine call
 * per segment costs more than the words in it, so forty names cost a flush, not forty. A full
 * stop keeps the engine from reading two names as one phrase (Apertium renders "Apple." exactly
 * as "Apple" alone). A pack that comes back with another count of parts is sent one by one.
 */
async function translatePacked(runner: EngineRunner, phrases: string[], from: string, to: string): Promise<string[]> {
  const packs: string[][] = [[]];
  let size = 0;
  for (const p of phrases) {
    if (size + p.length > PACK_MAX_CHARS && packs.at(-1)!.length > 0) {
      packs.push([]);
      size = 0;
    }
    packs.at(-1)!.push(p);
    size += p.length + PACK_SEPARATOR.length + 1;
  }
  const sent = packs.filter((p) => p.length > 0).map((pack) => pack.map((p) => `${p}.`).join(PACK_SEPARATOR));
  const back = await runner.translate(sent, from, to);
  const out: string[] = [];
  for (const [i, pack] of packs.filter((p) => p.length > 0).entries()) {
    const parts = back[i]!.split(/\s*<br\s*\/?>\s*/i);
    if (parts.length === pack.length) out.push(...parts.map((t) => t.trim().replace(/\.$/, '')));
    else out.push(...(await runner.translate(pack, from, to)));
  }
  return out;
}

function uniqueKeys(keys: MemoryKey[]): MemoryKey[] {
  const seen = new Map<string, MemoryKey>();
  for (const k of keys) seen.set(memoryKeyId(k), k);
  return [...seen.values()];
}

/** Engines leave doubled spaces around the blanks they moved, the source's typography (see targetTypography) and some words (spanishUsage). */
function tidy(html: string, to: string, source: string): string {
  return spanishUsage(targetTypography(oneSpelling(html, source).replace(/[ \t]{2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim(), to, source), to, source);
}

/** Every route failed: the error whose retry policy fits best (wait if anyone asked us to). */
function chainError(from: string, to: string, errors: unknown[]): Error {
  const detail = errors.map(errorMessage).join('; ');
  const typed = errors.filter((e): e is TranswireError => e instanceof TranswireError);
  const throttled = typed.filter((e) => e.retry === 'throttled' && e.retryAt);
  if (throttled.length === errors.length && throttled.length > 0) {
    const at = Math.min(...throttled.map((e) => e.retryAt!.getTime()));
    return new ThrottledError(`translate: every engine for ${from}→${to} is throttled: ${detail}`, 'translate.throttled', new Date(at));
  }
  if (typed.length === errors.length && typed.every((e) => e.code === 'translate.no_pair')) {
    return new PermanentError(`translate: no engine translates ${from}→${to}: ${detail}`, 'translate.no_pair');
  }
  return new TransientError(`translate: every engine for ${from}→${to} failed: ${detail}`, 'translate.chain_failed', { cause: errors[0] });
}
