import { z } from 'zod';

/** Per-engine throttles: the orchestrator, not the engine, enforces them. */
const limitsSchema = {
  /** Most segments sent in one call. */
  maxBatchSegments: z.number().int().positive().optional(),
  /** Most characters sent in one call. */
  maxBatchChars: z.number().int().positive().optional(),
  /** Calls per second (token bucket). */
  requestsPerSecond: z.number().positive().optional(),
  /** Characters per UTC day; past it the engine is skipped in its chains. */
  dailyCharBudget: z.number().int().positive().optional(),
  /** Overrides the engine's list price, in money units per million characters. */
  costPerMillionChars: z.number().nonnegative().optional(),
  timeoutMs: z.number().int().positive().optional(),
};

export const engineConfigSchema = z.strictObject({
  kind: z.enum(['apertium', 'libretranslate', 'deepl', 'google', 'openai']),
  url: z.string().url().optional(),
  apiKey: z.string().optional(),
  model: z.string().optional(),
  /** DeepL: 'free' | 'pro' picks the endpoint when no url is given. */
  plan: z.enum(['free', 'pro']).optional(),
  /** OpenAI-compatible: the languages offered (every pair among them). */
  languages: z.array(z.string()).optional(),
  /** Apertium: data directory with modes/ (defaults to the Debian one). */
  dataDir: z.string().optional(),
  /** Apertium: restrict to these pairs ("eng-spa"); default: every installed mode. */
  modes: z.array(z.string()).optional(),
  ...limitsSchema,
});
export type EngineConfig = z.infer<typeof engineConfigSchema>;

export const enginesConfigSchema = z
  .record(z.string(), engineConfigSchema)
  .default({ apertium: { kind: 'apertium' } });
export type EnginesConfig = z.infer<typeof enginesConfigSchema>;

/** Engine chain per pair, "en-es": ["apertium", "deepl"]; "*" applies to every pair. */
export const chainsConfigSchema = z
  .record(z.string(), z.array(z.string()).min(1))
  .default({ 'en-es': ['apertium'] });
export type ChainsConfig = z.infer<typeof chainsConfigSchema>;

/**
 * A glossary entry: `term` in language `from` (or any) is kept as is, or mapped per target
 * language ("Nagorno-Karabakh" → es "Nagorno Karabaj"). Protected from the engine by a placeholder.
 */
export const glossaryEntrySchema = z.strictObject({
  term: z.string().min(1),
  from: z.string().optional(),
  /** Target language → rendering; a language absent here keeps the term as is. */
  map: z.record(z.string(), z.string()).default({}),
  caseSensitive: z.boolean().default(true),
});
export type GlossaryEntry = z.input<typeof glossaryEntrySchema>;
export const glossarySchema = z.array(glossaryEntrySchema).default([]);
