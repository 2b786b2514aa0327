import { PermanentError } from '../domain/errors.ts';
import { createEngines, type EngineDeps } from './create-engines.ts';
import type { LanguagePair, TranslationEngine } from './engine.ts';
import type { EnginesConfig } from './engine-config.ts';
import { toIso1 } from './engines/apertium/iso639.ts';
import { resolveRoutes } from './routes.ts';

/**
 * The Apertium language pairs Debian packages (`apt-cache search apertium-`; the transitional
 * dummy names left out). Each gives both directions as far as the pair data does.
 */
const DEBIAN_APERTIUM = [
  'afr-nld', 'arg-cat', 'bel-rus', 'br-fr', 'cat-ita', 'cat-srd', 'dan-nor', 'en-gl', 'eng-cat', 'eng-spa', 'eo-ca',
  'eo-en', 'eo-es', 'eo-fr', 'es-gl', 'es-pt', 'es-ro', 'eu-en', 'eu-es', 'fr-es', 'fra-cat', 'fra-frp', 'hbs-eng',
  'hbs-mkd', 'hbs-slv', 'ind-zlm', 'isl-eng', 'isl-swe', 'mkd-bul', 'mkd-eng', 'nno-nob', 'oc-ca', 'oc-es', 'oci-fra',
  'pol-szl', 'por-cat', 'pt-gl', 'rus-ukr', 'spa-arg', 'spa-ast', 'spa-cat', 'spa-ita', 'srd-ita', 'swe-dan', 'swe-nor', 'urd-hin',
];

const PIVOTS = ['en', 'es'];

export interface EngineCheckInput {
  engines: EnginesConfig;
  chains: Record<string, string[]>;
  /** The site's languages: every one must be reachable from every source language. */
  targets: string[];
  /** Languages the sources are declared in; with none, English (what most feeds are). */
  sources: string[];
  deps?: EngineDeps;
  /** Longest an engine may take to list its pairs (a remote one): past it, it counts as unknown. */
  probeTimeoutMs?: number;
}

export interface EngineCheck {
  ok: boolean;
  /** One sentence each, naming the setting to change or the package to install. */
  problems: string[];
  /** Each pair checked and the routes found for it (`apertium`, `apertium>deepl`). */
  pairs: Array<{ from: string; to: string; routes: string[] }>;
  /** Engines that could not list their pairs (a remote one down): assumed able, as the chains do. */
  unknown: string[];
}

/** The Debian package that holds from↔to, if any. */
export function apertiumPackage(from: string, to: string): string | null {
  for (const pair of DEBIAN_APERTIUM) {
    const [a, b] = pair.split('-').map(toIso1) as [string, string];
    if ((a === from && b === to) || (a === to && b === from)) return `apertium-${pair}`;
  }
  return null;
}

/** What to install so that Apertium translates from→to, directly or through a pivot. */
export function apertiumFix(from: string, to: string, installed: LanguagePair[]): { packages: string[]; via: string | null } | null {
  const has = (a: string, b: string) => installed.some((p) => p.from === a && p.to === b);
  const direct = apertiumPackage(from, to);
  if (direct) return { packages: [direct], via: null };
  for (const pivot of PIVOTS.filter((p) => p !== from && p !== to)) {
    const first = has(from, pivot) ? null : apertiumPackage(from, pivot);
    const second = has(pivot, to) ? null : apertiumPackage(pivot, to);
    if ((has(from, pivot) || first) && (has(pivot, to) || second)) {
      return { packages: [first, second].filter((p): p is string => p !== null), via: pivot };
    }
  }
  return null;
}

