import { PermanentError } from '../domain/errors.ts';
import type { TranslationEngine } from './engine.ts';

export interface Leg {
  engine: TranslationEngine;
  from: string;
  to: string;
}
export type Route = Leg[];

const PIVOTS = ['en', 'es'];

/**
 * The routes for a pair, best first. A chain step is `name` (direct), `name@es` (pivot through es
 * with one engine) or `a@es>b` (a to the pivot, b from it). With no chain for the pair, every
 * engine that has it directly, then pivots through English and Spanish.
 */
export async function resolveRoutes(
  engines: Map<string, TranslationEngine>,
  chains: Record<string, string[]>,
  from: string,
  to: string,
): Promise<Route[]> {
  const chain = chains[`${from}-${to}`] ?? chains['*'];
  const supports = async (e: TranslationEngine, a: string, b: string) => {
    // An engine that cannot list its pairs right now (down) stays in the chain: it may recover.
    const pairs = await e.pairs().catch(() => null);
    return pairs === null || pairs.some((p) => p.from === a && p.to === b);
  };
  const get = (name: string) => {
    const e = engines.get(name);
    if (!e) throw new PermanentError(`translate: chain for ${from}-${to} names unknown engine "${name}"`, 'translate.unknown_engine');
    return e;
  };
  const routes: Route[] = [];
  if (chain) {
    for (const step of chain) {
      const m = /^([^@>]+)(?:@([a-z]{2,3})(?:>(.+))?)?$/.exec(step.trim());
      if (!m) throw new PermanentError(`translate: bad chain step "${step}"`, 'translate.bad_chain');
      const [, first, pivot, second] = m as unknown as [string, string, string | undefined, string | undefined];
      const route: Route = pivot
        ? [{ engine: get(first), from, to: pivot }, { engine: get(second ?? first), from: pivot, to }]
        : [{ engine: get(first), from, to }];
      if ((await Promise.all(route.map((l) => supports(l.engine, l.from, l.to)))).every(Boolean)) routes.push(route);
    }
    return routes;
  }
  for (const e of engines.values()) if (await supports(e, from, to)) routes.push([{ engine: e, from, to }]);
  for (const pivot of PIVOTS.filter((p) => p !== from && p !== to)) {
    for (const a of engines.values()) {
      if (!(await supports(a, from, pivot))) continue;
      for (const b of engines.values()) if (await supports(b, pivot, to)) routes.push([{ engine: a, from, to: pivot }, { engine: b, from: pivot, to }]);
    }
  }
  return routes;
}

export function routeLabel(route: Route): string {
  return route.map((l) => l.engine.name).join('>');
}
