import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkFidelity, createEngines, createInMemoryTranslationMemory, createTranslator } from '../../src/translate/index.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { renderingsFromLexicons } from '../../src/translate/fidelity/lexicon-renderings.ts';
import { wordsOnlyInside } from '../../src/translate/repair/prepare-units.ts';
import { nameCandidates, namesToRender } from '../../src/translate/fidelity/names-check.ts';
import type { Lexicon, LexiconSource, TranslationEngine } from '../../src/translate/index.ts';
import { fakeEngine, wordForWord } from './fake-engine.ts';

const noSleep = { sleep: async () => undefined, backoffMs: 1 };
const nameFindings = (r: ReturnType<typeof checkFidelity>) => r.findings.filter((f) => /names|attribution/.test(f.check) && f.severity !== 'info');

describe('names against the engine’s own rendering (pure gate)', () => {
  const source = ['The peacekeepers met Pashinyan and Ruben in Yerevan.', 'It is a fight to get Apple to drop prices.'];
  const clean = ['Los cascos azules se reunieron con Pashinyan y Ruben en Ereván.', 'Es una pelea para coger Manzana para bajar precios.'];
  const renderings = { Pashinyan: 'Pashinyan', Ruben: 'Ruben', Yerevan: 'Yerevan | Ereván', Apple: 'Apple | manzana', It: 'Eso' };

  it.each([
    ['a name said once, dropped, that the engine keeps as is', 0, (t: string) => t.replace(' con Pashinyan y', ' con'), 'Pashinyan'],
    ['a name said once, dropped, its sentence shorter', 0, (t: string) => t.replace(' y Ruben', ''), 'Ruben'],
  ])('flags %s', (_n, seg, fault, name) => {
    const target = clean.map((t, i) => (i === seg ? fault(t) : t));
    const r = checkFidelity({ from: 'en', to: 'es', source, target, nameRenderings: renderings });
    expect(nameFindings(r)).toContainEqual(expect.objectContaining({ segment: seg, severity: 'warning', detail: expect.stringContaining(name) }));
    // Without the renderings the same loss is only noted: it cannot be told from a translated name.
    expect(nameFindings(checkFidelity({ from: 'en', to: 'es', source, target }))).toEqual([]);
  });

  it.each([
    ['the clean one: a name the engine translates (Apple → Manzana), a transliteration (Yerevan → Ereván)', clean],
    ['a transliteration close to the name (Ruben → Rubén)', [clean[0]!.replace('Ruben', 'Rubén'), clean[1]!]],
  ])('accepts %s', (_n, target) => {
    expect(nameFindings(checkFidelity({ from: 'en', to: 'es', source, target, nameRenderings: renderings }))).toEqual([]);
  });

  it('a name said twice, kept once and translated once (Star Wars → Guerras de Estrella), is not lost; dropped, it is', () => {
    const source = ['The Star Wars film and the Star Trek show.'];
    const nameRenderings = { Star: 'Estrella', Wars: 'Guerras', Trek: 'Trek' };
    expect(namesToRender(source, ['La película Guerras de Estrella y el espectáculo Star Trek.'], 'en', 'es')).toContain('Star');
    expect(nameFindings(checkFidelity({ from: 'en', to: 'es', source, target: ['La película Guerras de Estrella y el espectáculo Star Trek.'], nameRenderings }))).toEqual([]);
    expect(nameFindings(checkFidelity({ from: 'en', to: 'es', source, target: ['La película Guerras y el espectáculo Star Trek.'], nameRenderings }))).toContainEqual(expect.objectContaining({ detail: expect.stringContaining('"Star"') }));
  });

  it('a name is not found in another name of its paragraph that looks like it (Hong Kong → Hong)', () => {
    const r = checkFidelity({ from: 'en', to: 'es', source: ['Hong Kong police laid siege to a university.'], target: ['Policía de Hong puso asedio a una universidad.'], nameRenderings: { Hong: 'Hong', Kong: 'Kong', 'Hong Kong': 'Hong Kong' } });
    expect(nameFindings(r)).toContainEqual(expect.objectContaining({ detail: expect.stringContaining('"Kong"') }));
  });

  it('an acronym written with full stops (DC → D.C.) is not lost', () => {
    const r = checkFidelity({ from: 'en', to: 'es', source: ['Washington, DC, United States: getting there is hard.'], target: ['Washington, D.C., Estados Unidos: llegar es difícil.'], nameRenderings: { DC: 'Dc', United: 'Unido', States: 'Estados' } });
    expect(nameFindings(r)).toEqual([]);
  });

  it('a name in a run the engine renders as one word (South Africa → Sudáfrica) is not lost', () => {
    const r = checkFidelity({
      from: 'en', to: 'es', source: ['They beat Klaasen of South Africa.'], target: ['Derrotaron a Klaasen de Sudáfrica.'],
      nameRenderings: { Klaasen: 'Klaasen', South: 'Del sur | sur', Africa: 'Africa | africa', 'South Africa': 'Sudáfrica' },
    });
    expect(nameFindings(r)).toEqual([]);
  });

  it('asks only about names the translation lacks somewhere, and the runs they are in', () => {
    const source = ['The peacekeepers of South Africa met Pashinyan.', 'Pashinyan left.'];
    const target = ['Los cascos azules de Sudáfrica se reunieron con Pashinyan.', 'Se marchó.'];
    const names = nameCandidates(source, 'en', 'es');
    // "Africa" is inside "Sudáfrica"; "South" is not, nor Pashinyan in the second paragraph.
    expect(namesToRender(source, target, 'en', 'es')).toEqual(['South', 'Pashinyan', 'South Africa']);
    expect(namesToRender(source, [target[0]!, 'Pashinyan se marchó.'], 'en', 'es')).toEqual(['South', 'South Africa']);
    expect(namesToRender(source, ['Los cascos azules de South Africa se reunieron con Pashinyan.', 'Pashinyan se marchó.'], 'en', 'es')).toEqual([]);
  });

  it('lists names and runs of names to render', () => {
    expect(nameCandidates(['The peacekeepers of South Africa met Pashinyan.'], 'en', 'es')).toEqual(['South', 'Africa', 'Pashinyan', 'South Africa']);
  });
});

