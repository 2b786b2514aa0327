import { afterEach, describe, expect, it } from 'vitest';
import { createDeepLEngine } from '../../src/translate/engines/deepl/deepl-engine.ts';
import { createGoogleEngine } from '../../src/translate/engines/google/google-engine.ts';
import { createLibreTranslateEngine } from '../../src/translate/engines/libretranslate/libretranslate-engine.ts';
import { createOpenAiEngine, sameMarkup } from '../../src/translate/engines/openai/openai-engine.ts';
import { createEngines } from '../../src/translate/index.ts';
import { fakeServer, json, shout } from './fake-server.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
async function serve(h: Parameters<typeof fakeServer>[0]) {
  const s = await fakeServer(h);
  closers.push(s.close);
  return s;
}

describe('libretranslate', () => {
  it('sends q as an array with format html and the api key; lists pairs', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/languages') return json(res, 200, [{ code: 'en', targets: ['en', 'es', 'fr'] }, { code: 'es', targets: ['en'] }]);
      json(res, 200, { translatedText: req.body.q.map(shout) });
    });
    const e = createLibreTranslateEngine({ url: s.url, apiKey: 'k1' });
    expect(await e.translate(['a <b>b</b>', 'c'], 'en', 'es')).toEqual(['A <b>B</b>', 'C']);
    expect(s.seen[0]!.body).toEqual({ q: ['a <b>b</b>', 'c'], source: 'en', target: 'es', format: 'html', api_key: 'k1' });
    expect(await e.pairs()).toEqual([{ from: 'en', to: 'es' }, { from: 'en', to: 'fr' }, { from: 'es', to: 'en' }]);
  });

  it.each([
    [429, { 'retry-after': '7' }, { retry: 'throttled', code: 'translate.rate_limited' }],
    [500, {}, { retry: 'backoff', code: 'translate.engine_error' }],
    [400, {}, { retry: 'never', code: 'translate.bad_request' }],
    [403, {}, { retry: 'never', code: 'translate.auth' }],
  ])('maps HTTP %i to its retry policy', async (status, headers, expected) => {
    const s = await serve((_req, res) => json(res, status, { error: 'x' }, headers));
    const e = createLibreTranslateEngine({ url: s.url });
    const err = await e.translate(['a'], 'en', 'es').catch((x: unknown) => x);
    expect(err).toMatchObject(expected);
    if (status === 429) expect((err as { retryAt: Date }).retryAt.getTime() - Date.now()).toBeGreaterThan(5000);
  });

  it('reports an engine that is down as transient', async () => {
    const e = createLibreTranslateEngine({ url: 'http://127.0.0.1:1' });
    await expect(e.translate(['a'], 'en', 'es')).rejects.toMatchObject({ retry: 'backoff', code: 'translate.engine_down' });
  });
});

describe('deepl', () => {
  const handler = (status = 200) => (req: { url: string; body: any }, res: Parameters<typeof json>[0]) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (req.url.startsWith('/v2/languages')) return json(res, 200, req.url.includes('target') ? [{ language: 'ES' }, { language: 'EN-US' }, { language: 'PT-BR' }] : [{ language: 'EN' }, { language: 'ES' }]);
    if (status !== 200) return json(res, status, { message: 'Quota exceeded' });
    json(res, 200, { translations: req.body.text.map((t: string) => ({ detected_source_language: 'EN', text: shout(t) })) });
  };

  it('uses DeepL-Auth-Key, tag_handling=html and upper-case codes; free keys pick the free plan', async () => {
    const s = await serve(handler());
    const e = createDeepLEngine({ apiKey: 'abc:fx', url: s.url });
    expect(await e.translate(['<p>x</p>', 'y <x id="g0"/>'], 'en', 'pt')).toEqual(['<p>X</p>', 'Y <x id="g0"/>']);
    expect(s.seen[0]!.headers.authorization).toBe('DeepL-Auth-Key abc:fx');
    expect(s.seen[0]!.body).toMatchObject({ source_lang: 'EN', target_lang: 'PT-PT', tag_handling: 'html' });
    expect(await e.version()).toBe('deepl-free v2');
    expect(e.costPerMillionChars).toBe(0);
    expect(await e.pairs()).toContainEqual({ from: 'en', to: 'pt' });
  });

  it('chooses the endpoint by plan', () => {
    const urls: string[] = [];
    const f = (async (u: string) => {
      urls.push(u);
      return new Response(JSON.stringify({ translations: [{ text: 'x' }] }));
    }) as unknown as typeof fetch;
    return Promise.all([
      createDeepLEngine({ apiKey: 'k:fx', fetch: f }).translate(['a'], 'en', 'es'),
      createDeepLEngine({ apiKey: 'k', fetch: f }).translate(['a'], 'en', 'es'),
    ]).then(() => expect(urls.sort()).toEqual(['https://api-free.deepl.com/v2/translate', 'https://api.deepl.com/v2/translate']));
  });

  it('answers 456 with a quota error that lasts until the next UTC day', async () => {
    const s = await serve(handler(456));
    const e = createDeepLEngine({ apiKey: 'k', url: s.url });
    const err = (await e.translate(['a'], 'en', 'es').catch((x: unknown) => x)) as { code: string; retryAt: Date };
    expect(err.code).toBe('translate.quota_exceeded');
    expect(err.retryAt.toISOString()).toMatch(/T00:00:00\.000Z$/);
  });
});

