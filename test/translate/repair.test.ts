import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/shared/text.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { findDates } from '../../src/translate/repair/dates.ts';
import { nameCandidates } from '../../src/translate/repair/names.ts';
import { isTitleCase, toSentenceCase } from '../../src/translate/repair/sentence-case.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

describe('repairs, by rule', () => {
  it('finds dates and writes them as each language does', () => {
    const d = (text: string, to: string) => findDates(text, to).map((x) => `${text.slice(x.at, x.end)} → ${x.rendering}`);
    expect(d('The vote was held 13 March 2026 in Lima.', 'es')).toEqual(['13 March 2026 → 13 de marzo de 2026']);
    expect(d('On March 13, 2026, he left.', 'es')).toEqual(['On March 13, 2026 → El 13 de marzo de 2026']);
    expect(d('It closed on 4 April and in August.', 'ca')).toEqual(["on 4 April → el 4 d'abril", 'August → agost']);
    expect(d('Since March 2024 prices rose.', 'fr')).toEqual(['March 2024 → mars 2024']);
    expect(d('On 1 May it rained.', 'fr')).toEqual(['On 1 May → Le 1er mai']);
    // "May" alone is a verb or a name; a language without a style is left to the engine.
    expect(d('Theresa May may come in May.', 'es')).toEqual([]);
    expect(d('The vote was held 13 March 2026.', 'de')).toEqual([]);
  });

  it('takes names from capitals inside sentences and the article’s own spellings, not titles, months or phrases in capitals', () => {
    const runs = nameCandidates([
      'President Trump met Prime Minister Theresa May in March.',
      'Trump left. Many Americans watched Will Smith, and in the game it Makes Me Cry.',
      "I'm sure Nielsen’s letter came. The Swift Company agreed.",
    ]).map((r) => r.map((x) => x.name));
    expect(runs).toEqual([['Trump', 'Theresa May'], ['Trump', 'Will Smith'], ['Nielsen', 'Swift Company']]);
  });

  it('takes the name after a title or an initial with its full stop as inside the sentence', () => {
    const runs = nameCandidates(['Police arrested Elizabeth A. Burton, said Lt. Matt Harris.', 'Voters beat Gov. Matt Bevin. Matt left.']).map((r) => r.map((x) => x.name));
    expect(runs).toEqual([['Elizabeth', 'Burton', 'Matt Harris'], ['Matt Bevin']]);
  });

  it('brings a Title Case headline to sentence case, keeping the article’s names and acronyms', () => {
    expect(isTitleCase('Radio Telescope Finds Strange Signal Near Skerry')).toBe(true);
    expect(isTitleCase('Radio telescope finds a signal near Skerry')).toBe(false);
    expect(toSentenceCase('Radio Telescope Finds Strange Signal Near Skerry, Says NASA', new Set(['Skerry']))).toBe('Radio telescope finds strange signal near Skerry, says NASA');
  });
});

describe('repairs, with Apertium (real, eng-spa and eng-cat)', () => {
  let t: Translator;
  beforeAll(() => {
    requireApertiumPair('eng-spa');
    requireApertiumPair('eng-cat');
    t = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'], 'en-ca': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  });
  afterAll(async () => t?.close());

  it('keeps the names Apertium would translate as words, and still lets it write the places it knows', async () => {
    // Raw Apertium: "El triunfo dijo", "Herrero" (Will eaten as an auxiliary), "Taylor Vencejo".
    const a = await t.translateArticle({ title: '', excerpt: null, html: '<p>President Trump met Will Smith and Taylor Swift in London.</p><p>Trump said the Swift fans were many.</p>' }, 'en', 'es');
    expect(a.html).toContain('Trump');
    expect(a.html).toContain('Will Smith');
    expect(a.html).toContain('Taylor Swift');
    expect(a.html).toContain('Londres');
    expect(a.html).not.toMatch(/Triunfo|triunfo|Herrero|Vencejo|Veloz/);
  });

  it('leaves to the engine a capitalized thing only ever said after an article (the Earth, the Government), and keeps a person said bare', async () => {
    const a = await t.translateArticle({ title: '', excerpt: null, html: '<p>The Earth is warm and the Government knows it.</p><p>The Government said the Earth turns, and Trump agreed.</p><p>Aides said Trump left.</p>' }, 'en', 'es');
    expect(a.text).toContain('Tierra');
    expect(a.text).toMatch(/[Gg]obierno/);
    expect(a.text).not.toMatch(/Earth|Government/);
    expect(a.text).toContain('Trump');
  });

  it('writes dates by rule: Spanish and Catalan', async () => {
    // Raw Apertium: "El voto estuvo aguantado 13 Marcha 2026", "Encima Marcha 13".
    const es = await t.translateArticle({ title: '', excerpt: null, html: '<p>The vote was held 13 March 2026 in Lima. On April 4, 2026, the count ended in August.</p>' }, 'en', 'es');
    expect(es.html).toContain('13 de marzo de 2026');
    expect(es.html).toContain('El 4 de abril de 2026');
    expect(es.html).toContain('agosto');
    expect(es.html).not.toMatch(/Marcha|March|April|August/);
    const ca = await t.translateArticle({ title: '', excerpt: null, html: '<p>The vote was held 13 March 2026 in Lima, and on April 4 the count ended.</p>' }, 'en', 'ca');
    expect(ca.html).toContain('13 de març de 2026');
    // The apostrophe is escaped in the HTML (one escaper for text and attributes): compare the text.
    expect(htmlToText(ca.html)).toContain("el 4 d'abril");
  });

  it('translates a Title Case headline as a sentence, its name kept', async () => {
    // Raw Apertium reads the capitals as names: "Radio Telescopio Encuentra…" / "Skerry El radiotelescopio…".
    const a = await t.translateArticle({ title: 'Radio Telescope Finds Strange Signal Near Skerry', excerpt: null, html: '<p>The telescope on Skerry found a signal.</p>' }, 'en', 'es');
    expect(a.title).toMatch(/^El radiotelescopio encuentra la señal extraña/);
    expect(a.title).toContain('Skerry');
  });

  it('translates image alt texts and figure captions through the same orchestrator and memory', async () => {
    const html = '<p>The house is red.</p><figure><img src="/a.jpg" alt="The red house at night"><figcaption>The house at night.</figcaption></figure><p>We saw <img src="/b.jpg" alt="A dog"> there.</p>';
    const a = await t.translateArticle({ title: '', excerpt: null, html }, 'en', 'es');
    expect(a.html).toContain('alt="La casa roja por la noche"');
    expect(a.html).toContain('<figcaption>La casa por la noche.</figcaption>');
    expect(a.html).toMatch(/alt="Un perro"/);
    expect(a.html).not.toContain('alt=""');
    const again = await t.translateArticle({ title: '', excerpt: null, html }, 'en', 'es');
    expect(again.html).toBe(a.html);
    expect(again.cost.characters).toBe(0); // every unit, alt texts included, from the memory
  });
});
