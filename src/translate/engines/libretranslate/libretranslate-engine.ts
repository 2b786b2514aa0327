import { DEFAULT_LIMITS, type EngineLimits, type LanguagePair, type TranslationEngine } from '../../engine.ts';
import { httpJson, trimSlash } from '../http-call.ts';

export interface LibreTranslateOptions {
  name?: string;
  url: string;
  apiKey?: string;
  fetch?: typeof fetch;
  limits?: Partial<EngineLimits>;
  costPerMillionChars?: number | null;
  timeoutMs?: number;
}

/** LibreTranslate: POST /translate with `q` as an array and `format: "html"`; GET /languages. */
export function createLibreTranslateEngine(o: LibreTranslateOptions): TranslationEngine {
  const base = trimSlash(o.url);
  const name = o.name ?? 'libretranslate';
  const f = o.fetch ?? fetch;
  let pairs: Promise<LanguagePair[]> | null = null;
  return {
    name,
    limits: { ...DEFAULT_LIMITS, maxBatchSegments: 50, maxBatchChars: 20_000, ...o.limits },
    costPerMillionChars: o.costPerMillionChars ?? null,
    version: async () => `libretranslate ${base}`,
    pairs: () =>
      (pairs ??= httpJson<Array<{ code: string; targets?: string[] }>>({ engine: name, fetch: f, url: `${base}/languages` })
        .then((langs) => langs.flatMap((l) => (l.targets ?? langs.map((x) => x.code)).filter((t) => t !== l.code).map((to) => ({ from: l.code, to }))))
        .catch((err: unknown) => {
          pairs = null;
          throw err;
        })),
    async translate(segments, from, to) {
      if (segments.length === 0) return [];
      const res = await httpJson<{ translatedText: string | string[] }>({
        engine: name, fetch: f, url: `${base}/translate`, timeoutMs: o.timeoutMs,
        body: { q: segments, source: from, target: to, format: 'html', ...(o.apiKey ? { api_key: o.apiKey } : {}) },
      });
      return Array.isArray(res.translatedText) ? res.translatedText : [res.translatedText];
    },
    close: async () => undefined,
  };
}
