import type { Config } from '../../config/schema.ts';
import { checkEngines, type EngineCheck } from '../../translate/check-engines.ts';

export interface EngineState {
  name: string;
  kind: string;
  state: 'up' | 'down' | 'unknown' | 'checking';
  dailyCharBudget: number | null;
  costPerMillionChars: number | null;
}

interface Cached { at: number; check: EngineCheck | null; running: Promise<void> | null }
const cache = new WeakMap<Config, Cached>();
const FRESH_MS = 60_000;

/**
 * The engines as the start-up check sees them (`apertium -l`, a remote engine's languages), at
 * most once a minute: an older answer is shown while a new one is made, and a first look waits
 * up to `waitMs` for it (a loaded machine forks Apertium slowly; the page must not hang on it).
 */
export async function engineStates(config: Config, waitMs = 1500): Promise<{ engines: EngineState[]; problems: string[] }> {
  let c = cache.get(config);
  if (!c) cache.set(config, (c = { at: 0, check: null, running: null }));
  const entry = c;
  if (Date.now() - entry.at > FRESH_MS && !entry.running) {
    const sources = config.sources.flatMap((s) => (s.lang ? [s.lang] : []));
    entry.running = checkEngines({ engines: config.translation.engines, chains: config.translation.chains, targets: config.site.languages, sources })
      .then((check) => {
        entry.check = check;
        entry.at = Date.now();
      }, () => undefined)
      .finally(() => (entry.running = null));
  }
  if (!entry.check && entry.running) await Promise.race([entry.running, new Promise((r) => setTimeout(r, waitMs).unref())]);
  const check = entry.check;
  const engines = Object.entries(config.translation.engines).map(([name, e]): EngineState => ({
    name,
    kind: e.kind,
    state: !check ? 'checking' : check.problems.some((p) => p.startsWith(`translation.engines.${name}:`)) ? 'down' : check.unknown.includes(name) ? 'unknown' : 'up',
    dailyCharBudget: e.dailyCharBudget ?? null,
    costPerMillionChars: e.costPerMillionChars ?? null,
  }));
  return { engines, problems: check?.problems ?? [] };
}
