export type Severity = 'info' | 'warning' | 'error';

/** One thing the fidelity gate found: which segment, and what differs. */
export interface Finding {
  check: string;
  severity: Severity;
  /** Index of the segment (block) in the article, or null for article-wide findings. */
  segment: number | null;
  source: string | null;
  target: string | null;
  detail: string;
}

export interface FidelityReport {
  ok: boolean;
  findings: Finding[];
}

export type Verdict = 'publish' | 'publish-flagged' | 'hold';

export interface TranslationCost {
  engine: string;
  characters: number;
  /** Characters served from the translation memory, never sent to an engine. */
  memoryCharacters: number;
  memoryHits: number;
  segments: number;
  money: number | null;
}

export interface TranslatedArticle {
  lang: string;
  title: string;
  excerpt: string | null;
  html: string;
  text: string;
  /** The lead image's caption in `lang`; null when the source had none (absent: made before captions were translated). */
  imageCaption?: string | null;
  /** Engine chain that produced it, e.g. `apertium` or `apertium>deepl` for a pivot. */
  engine: string;
  engineVersion: string;
  checks: FidelityReport;
  /**
   * What the gate accepted for each name the translation lacks as written (the engine's own
   * rendering, e.g. Trump → Triunfo): the evidence behind `checks` for the names. Not stored.
   */
  nameRenderings: Record<string, string>;
  cost: TranslationCost;
}
