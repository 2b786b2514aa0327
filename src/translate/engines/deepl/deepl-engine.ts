import { DEFAULT_LIMITS, type EngineLimits, type LanguagePair, type TranslationEngine } from '../../engine.ts';
import { httpJson, trimSlash } from '../http-call.ts';

export interface DeepLOptions {
  name?: string;
  apiKey: string;
  /** Default: free when the key ends in ":fx", as DeepL issues them. */
  plan?: 'free' | 'pro';
  url?: string;
  fetch?: typeof fetch;
  limits?: Partial<EngineLimits>;
  costPerMillionChars?: number | null;
  timeoutMs?: number;
}

// DeepL wants a variant for these targets.
const TARGET_VARIANT: Record<string, string> = { en: 'EN-US', pt: 'PT-PT', zh: 'ZH-HANS' };

/** DeepL API v2: `Authorization: DeepL-Auth-Key`, up to 50 texts, `tag_handling=html`; 456 = quota. */
export function createDeepLEngine(o: DeepLOptions): TranslationEngine {
  const plan = o.plan ?? (o.apiKey.endsWith(':fx') ? 'free' : 'pro');
  const base = trimSlash(o.url ?? (plan === 'free' ? 'https://api-free.deepl.com' : 'https://api.deepl.com'));
  const name = o.name ?? 'deepl';
  const f = o.fetch ?? fetch;
  const headers = { authorization: `DeepL-Auth-Key ${o.apiKey}` };
  let pairs: Promise<LanguagePair[]> | null = null;
  const langs = (type: string) =>
    httpJson<Array<{ language: string }>>({ engine: name, fetch: f, url: `${base}/v2/languages?type=${type}`, headers }).then((l) =>
      [...new Set(l.map((x) => x.language.split('-')[0]!.toLowerCase()))],
    );
  return {
    name,
    limits: { ...DEFAULT_LIMITS, maxBatchSegments: 50, maxBatchChars: 100_000, ...o.limits },
    costPerMillionChars: o.costPerMillionChars ?? (plan === 'free' ? 0 : 25),
    version: async () => `deepl-${plan} v2`,
    pairs: () =>
      (pairs ??= Promise.all([langs('source'), langs('target')])
        .then(([src, tgt]) => src.flatMap((from) => tgt.filter((to) => to !== from).map((to) => ({ from, to }))))
        .catch((err: unknown) => {
          pairs = null;
          throw err;
        })),
    async translate(segments, from, to) {
      if (segments.length === 0) return [];
      const res = await httpJson<{ translations: Array<{ text: string }> }>({
        engine: name, fetch: f, url: `${base}/v2/translate`, headers, timeoutMs: o.timeoutMs,
        body: { text: segments, source_lang: from.toUpperCase(), target_lang: TARGET_VARIANT[to] ?? to.toUpperCase(), tag_handling: 'html' },
      });
      return res.translations.map((t) => t.text);
    },
    close: async () => undefined,
  };
}
