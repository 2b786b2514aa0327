import { describe, expect, it } from 'vitest';
import { PermanentError, ThrottledError, TransientError, TranswireError } from '../../src/domain/errors.ts';
import { createInMemoryTranslationMemory, createTranslator } from '../../src/translate/index.ts';
import type { EngineAlert } from '../../src/translate/engine-runner.ts';
import { createLibreTranslateEngine } from '../../src/translate/engines/libretranslate/libretranslate-engine.ts';
import { fakeEngine, wordForWord } from './fake-engine.ts';
import { fakeServer, json } from './fake-server.ts';

const noSleep = { sleep: async () => undefined, backoffMs: 1 };
const article = {
  title: 'Russia maintains 2,000 peacekeepers',
  excerpt: null,
  html: '<p>Russia maintains 2,000 peacekeepers there.</p>\n<figure><img src="a.jpg"><figcaption>The truce</figcaption></figure>\n<pre>code is never sent</pre>\n<p>Back <a href="/x">the</a> truce.</p>',
};

describe('translator', () => {
  it('translates blocks with markup kept, media and code untouched, title included, numbers in target notation', async () => {
    const e = fakeEngine('fake', ['en-es'], wordForWord);
    const t = createTranslator({ engines: new Map([['fake', e]]), chains: { 'en-es': ['fake'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    const a = await t.translateArticle(article, 'en', 'es');
    expect(a.title).toBe('Rusia mantiene 2.000 cascos azules');
    expect(a.html).toBe('<p>Rusia mantiene 2.000 cascos azules allí.</p>\n<figure><img src="a.jpg"><figcaption>El tregua</figcaption></figure>\n<pre>code is never sent</pre>\n<p>Volver <a href="/x">el</a> tregua.</p>');
    expect(e.calls.flatMap((c) => c.segments).join(' ')).not.toContain('code is never sent');
    expect(a.engine).toBe('fake');
    expect(a.engineVersion).toBe('fake-1');
    expect(a.text.split('\n\n')).toHaveLength(3);
  });

  it('never translates a segment twice: memory across articles, dedup within one; cost ledger', async () => {
    const e = fakeEngine('paid', ['en-es'], wordForWord, { cost: 20 });
    const memory = createInMemoryTranslationMemory();
    const t = createTranslator({ engines: new Map([['paid', e]]), chains: { 'en-es': ['paid'] }, memory, runner: noSleep });
    const html = '<p>The truce.</p><p>The truce.</p><p>The news of Back.</p>';
    const first = await t.translateArticle({ title: 'The truce.', excerpt: null, html }, 'en', 'es');
    expect(e.calls[0]!.segments).toEqual(['The truce.', 'The news of Back.']);
    // Then the names missing from the translation ("Back" became "Volver"), said alone for the
    // fidelity gate: one packed segment, counted too. It came back changed: no lower-case call.
    expect(e.calls[1]!.segments).toEqual(['Back.']);
    expect(first.cost).toMatchObject({ engine: 'paid', characters: 31, memoryHits: 0, segments: 5 });
    expect(first.cost.money).toBeCloseTo((31 / 1e6) * 20);
    const second = await t.translateArticle({ title: 'The truce.', excerpt: null, html: '<p>The news of Back.</p>' }, 'en', 'es');
    expect(second.cost).toMatchObject({ characters: 0, memoryHits: 3, memoryCharacters: 31 });
    expect(e.calls).toHaveLength(2);
  });

  it('protects glossary terms from the engine and maps them per language', async () => {
    const e = fakeEngine('fake', ['en-es'], (s) => wordForWord(s).replace('Karabakh', 'KARABAJ-BAD'));
    const t = createTranslator({
      engines: new Map([['fake', e]]), chains: {}, memory: createInMemoryTranslationMemory(), runner: noSleep,
      glossary: [{ term: 'Nagorno-Karabakh', map: { es: 'Nagorno Karabaj' } }, { term: 'Tass' }],
    });
    const a = await t.translateArticle({ title: 'Nagorno-Karabakh', excerpt: null, html: '<p>Tass said that Nagorno-Karabakh was <b>the</b> truce.</p>' }, 'en', 'es');
    // Placeholders are numbered in reading order.
    expect(e.calls[0]!.segments[1]).toBe('<x id="g0"/> said that <x id="g1"/> was <b>the</b> truce.');
    expect(a.html).toBe('<p>Tass dijo que Nagorno Karabaj fue <b>el</b> tregua.</p>');
    expect(a.title).toBe('Nagorno Karabaj');
  });

  it('reports a placeholder the engine dropped', async () => {
    const e = fakeEngine('lossy', ['en-es'], (s) => s.replace(/<x id="g\d+"\/>/g, ''));
    const t = createTranslator({ engines: new Map([['lossy', e]]), chains: {}, memory: createInMemoryTranslationMemory(), glossary: [{ term: 'Tass' }], runner: noSleep });
    const a = await t.translateArticle({ title: 'x', excerpt: null, html: '<p>Tass said so.</p>' }, 'en', 'es');
    expect(a.checks.findings).toContainEqual(expect.objectContaining({ check: 'placeholders', severity: 'error', segment: 0 }));
  });

  it('falls back along the chain when an engine is down', async () => {
    const down = fakeEngine('down', ['en-es'], wordForWord, { fail: () => new TransientError('down', 'translate.engine_down') });
    const up = fakeEngine('up', ['en-es'], wordForWord);
    const t = createTranslator({ engines: new Map([['down', down], ['up', up]]), chains: { 'en-es': ['down', 'up'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    const a = await t.translateArticle(article, 'en', 'es');
    expect(a.engine).toBe('up');
    expect(down.calls).toHaveLength(3); // retried with backoff before moving on
  });

  it('re-translates with another engine on request (review retranslate)', async () => {
    const a = fakeEngine('a', ['en-es'], wordForWord);
    const b = fakeEngine('b', ['en-es'], (s) => `${wordForWord(s)}!`);
    const t = createTranslator({ engines: new Map([['a', a], ['b', b]]), chains: { 'en-es': ['a', 'b'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    expect((await t.translateArticle(article, 'en', 'es')).engine).toBe('a');
    expect((await t.translateArticle(article, 'en', 'es', { chain: ['b'] })).engine).toBe('b');
  });

  it('retries an HTTP engine answering 5xx with backoff, through the real adapter', async () => {
    let calls = 0;
    const s = await fakeServer((req, res) => {
      if (req.url === '/languages') return json(res, 200, [{ code: 'en', targets: ['es'] }]);
      return ++calls <= 2 ? json(res, 503, { error: 'busy' }) : json(res, 200, { translatedText: req.body.q });
    });
    try {
      const engine = createLibreTranslateEngine({ name: 'lt', url: s.url });
      const slept: number[] = [];
      const t = createTranslator({ engines: new Map([['lt', engine]]), chains: { 'en-es': ['lt'] }, memory: createInMemoryTranslationMemory(), runner: { backoffMs: 100, sleep: async (ms) => void slept.push(ms) } });
      const a = await t.translateArticle({ title: 'T', excerpt: null, html: '<p>x</p>' }, 'en', 'es');
      expect(a.engine).toBe('lt');
      expect(slept).toEqual([100, 200]);
    } finally {
      await s.close();
    }
  });

  it('pivots through a third language when no direct pair exists (fr→es→en)', async () => {
    const fr = fakeEngine('a', ['fr-es'], (s) => `${s} [es]`);
    const en = fakeEngine('b', ['es-en'], (s) => `${s} [en]`);
    const t = createTranslator({ engines: new Map([['a', fr], ['b', en]]), chains: { 'fr-en': ['a@es>b'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    const a = await t.translateArticle({ title: 'Bonjour', excerpt: null, html: '<p>Salut</p>' }, 'fr', 'en');
    expect(a.html).toBe('<p>Salut [es] [en]</p>');
    expect(a.engine).toBe('a>b');
    expect(fr.calls[0]).toMatchObject({ from: 'fr', to: 'es' });
    expect(en.calls[0]).toMatchObject({ from: 'es', to: 'en' });
    // with no chain configured the pivot is found automatically
    const auto = createTranslator({ engines: new Map([['a', fr], ['b', en]]), chains: {}, memory: createInMemoryTranslationMemory(), runner: noSleep });
    expect(await auto.canTranslate('fr', 'en')).toBe(true);
    expect((await auto.translateArticle({ title: 'x', excerpt: null, html: '<p>y</p>' }, 'fr', 'en')).engine).toBe('a>b');
  });

  it('refuses an unknown pair as permanent translate.no_pair', async () => {
    const t = createTranslator({ engines: new Map([['a', fakeEngine('a', ['en-es'], (s) => s)]]), chains: {}, memory: createInMemoryTranslationMemory() });
    expect(await t.canTranslate('en', 'ja')).toBe(false);
    const err = await t.translateArticle(article, 'en', 'ja').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'translate.no_pair' });
  });

  it('stops an engine whose quota is spent (DeepL 456), alerts, and uses the next one', async () => {
    const alerts: EngineAlert[] = [];
    const quota = fakeEngine('deepl', ['en-es'], wordForWord, { fail: () => new ThrottledError('456', 'translate.quota_exceeded', new Date(Date.now() + 3600_000)) });
    const free = fakeEngine('apertium', ['en-es'], wordForWord);
    const t = createTranslator({ engines: new Map([['deepl', quota], ['apertium', free]]), chains: { 'en-es': ['deepl', 'apertium'] }, memory: createInMemoryTranslationMemory(), runner: noSleep, onAlert: (a) => alerts.push(a) });
    expect((await t.translateArticle(article, 'en', 'es')).engine).toBe('apertium');
    await t.translateArticle({ ...article, title: 'other' }, 'en', 'es');
    expect(quota.calls).toHaveLength(1); // stopped: not asked again
    expect(alerts).toEqual([expect.objectContaining({ engine: 'deepl', code: 'translate.quota_exceeded' })]);
  });

  it('enforces a daily character budget and waits out a short Retry-After', async () => {
    let n = 0;
    const slept: number[] = [];
    const throttled = fakeEngine('t', ['en-es'], wordForWord, { fail: () => (n++ === 0 ? new ThrottledError('429', 'translate.rate_limited', new Date(Date.now() + 2000)) : null), limits: { dailyCharBudget: 60 } });
    const t = createTranslator({ engines: new Map([['t', throttled]]), chains: { 'en-es': ['t'] }, memory: createInMemoryTranslationMemory(), runner: { sleep: async (ms) => void slept.push(ms) } });
    await t.translateArticle({ title: 'The truce', excerpt: null, html: '<p>The news.</p>' }, 'en', 'es');
    expect(slept[0]).toBeGreaterThan(1000);
    const err = await t.translateArticle({ title: 'x'.repeat(80), excerpt: null, html: '<p>y</p>' }, 'en', 'es').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TranswireError);
    expect(err).toMatchObject({ retry: 'throttled' });
    expect((err as Error).message).toMatch(/budget/);
  });

  it('applies rate limits between calls', async () => {
    const slept: number[] = [];
    let now = 0;
    const e = fakeEngine('r', ['en-es'], wordForWord, { limits: { requestsPerSecond: 2, maxBatchSegments: 1 } });
    const t = createTranslator({ engines: new Map([['r', e]]), chains: {}, memory: createInMemoryTranslationMemory(), runner: { now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; } } });
    await t.translateArticle({ title: 'a', excerpt: null, html: '<p>b</p><p>c</p>' }, 'en', 'es');
    expect(e.calls).toHaveLength(3);
    expect(slept).toEqual([500, 500]);
  });
});
