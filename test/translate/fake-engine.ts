import { DEFAULT_LIMITS, type EngineLimits, type TranslationEngine } from '../../src/translate/engine.ts';

export interface FakeEngine extends TranslationEngine {
  calls: Array<{ segments: string[]; from: string; to: string }>;
}

/** An engine whose "translation" is a function; records every call. */
export function fakeEngine(
  name: string,
  pairs: string[],
  fn: (s: string, from: string, to: string) => string,
  opts: { limits?: Partial<EngineLimits>; cost?: number | null; fail?: () => Error | null } = {},
): FakeEngine {
  const calls: FakeEngine['calls'] = [];
  return {
    name,
    calls,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    costPerMillionChars: opts.cost ?? null,
    version: async () => `${name}-1`,
    pairs: async () => pairs.map((p) => ({ from: p.split('-')[0]!, to: p.split('-')[1]! })),
    async translate(segments, from, to) {
      calls.push({ segments, from, to });
      const err = opts.fail?.();
      if (err) throw err;
      return segments.map((s) => fn(s, from, to));
    },
    close: async () => undefined,
  };
}

/** A tiny word-for-word en→es dictionary, good enough for clean fidelity checks. */
const EN_ES: Record<string, string> = {
  the: 'el', said: 'dijo', that: 'que', and: 'y', was: 'fue', is: 'es', in: 'en', of: 'de', agency: 'agencia',
  russian: 'rusa', quoted: 'citó', as: 'como', saying: 'diciendo', peacekeepers: 'cascos azules', there: 'allí',
  russia: 'Rusia', maintains: 'mantiene', we: 'nosotros', say: 'decimos', if: 'si', it: 'eso', means: 'significa',
  they: 'ellos', managed: 'lograron', to: 'a', control: 'control', top: 'arriba', back: 'volver', for: 'para',
  news: 'noticias', a: 'una', truce: 'tregua', reached: 'alcanzado', has: 'ha', been: 'sido', were: 'fueron',
  killed: 'muertos', soldiers: 'soldados', this: 'esta', week: 'semana', over: 'sobre',
};
export function wordForWord(html: string): string {
  return html.replace(/(^|>)([^<]*)/g, (_, a: string, t: string) =>
    a + t.replace(/\p{L}+/gu, (w) => {
      const tr = EN_ES[w.toLowerCase()];
      if (!tr) return w;
      return w[0] === w[0]!.toUpperCase() && w.toLowerCase() !== w ? tr[0]!.toUpperCase() + tr.slice(1) : tr;
    }),
  );
}