describe('the orchestrator gathers renderings', () => {
  it('catches a name a (fake) engine drops from its sentence but keeps alone, naming the segment', async () => {
    const e = fakeEngine('fake', ['en-es'], (s) => wordForWord(s).replace(' Zelenskyy', ''));
    const t = createTranslator({ engines: new Map([['fake', e]]), chains: { 'en-es': ['fake'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    const a = await t.translateArticle({ title: 'The truce', excerpt: null, html: '<p>The truce was reached.</p><p>Russia quoted Zelenskyy as saying the truce was reached.</p>' }, 'en', 'es');
    expect(a.checks.findings).toContainEqual(expect.objectContaining({ check: 'names', severity: 'warning', segment: 1, detail: expect.stringContaining('Zelenskyy') }));
    // The names after the article: packed into one segment, each its own sentence; then those
    // that came back unchanged, in lower case.
    expect(e.calls).toHaveLength(3);
    expect(e.calls[1]!.segments).toHaveLength(1);
    expect(e.calls[1]!.segments[0]!.split('<br>')).toContain('Zelenskyy.');
    expect(e.calls[2]!.segments[0]!.split('<br>')).toContain('zelenskyy.');
  });

  it('sends the names one by one when the engine does not keep the pack apart', async () => {
    const e = fakeEngine('fake', ['en-es'], (s) => wordForWord(s).replace(/<br>/g, ' '));
    const t = createTranslator({ engines: new Map([['fake', e]]), chains: { 'en-es': ['fake'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    expect(await t.renderNames(['Russia met Ukraine.'], 'en', 'es')).toEqual({ Russia: 'Rusia', Ukraine: 'Ukraine | ukraine' });
    expect(e.calls.map((c) => c.segments)).toEqual([['Russia.<br>Ukraine.'], ['Russia', 'Ukraine'], ['ukraine.']]);
  });

  it('gives the engine’s renderings on request, from memory the second time', async () => {
    const e = fakeEngine('fake', ['en-es'], wordForWord);
    const t = createTranslator({ engines: new Map([['fake', e]]), chains: { 'en-es': ['fake'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    expect(await t.renderNames(['Russia said so.'], 'en', 'es')).toEqual({ Russia: 'Rusia' });
    await t.renderNames(['Russia said so.'], 'en', 'es');
    expect(e.calls).toHaveLength(1);
  });
});

describe('renderings from the lexicons of the pass that translated the article', () => {
  const first: Lexicon = [
    { source: 'Trump', targets: ['Triunfo'] }, { source: 'South Dakota', targets: ['Dakota del Sur'] }, { source: 'New York', targets: ['Nueva York'] },
    { source: 'American', targets: ['americano'] }, { source: 'maximum', targets: ['máximo'] }, { source: 'meet', targets: ['cumplir', 'conocer'] },
  ];
  const second: Lexicon = [{ source: 'Trump', targets: ['Trump'] }];
  const texts = ['Trump met Americans from South Dakota and New York at Maxima.', 'A quiet paragraph.', 'Nothing but Trump here.'];
  let read: number[] = [];
  const lexicons: Array<LexiconSource | null> = [() => (read.push(0), first), null, () => (read.push(2), second)];

  it.each([
    ['a word the engine translated', ['Trump'], { Trump: 'Triunfo' }],
    ['a word inside a unit that translates it', ['South'], { 'South Dakota': 'Dakota del Sur', South: 'Dakota del Sur' }],
    ['a word inside a unit that keeps it', ['York'], { 'New York': 'Nueva York', York: 'York' }],
    ['a run that is one unit', ['South Dakota'], { 'South Dakota': 'Dakota del Sur' }],
    ['a plural by its lemma', ['Americans'], { Americans: 'americano' }],
    ['a word whose lemma is spelled differently', ['Maxima'], { Maxima: 'máximo' }],
  ])('%s', (_n, names, renderings) => {
    read = [];
    expect(renderingsFromLexicons(names, lexicons, texts)).toEqual({ renderings: names.includes('Trump') ? { Trump: 'Triunfo | Trump' } : renderings, unresolved: [] });
    // Only the segments that say one of the names are read.
    expect(read).toEqual(names.includes('Trump') ? [0, 2] : [0]);
  });

  it('leaves names no unit covers to be asked of the engine', () => {
    expect(renderingsFromLexicons(['Pashinyan', 'President Trump', 'Trump'], lexicons, texts)).toEqual({ renderings: { Trump: 'Triunfo | Trump' }, unresolved: ['Pashinyan', 'President Trump'] });
  });

  it('the orchestrator asks the engine only about names its lexicons do not cover', async () => {
    const plain = fakeEngine('lex', ['en-es'], (s) => wordForWord(s).replace('Zelenskyy', 'Zelenski').replace(' Kuleba', ''));
    const lexicon: Record<string, Lexicon> = { Zelenskyy: [{ source: 'Zelenskyy', targets: ['Zelenski'] }] };
    const e: TranslationEngine = {
      ...plain,
      async translateWithLexicon(segments, from, to) {
        return { texts: await plain.translate(segments, from, to), lexicons: segments.map((s) => () => Object.entries(lexicon).filter(([k]) => s.includes(k)).flatMap(([, v]) => v)) };
      },
    };
    const t = createTranslator({ engines: new Map([['lex', e]]), chains: { 'en-es': ['lex'] }, memory: createInMemoryTranslationMemory(), runner: noSleep });
    const a = await t.translateArticle({ title: '', excerpt: null, html: '<p>Russia quoted Zelenskyy and Kuleba as saying the truce was reached.</p>' }, 'en', 'es');
    expect(a.nameRenderings).toMatchObject({ Zelenskyy: 'Zelenski', Kuleba: 'Kuleba | kuleba' });
    // The article, then one pack with the name the lexicon lacks, then it in lower case: Zelenskyy is never sent alone.
    expect(plain.calls.map((c) => c.segments.join(' '))).toEqual([expect.stringContaining('Zelenskyy'), 'Kuleba.', 'kuleba.']);
    expect(a.checks.findings).toContainEqual(expect.objectContaining({ check: 'names', severity: 'warning', detail: expect.stringContaining('Kuleba') }));
    expect(a.checks.findings.filter((f) => f.detail.includes('Zelenskyy') && f.severity !== 'info')).toEqual([]);
  });
});

describe('with Apertium (real, eng-spa)', () => {
  it('does not flag a name Apertium translates in context (Apple → Manzana)', async () => {
    expect(execFileSync('apertium', ['-l'], { encoding: 'utf8' })).toMatch(/\beng-spa\b/);
    // The engine's own output, as the gate sees it where the orchestrator could not keep the name.
    const engine = createApertiumEngine();
    const t = createTranslator({ engines: createEngines(), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
    try {
      // Said only after an article, Apple is no name the orchestrator keeps from the engine (it would keep "to get Apple").
      const source = ['It is a bitter fight to get the Apple to drop prices.'];
      const { texts, lexicons } = await engine.translateWithLexicon(source, 'en', 'es');
      expect(texts[0]).toContain('Manzana');
      const nameRenderings = await t.renderNames(source, 'en', 'es', { targets: texts, lexicons });
      expect(nameFindings(checkFidelity({ from: 'en', to: 'es', source, target: texts, nameRenderings }))).toEqual([]);
    } finally {
      await Promise.all([t.close(), engine.close()]);
    }
  });

  it('renders a name the orchestrator keeps from the engine as itself, so losing it is flagged (Grace, not Gracia)', async () => {
    const t = createTranslator({ engines: createEngines(), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
    try {
      const html = '<p>The minister said Grace Wanjiru was late.</p>';
      const a = await t.translateArticle({ title: '', excerpt: null, html }, 'en', 'es');
      expect(a.text).toContain('Grace Wanjiru');
      const source = ['The minister said Grace Wanjiru was late.'];
      const target = [a.text.replace('Grace ', '')];
      const nameRenderings = await t.renderNames(source, 'en', 'es', { targets: target });
      expect(nameRenderings).toMatchObject({ Grace: 'Grace' });
      // A run the orchestrator cannot find as whole words ("CMAL" in "CMAL3") is not kept, so its words are the engine's.
      const exchange = await t.renderNames(['Aluminum on the London Metal Exchange CMAL3 lost 0.06%.'], 'en', 'es');
      expect(exchange['Exchange']).not.toBe('Exchange');
      // A word said inside a kept name and also outside one goes to the engine where it stands.
      expect(wordsOnlyInside(['Grace Wanjiru', 'Space Station'], ['Grace Wanjiru and the Space Station.', 'The Hubble Space Telescope.'])).toEqual(new Set(['Grace', 'Wanjiru', 'Station']));
      expect(nameFindings(checkFidelity({ from: 'en', to: 'es', source, target, nameRenderings }))).toContainEqual(expect.objectContaining({ severity: 'warning', detail: expect.stringContaining('Grace') }));
    } finally {
      await t.close();
    }
  });
});