describe('google v2', () => {
  it('sends q, format html and the key; maps 403 quota reasons', async () => {
    let mode = 'ok';
    const s = await serve((req, res) => {
      if (req.url.startsWith('/language/translate/v2/languages')) return json(res, 200, { data: { languages: [{ language: 'en' }, { language: 'es' }] } });
      if (mode === 'quota') return json(res, 403, { error: { code: 403, errors: [{ reason: 'dailyLimitExceeded' }] } });
      if (mode === 'rate') return json(res, 403, { error: { code: 403, errors: [{ reason: 'userRateLimitExceeded' }] } });
      json(res, 200, { data: { translations: req.body.q.map((q: string) => ({ translatedText: shout(q) })) } });
    });
    const e = createGoogleEngine({ apiKey: 'G K', url: s.url });
    expect(await e.translate(['a <i>b</i>'], 'en', 'es')).toEqual(['A <i>B</i>']);
    expect(s.seen[0]!.url).toBe('/language/translate/v2?key=G%20K');
    expect(s.seen[0]!.body).toEqual({ q: ['a <i>b</i>'], source: 'en', target: 'es', format: 'html' });
    expect(e.limits.maxBatchSegments).toBe(128);
    expect(await e.pairs()).toEqual([{ from: 'en', to: 'es' }, { from: 'es', to: 'en' }]);
    mode = 'quota';
    await expect(e.translate(['a'], 'en', 'es')).rejects.toMatchObject({ code: 'translate.quota_exceeded' });
    mode = 'rate';
    await expect(e.translate(['a'], 'en', 'es')).rejects.toMatchObject({ code: 'translate.rate_limited', retry: 'throttled' });
  });
});

describe('openai-compatible chat', () => {
  it('asks for JSON with a prompt that keeps markup and placeholders, Bearer auth', async () => {
    const s = await serve((req, res) => {
      const { segments } = JSON.parse(req.body.messages[1].content);
      json(res, 200, { choices: [{ message: { role: 'assistant', content: JSON.stringify({ translations: segments.map(shout) }) } }] });
    });
    const e = createOpenAiEngine({ url: `${s.url}/v1`, apiKey: 'sk', model: 'llama3' });
    expect(await e.translate(['hi <x id="g0"/> <b>you</b>'], 'en', 'es')).toEqual(['HI <x id="g0"/> <b>YOU</b>']);
    const req = s.seen[0]!;
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk');
    expect(req.body.model).toBe('llama3');
    expect(req.body.messages[0].content).toMatch(/placeholder/);
    expect(req.body.messages[0].content).toMatch(/HTML tag/);
  });

  it('retries a segment whose markup did not come back, then gives up as transient', async () => {
    let calls = 0;
    const s = await serve((req, res) => {
      calls++;
      const { segments } = JSON.parse(req.body.messages[1].content);
      const out = segments.map((x: string) => (calls === 1 ? x.replace(/<[^>]+>/g, '') : x));
      json(res, 200, { choices: [{ message: { content: '```json\n' + JSON.stringify({ translations: out }) + '\n```' } }] });
    });
    const e = createOpenAiEngine({ url: s.url, model: 'm' });
    expect(await e.translate(['a <b>b</b>'], 'en', 'es')).toEqual(['a <b>b</b>']);
    expect(calls).toBe(2);
    const bad = await serve((_req, res) => json(res, 200, { choices: [{ message: { content: '{"translations":["no tags"]}' } }] }));
    const e2 = createOpenAiEngine({ url: bad.url, model: 'm' });
    await expect(e2.translate(['<x id="g0"/> b'], 'en', 'es')).rejects.toMatchObject({ code: 'translate.markup_lost', retry: 'backoff' });
  });

  it('sameMarkup compares tags and placeholder ids', () => {
    expect(sameMarkup('<x id="g0"/> a <b>c</b>', '<b>C</b> A <x id="g0"/>')).toBe(true);
    expect(sameMarkup('<x id="g0"/>', '<x id="g1"/>')).toBe(false);
  });
});

describe('createEngines', () => {
  it('builds each kind from config and refuses missing keys', () => {
    const engines = createEngines({
      apertium: { kind: 'apertium' },
      lt: { kind: 'libretranslate', url: 'http://127.0.0.1:5000' },
      dl: { kind: 'deepl', apiKey: 'k:fx', dailyCharBudget: 1000 },
      g: { kind: 'google', apiKey: 'k' },
      llm: { kind: 'openai', model: 'm', url: 'http://127.0.0.1:11434/v1' },
    });
    expect([...engines.keys()]).toEqual(['apertium', 'lt', 'dl', 'g', 'llm']);
    expect(engines.get('dl')!.limits.dailyCharBudget).toBe(1000);
    expect(() => createEngines({ dl: { kind: 'deepl' } })).toThrow(/needs apiKey/);
  });
});
