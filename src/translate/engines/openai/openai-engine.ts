import { TransientError } from '../../../domain/errors.ts';
import { DEFAULT_LIMITS, type EngineLimits, type LanguagePair, type TranslationEngine } from '../../engine.ts';
import { httpJson, trimSlash } from '../http-call.ts';

export interface OpenAiOptions {
  name?: string;
  /** Any OpenAI-compatible base URL (OpenAI, Ollama `/v1`, vLLM). */
  url?: string;
  apiKey?: string;
  model: string;
  /** The languages offered, as every pair among them; a model has no list to ask for. */
  languages?: string[];
  fetch?: typeof fetch;
  limits?: Partial<EngineLimits>;
  costPerMillionChars?: number | null;
  timeoutMs?: number;
}

const LANGS = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ca', 'gl', 'nl', 'ru', 'uk', 'pl', 'ar', 'fa', 'he', 'tr', 'zh', 'ja', 'ko', 'hi'];

export function systemPrompt(from: string, to: string, n: number): string {
  return [
    `You translate news text from ${from} to ${to} (ISO 639-1 codes).`,
    'The user sends a JSON object {"segments": [...]} of HTML fragments.',
    'Translate the text of each fragment faithfully: keep every name, number, quotation and speaker; add, drop or explain nothing.',
    'Keep every HTML tag exactly as written and around the same words, and copy every placeholder such as <x id="g0"/> unchanged.',
    `Answer only with a JSON object {"translations": [...]} holding exactly ${n} strings, in the same order.`,
  ].join('\n');
}

/** An OpenAI-compatible chat endpoint, asked for JSON; markup and placeholders are checked on return. */
export function createOpenAiEngine(o: OpenAiOptions): TranslationEngine {
  const base = trimSlash(o.url ?? 'https://api.openai.com/v1');
  const name = o.name ?? 'openai';
  const f = o.fetch ?? fetch;
  const langs = o.languages ?? LANGS;

  const call = async (segments: string[], from: string, to: string): Promise<string[]> => {
    const res = await httpJson<{ choices: Array<{ message: { content: string } }> }>({
      engine: name, fetch: f, url: `${base}/chat/completions`, timeoutMs: o.timeoutMs ?? 120_000,
      headers: o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {},
      body: {
        model: o.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: systemPrompt(from, to, segments.length) },
          { role: 'user', content: JSON.stringify({ segments }) },
        ],
      },
    });
    const content = res.choices[0]?.message.content ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, ''));
    } catch {
      throw new TransientError(`translate: ${name} did not answer JSON`, 'translate.bad_response');
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { translations?: unknown }).translations;
    if (!Array.isArray(list) || list.length !== segments.length || !list.every((s) => typeof s === 'string')) {
      throw new TransientError(`translate: ${name} returned ${Array.isArray(list) ? list.length : 'no'} translations for ${segments.length}`, 'translate.bad_response');
    }
    return list as string[];
  };

  return {
    name,
    limits: { ...DEFAULT_LIMITS, maxBatchSegments: 20, maxBatchChars: 8_000, ...o.limits },
    costPerMillionChars: o.costPerMillionChars ?? null,
    version: async () => `openai-compatible ${o.model}`,
    pairs: async () => langs.flatMap((from): LanguagePair[] => langs.filter((to) => to !== from).map((to) => ({ from, to }))),
    async translate(segments, from, to) {
      if (segments.length === 0) return [];
      const out = await call(segments, from, to);
      // A model may drop or invent markup: such segments get one more try on their own.
      for (let i = 0; i < out.length; i++) {
        if (sameMarkup(segments[i]!, out[i]!)) continue;
        const [retry] = await call([segments[i]!], from, to);
        if (!sameMarkup(segments[i]!, retry!)) {
          throw new TransientError(`translate: ${name} lost markup or placeholders in segment ${i}`, 'translate.markup_lost');
        }
        out[i] = retry!;
      }
      return out;
    },
    close: async () => undefined,
  };
}

export function sameMarkup(a: string, b: string): boolean {
  const tags = (s: string) => (s.match(/<\/?[a-z][a-z0-9]*(?:\s+id="[^"]*")?/gi) ?? []).map((t) => t.toLowerCase()).sort().join(' ');
  return tags(a) === tags(b);
}
