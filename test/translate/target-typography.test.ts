import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidyQuoteSpacing } from '../../src/shared/quote-spacing.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { englishSpelling } from '../../src/translate/repair/source-spelling.ts';
import { capitalizeSentences, invertedMarks, lowerAfterCopiedStart, targetTypography } from '../../src/translate/repair/target-typography.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

describe('the translation’s typography, by rule', () => {
  it.each([
    ['es', '“ Lo haremos ”, dijo.', '“Lo haremos”, dijo.'],
    ['es', 'Dijo " no " y " sí ".', 'Dijo "no" y "sí".'],
    // An odd count (a quotation running on) and inches are left as they are.
    ['es', 'Dijo " no y se fue.', 'Dijo " no y se fue.'],
    ['es', 'Una pantalla de 5" y otra de 6" más.', 'Una pantalla de 5" y otra de 6" más.'],
    ['fr', '« Oui », a-t-il dit.', '« Oui », a-t-il dit.'],
  ])('%s: quotation spacing %j', (lang, input, out) => expect(tidyQuoteSpacing(lang, input)).toBe(out));

  it.each([
    ['¿Vienes? Sí.', '¿Vienes? Sí.'],
    ['Vienes? Sí.', '¿Vienes? Sí.'],
    ['Es tarde. Vienes o no? Qué bien!', 'Es tarde. ¿Vienes o no? ¡Qué bien!'],
    ['Preguntó: qué hacemos ahora?', 'Preguntó: ¿qué hacemos ahora?'],
    ['Dijo “ por qué no?” y se fue.', 'Dijo “ ¿por qué no?” y se fue.'],
    ['Mira https://x.com/a?b=1 ahora.', 'Mira https://x.com/a?b=1 ahora.'],
    ['Pero qué?!', '¿Pero qué?!'],
    ['Dijo (vienes?) y "no" salió?', '¿Dijo (¿vienes?) y "no" salió?'],
  ])('inverted marks: %j', (input, out) => expect(invertedMarks(input)).toBe(out));

  it('opens the marks inside HTML where the text starts, not inside a tag', () => {
    expect(invertedMarks('<b>Vienes</b> &quot;hoy&quot;?')).toBe('<b>¿Vienes</b> &quot;hoy&quot;?');
    expect(invertedMarks('Dijo: &quot;vienes?&quot;')).toBe('Dijo: &quot;¿vienes?&quot;');
  });

  it.each([
    ['no tan perezoso. tiempo. romero', 'No tan perezoso. Tiempo. Romero'],
    ['Lo dijo. hay más.', 'Lo dijo. Hay más.'],
    // Abbreviations, ellipses, mixed-case words, handles and addresses keep their case.
    ['Vino el Sr. de la casa, p. ej. ayer.', 'Vino el Sr. de la casa, p. ej. ayer.'],
    ['Y luego... nada.', 'Y luego... nada.'],
    ['iPhone nuevo. eBay vende.', 'iPhone nuevo. eBay vende.'],
    ['@user13 hola. www.x.com sí.', '@user13 Hola. www.x.com sí.'],
    ['@user13 @user2', '@user13 @user2'],
    ['“¿vienes?” preguntó.', '“¿Vienes?” preguntó.'],
  ])('sentence capitals: %j', (input, out) => expect(capitalizeSentences(input)).toBe(out));

  it.each([
    ['Beth Ruffin Dijo que no. Beth Ruffin Vino.', 'Beth Ruffin said no. Beth Ruffin came.', 'Beth Ruffin dijo que no. Beth Ruffin vino.'],
    ['celeste Es mi arco', 'celeste is my arc', 'celeste es mi arco'],
    // The source's own capital after the name, and a name inside a sentence, stay.
    ['Beth Ruffin Casa Blanca.', 'Beth Ruffin White House.', 'Beth Ruffin Casa Blanca.'],
    ['Vio a Beth Ruffin Dijo.', 'He saw Beth Ruffin said.', 'Vio a Beth Ruffin Dijo.'],
  ])('takes back the capital Apertium gives the word after copied words: %j', (target, source, out) => expect(lowerAfterCopiedStart(target, source)).toBe(out));

  it('puts the inverted mark after the handles a post opens with', () => {
    expect(invertedMarks('@user33 Uau!')).toBe('@user33 ¡Uau!');
  });

  it('does all three for Spanish, only quotes and capitals for Catalan', () => {
    expect(targetTypography('“ vienes?” dijo.', 'es')).toBe('“¿Vienes?” dijo.');
    expect(targetTypography('“ vens?” va dir.', 'ca')).toBe('“Vens?” va dir.');
  });

  it.each([
    ['I don’t know, i’m sure it’s fine', "I don't know, I'm sure it's fine"],
    ['dont worry, im here and i think so', "don't worry, I'm here and I think so"],
    // Not a contraction: a closing quote, i.e., an IM in capitals, a list's "i)".
    ['the ‘best’ one, i.e. IM me, step i) first', 'the ‘best’ one, i.e. IM me, step i) first'],
    ['<a href="/i">i</a> said i&#39;m here', '<a href="/i">I</a> said I&#39;m here'],
    // A name's apostrophe is its own; "there’ll" the engine does not know either way.
    ['Beto O’Rourke and there’ll be', 'Beto O’Rourke and there’ll be'],
  ])('English as the engine spells it: %j', (input, out) => expect(englishSpelling(input)).toBe(out));
});

describe('the translator tidies what it stores (real Apertium, eng-spa)', () => {
  let t: Translator;
  beforeAll(() => {
    requireApertiumPair('eng-spa');
    t = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  });
  afterAll(async () => t?.close());

  it('writes no space inside quotation marks, opens questions with ¿ and starts sentences with a capital', async () => {
    const a = await t.translateArticle({ title: 'Is the house red?', excerpt: null, html: '<p>She said “The house is red” and left. why did she leave?</p><p>He said "The dog is old" to me.</p>' }, 'en', 'es');
    expect(a.title).toMatch(/^¿/);
    expect(a.text).not.toMatch(/“ | ”/);
    expect(a.text).toMatch(/“La casa es roj[ao]”/);
    expect(a.text).toContain('"El perro es viejo"');
    expect(a.text).toMatch(/¿Por qué/);
  });

  it('reads a typographic apostrophe as the engine’s own', async () => {
    const a = await t.translateArticle({ title: '', excerpt: null, html: '<p>I don’t know.</p>' }, 'en', 'es');
    expect(a.text).toMatch(/^No sé/);
  });
});
