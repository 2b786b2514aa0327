/** The port every translation engine implements; the orchestrator owns everything else. */
export interface EngineLimits {
  /** Most segments in one `translate` call. */
  maxBatchSegments: number;
  /** Most characters in one `translate` call. */
  maxBatchChars: number;
  /** Calls per second, or null for unthrottled. */
  requestsPerSecond: number | null;
  /** Characters per UTC day, or null for no budget. */
  dailyCharBudget: number | null;
}

/** Words of one segment as the engine looked them up: source lemma → the target lemmas it chose. */
export type Lexicon = Array<{ source: string; targets: string[] }>;

/** A segment's lexicon, read when first asked for: most segments' are never needed. */
export type LexiconSource = () => Lexicon;

export type NameReading = 'proper' | 'common' | 'mixed' | 'unknown';

export interface LanguagePair {
  from: string;
  to: string;
}

export interface TranslationEngine {
  readonly name: string;
  /** Identifies the engine's output: the translation memory is keyed by it. */
  version(): Promise<string>;
  pairs(): Promise<LanguagePair[]>;
  /**
   * Segments are HTML fragments with inline markup (and glossary placeholders `<x id="g0"/>`);
   * the result has one fragment per segment, in order.
   */
  translate(segments: string[], from: string, to: string): Promise<string[]>;
  /**
   * Like translate, plus each segment's lexicon: what its words became, as the engine chose them
   * in context. The fidelity gate takes its name renderings from it instead of asking the engine
   * about each name again. Only engines that can tell (Apertium's bilingual stage); a null
   * lexicon means this segment has none.
   */
  translateWithLexicon?(segments: string[], from: string, to: string): Promise<{ texts: string[]; lexicons: Array<LexiconSource | null> }>;
  /**
   * How the engine reads each phrase (a run of capitalized words): `proper` when it knows it as a
   * name (London → Londres is its to give), `common` when it would translate some word of it as
   * an ordinary word (Trump → Triunfo), `mixed` when it knows a word both ways (Will, Grace),
   * `unknown` when it knows none of it and copies it as it is. The orchestrator keeps `common`
   * and `mixed` ones from the engine, by its rules (repair/prepare-units.ts). Only engines that can tell (Apertium's
   * morphological analyser); others are trusted with names.
   */
  nameReadings?(phrases: string[], from: string, to: string): Promise<NameReading[]>;
  readonly limits: EngineLimits;
  /** List price in money units per million characters, null when free or unknown. */
  readonly costPerMillionChars: number | null;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxBatchSegments: 50,
  maxBatchChars: 30_000,
  requestsPerSecond: null,
  dailyCharBudget: null,
};

export function pairKey(from: string, to: string): string {
  return `${from}-${to}`;
}
