import { ThrottledError } from '../../../domain/errors.ts';
import { DEFAULT_LIMITS, type EngineLimits, type LanguagePair, type TranslationEngine } from '../../engine.ts';
import { httpJson, quotaExceeded, trimSlash } from '../http-call.ts';

export interface GoogleOptions {
  name?: string;
  apiKey: string;
  url?: string;
  fetch?: typeof fetch;
  limits?: Partial<EngineLimits>;
  costPerMillionChars?: number | null;
  timeoutMs?: number;
  now?: () => number;
}

/** Google Cloud Translation v2 (basic): `?key=`, up to 128 `q` per call, `format: "html"`. */
export function createGoogleEngine(o: GoogleOptions): TranslationEngine {
  const base = trimSlash(o.url ?? 'https://translation.googleapis.com');
  const name = o.name ?? 'google';
  const f = o.fetch ?? fetch;
  const key = `key=${encodeURIComponent(o.apiKey)}`;
  const now = o.now ?? Date.now;
  // v2 reports quota and rate problems as 403 with a reason in the error body.
  const classify = (status: number, body: string) => {
    if (status !== 403) return null;
    if (/dailyLimitExceeded|quotaExceeded/.test(body)) return quotaExceeded(name, body.slice(0, 200), now());
    if (/rateLimitExceeded|userRateLimitExceeded/.test(body)) return new ThrottledError(`translate: ${name} rate limited`, 'translate.rate_limited', new Date(now() + 10_000));
    return null;
  };
  let pairs: Promise<LanguagePair[]> | null = null;
  return {
    name,
    limits: { ...DEFAULT_LIMITS, maxBatchSegments: 128, maxBatchChars: 30_000, ...o.limits },
    costPerMillionChars: o.costPerMillionChars ?? 20,
    version: async () => 'google-translate v2',
    pairs: () =>
      (pairs ??= httpJson<{ data: { languages: Array<{ language: string }> } }>({ engine: name, fetch: f, url: `${base}/language/translate/v2/languages?${key}`, classify })
        .then((r) => {
          const codes = r.data.languages.map((l) => l.language);
          return codes.flatMap((from) => codes.filter((to) => to !== from).map((to) => ({ from, to })));
        })
        .catch((err: unknown) => {
          pairs = null;
          throw err;
        })),
    async translate(segments, from, to) {
      if (segments.length === 0) return [];
      const res = await httpJson<{ data: { translations: Array<{ translatedText: string }> } }>({
        engine: name, fetch: f, url: `${base}/language/translate/v2?${key}`, timeoutMs: o.timeoutMs, classify,
        body: { q: segments, source: from, target: to, format: 'html' },
      });
      return res.data.translations.map((t) => t.translatedText);
    },
    close: async () => undefined,
  };
}
