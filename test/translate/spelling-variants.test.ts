import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngines, createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { oneSpelling } from '../../src/translate/repair/spelling-variants.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

describe('a word the engine gives in two spellings', () => {
  it('keeps the source’s spelling; other slashes are left', () => {
    expect(oneSpelling('a través del YouTube/Youtube Gaming comunidad', 'through the YouTube Gaming community')).toBe('a través del YouTube Gaming comunidad');
    expect(oneSpelling('<a href="https://x.org/a/A">YouTube/Youtube</a> y/o 24/7 Sí/No', 'YouTube and/or 24/7 Yes/No')).toBe('<a href="https://x.org/a/A">YouTube</a> y/o 24/7 Sí/No');
    // Neither spelling in the source: not the engine's doubling, left as written.
    expect(oneSpelling('Mac/MAC', 'a computer')).toBe('Mac/MAC');
  });

  describe('through the orchestrator with Apertium', () => {
    let translator: Translator;
    beforeAll(() => {
      requireApertiumPair('eng-spa');
      translator = createTranslator({ engines: createEngines(), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
    });
    afterAll(async () => translator?.close());

    it('"YouTube" comes back once, and the gate repeats nothing', async () => {
      const a = await translator.translateArticle({ title: '', excerpt: null, html: '<p>Google can promote Stadia through the YouTube Gaming community, says Ward.</p>' }, 'en', 'es');
      expect(a.html).toContain('YouTube');
      expect(a.html).not.toContain('Youtube');
      expect(a.checks.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    });
  });
});
