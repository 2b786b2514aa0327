import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { fakeEngine, wordForWord } from './fake-engine.ts';

// Issue 13: the lead image's caption sits outside the body's HTML, so it stayed in English.
describe('lead image caption, with Apertium (real, eng-spa)', () => {
  let t: Translator;
  beforeAll(() => {
    requireApertiumPair('eng-spa');
    t = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  });
  afterAll(async () => t?.close());

  const input = { title: 'The house is red.', excerpt: null, html: '<p>We saw the house.</p>', imageCaption: 'The red house at night.' };

  it('comes back translated, through the same memory as the rest of the article', async () => {
    const a = await t.translateArticle(input, 'en', 'es');
    expect(a.imageCaption).toBe('La casa roja por la noche.');
    expect(a.html).toBe('<p>Vimos la casa.</p>');
    const again = await t.translateArticle(input, 'en', 'es');
    expect(again.imageCaption).toBe(a.imageCaption);
    expect(again.cost.characters).toBe(0); // the caption too, from the memory
  });

  it('goes through the fidelity gate: a number the engine drops from the caption is an error', async () => {
    // Real Apertium keeps numbers, so an engine that loses one stands in for a bad engine.
    const lossy = fakeEngine('lossy', ['en-es'], (s) => wordForWord(s).replace(/\b14\b/g, ''));
    const g = createTranslator({ engines: new Map([['lossy', lossy]]), chains: { 'en-es': ['lossy'] }, memory: createInMemoryTranslationMemory(), runner: { sleep: async () => undefined, backoffMs: 1 } });
    const a = await g.translateArticle({ ...input, imageCaption: 'The house at gate 14.' }, 'en', 'es');
    expect(a.checks.findings.some((f) => f.check === 'numbers' && f.detail.startsWith('image text:'))).toBe(true);
    expect(a.checks.ok).toBe(false);
  });

  it('is null when the source had none, and a blank one sends nothing', async () => {
    expect((await t.translateArticle({ ...input, imageCaption: null }, 'en', 'es')).imageCaption).toBeNull();
    const blank = await t.translateArticle({ ...input, imageCaption: '  ' }, 'en', 'es');
    expect(blank.imageCaption).toBeNull();
    expect(blank.cost.segments).toBe(3); // title, excerpt slot, one paragraph
  });
});