/** Lists each engine's pairs once, with a deadline; null for an engine that could not tell. */
async function probe(engines: Map<string, TranslationEngine>, timeoutFor: (name: string) => number): Promise<Map<string, { pairs: LanguagePair[] | null; error: string | null }>> {
  const out = new Map<string, { pairs: LanguagePair[] | null; error: string | null }>();
  await Promise.all([...engines].map(async ([name, engine]) => {
    const timeoutMs = timeoutFor(name);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      out.set(name, { pairs: await Promise.race([engine.pairs(), late]), error: null });
    } catch (err) {
      out.set(name, { pairs: null, error: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }));
  return out;
}

/**
 * Checks at start what would otherwise fail article by article in the job logs: every chain
 * names engines that exist, Apertium is installed where it is configured, and every site
 * language is reachable from every source language by some route (direct, chain or pivot).
 * The Apertium probe is `apertium -l` (the installed modes); a remote engine is asked its
 * languages once, and one that does not answer is taken as able (the chains do the same).
 */
export async function checkEngines(input: EngineCheckInput): Promise<EngineCheck> {
  const problems: string[] = [];
  const engines = createEngines(input.engines, input.deps);
  try {
    const kinds = new Map(Object.entries(input.engines).map(([name, c]) => [name, c.kind]));
    // A remote engine that is slow to answer is taken as able, so its wait is short; `apertium -l`
    // is local and its absence is final, so it gets the time a loaded machine needs to fork it.
    const probed = await probe(engines, (name) =>
      input.probeTimeoutMs ?? (kinds.get(name) === 'apertium' ? 30_000 : 5000));
    const unknown: string[] = [];
    for (const [name, p] of probed) {
      if (p.pairs) continue;
      if (kinds.get(name) === 'apertium') {
        problems.push(`translation.engines.${name}: Apertium does not answer (${p.error}); install it: apt-get install -y apertium apertium-eng-spa`);
      } else unknown.push(name);
    }
    // The routes as the translator will resolve them, with each engine's pairs as probed.
    const known = new Map([...engines].map(([name, e]) => [name, {
      ...e,
      name,
      pairs: async () => {
        const p = probed.get(name)!;
        if (p.pairs) return p.pairs;
        throw new Error(p.error ?? 'unknown');
      },
    } as TranslationEngine]));
    const sources = input.sources.length ? [...new Set(input.sources)] : ['en'];
    const wanted: Array<[string, string]> = [];
    for (const key of Object.keys(input.chains)) {
      const m = /^([a-z]{2,3})-([a-z]{2,3})$/.exec(key);
      if (m) wanted.push([m[1]!, m[2]!]);
      else if (key !== '*') problems.push(`translation.chains["${key}"]: not a language pair (write "en-es", or "*" for every pair)`);
    }
    for (const from of sources) for (const to of input.targets) if (from !== to) wanted.push([from, to]);
    const seen = new Set<string>();
    const pairs: EngineCheck['pairs'] = [];
    for (const [from, to] of wanted) {
      const key = `${from}-${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let routes: string[];
      try {
        routes = (await resolveRoutes(known, input.chains, from, to)).map((r) => r.map((l) => l.engine.name).join('>'));
      } catch (err) {
        const chainKey = input.chains[key] ? key : '*';
        problems.push(`translation.chains["${chainKey}"]: ${(err as Error).message.replace(/^translate: /, '')} (configured engines: ${[...engines.keys()].join(', ') || 'none'})`);
        continue;
      }
      pairs.push({ from, to, routes });
      if (routes.length === 0) problems.push(noRoute(from, to, input, probed, kinds));
    }
    return { ok: problems.length === 0, problems, pairs, unknown };
  } finally {
    await Promise.all([...engines.values()].map((e) => e.close().catch(() => undefined)));
  }
}

function noRoute(from: string, to: string, input: EngineCheckInput, probed: Map<string, { pairs: LanguagePair[] | null }>, kinds: Map<string, string>): string {
  const key = `${from}-${to}`;
  const chainKey = input.chains[key] ? key : input.chains['*'] ? '*' : null;
  const named = chainKey ? input.chains[chainKey]!.map((s) => s.split(/[@>]/)[0]!.trim()) : [...kinds.keys()];
  const apertium = named.find((n) => kinds.get(n) === 'apertium');
  const why = input.targets.includes(to) ? ` (site.languages has "${to}")` : ` (translation.chains has "${key}")`;
  const fixes: string[] = [];
  if (apertium) {
    const fix = apertiumFix(from, to, probed.get(apertium)?.pairs ?? []);
    if (fix?.packages.length) {
      const through = fix.via ? `, then ${from}→${to} goes through ${fix.via}${chainKey ? ` (chain step "${apertium}@${fix.via}" in translation.chains["${key}"])` : ''}` : '';
      fixes.push(`install the Apertium data: apt-get install -y ${fix.packages.join(' ')}${through}`);
    }
  }
  const none = apertium && !apertiumFix(from, to, []) ? `no Apertium package translates ${from}→${to}, so ` : '';
  fixes.push(`${none}name an engine that translates ${from}→${to} (deepl, google, libretranslate, openai) in translation.chains["${key}"]`);
  if (input.targets.includes(to)) fixes.push(`remove "${to}" from site.languages`);
  return `translation: no engine translates ${from}→${to}${why}: ${fixes.join('; or ')}`;
}

/** The error start refuses with: one line, every problem in it. */
export function engineCheckError(check: EngineCheck): PermanentError {
  return new PermanentError(check.problems.join(' | '), 'translate.config');
}
