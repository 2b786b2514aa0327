/** The translate stage: engines, the orchestrator and the fidelity gate. */
export type { EngineLimits, LanguagePair, Lexicon, LexiconSource, TranslationEngine } from './engine.ts';
export { DEFAULT_LIMITS, pairKey } from './engine.ts';
export {
  chainsConfigSchema, engineConfigSchema, enginesConfigSchema, glossaryEntrySchema, glossarySchema,
  type ChainsConfig, type EngineConfig, type EnginesConfig, type GlossaryEntry,
} from './engine-config.ts';
export { createEngine, createEngines, type EngineDeps } from './create-engines.ts';
export { createTranslator, type ArticleInput, type RenderNamesOptions, type TranslateOptions, type Translator, type TranslatorOptions } from './translator.ts';
export type { EngineAlert, RunnerOptions } from './engine-runner.ts';
export { createInMemoryTranslationMemory, hashSegment, memoryKeyId, type MemoryEntry, type MemoryKey, type TranslationMemory } from './memory.ts';
export { checkFidelity, type FidelityInput } from './fidelity/check-fidelity.ts';
export { identifyLanguage } from './lang-id.ts';
export { segmentHtml, joinSegments } from './segmenter.ts';
