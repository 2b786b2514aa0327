import { PermanentError } from '../domain/errors.ts';
import type { EngineLimits, TranslationEngine } from './engine.ts';
import { enginesConfigSchema, type EngineConfig, type EnginesConfig } from './engine-config.ts';
import { createApertiumEngine } from './engines/apertium/apertium-engine.ts';

export interface EngineDeps {
  fetch?: typeof fetch;
}

/** Builds every configured engine; nothing starts until an engine is first used. */
export function createEngines(config: EnginesConfig | Record<string, unknown> = { apertium: { kind: 'apertium' } }, deps: EngineDeps = {}): Map<string, TranslationEngine> {
  const parsed = enginesConfigSchema.parse(config);
  const engines = new Map<string, TranslationEngine>();
  for (const [name, c] of Object.entries(parsed)) engines.set(name, createEngine(name, c, deps));
  return engines;
}

export function createEngine(name: string, c: EngineConfig, deps: EngineDeps = {}): TranslationEngine {
  const limits = limitsOf(c);
  switch (c.kind) {
    case 'apertium':
      return createApertiumEngine({ name, dataDir: c.dataDir, modes: c.modes, limits, timeoutMs: c.timeoutMs });
    default:
      throw new PermanentError(`translate: engine kind ${c.kind} is not available`, 'translate.unknown_engine');
  }
}

function limitsOf(c: EngineConfig): Partial<EngineLimits> {
  const l: Partial<EngineLimits> = {};
  if (c.maxBatchSegments) l.maxBatchSegments = c.maxBatchSegments;
  if (c.maxBatchChars) l.maxBatchChars = c.maxBatchChars;
  if (c.requestsPerSecond) l.requestsPerSecond = c.requestsPerSecond;
  if (c.dailyCharBudget) l.dailyCharBudget = c.dailyCharBudget;
  return l;
}
