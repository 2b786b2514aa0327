import { PermanentError } from '../domain/errors.ts';
import type { EngineLimits, TranslationEngine } from './engine.ts';
import { enginesConfigSchema, type EngineConfig, type EnginesConfig } from './engine-config.ts';
import { createApertiumEngine } from './engines/apertium/apertium-engine.ts';
import { createDeepLEngine } from './engines/deepl/deepl-engine.ts';
import { createGoogleEngine } from './engines/google/google-engine.ts';
import { createLibreTranslateEngine } from './engines/libretranslate/libretranslate-engine.ts';
import { createOpenAiEngine } from './engines/openai/openai-engine.ts';

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
  const common = { name, apiKey: c.apiKey, fetch: deps.fetch, limits, timeoutMs: c.timeoutMs, costPerMillionChars: c.costPerMillionChars };
  switch (c.kind) {
    case 'apertium':
      return createApertiumEngine({ name, dataDir: c.dataDir, modes: c.modes, limits, timeoutMs: c.timeoutMs });
    case 'libretranslate':
      return createLibreTranslateEngine({ ...common, url: need(name, 'url', c.url) });
    case 'deepl':
      return createDeepLEngine({ ...common, apiKey: need(name, 'apiKey', c.apiKey), plan: c.plan, url: c.url });
    case 'google':
      return createGoogleEngine({ ...common, apiKey: need(name, 'apiKey', c.apiKey), url: c.url });
    case 'openai':
      return createOpenAiEngine({ ...common, url: c.url, model: need(name, 'model', c.model), languages: c.languages });
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

function need(engine: string, field: string, value: string | undefined): string {
  if (!value) throw new PermanentError(`translate: engine "${engine}" needs ${field}`, 'translate.config');
  return value;
}
