import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { clauseThat } from '../../src/translate/repair/clause-that.ts';
import { applyCognates, spanishCognate } from '../../src/translate/repair/cognates.ts';
import { findLinks } from '../../src/translate/repair/links.ts';
import { markShouted, restoreShouted, shoutedWords } from '../../src/translate/repair/shouted.ts';
import { englishSpelling } from '../../src/translate/repair/source-spelling.ts';
import { spanishUsage } from '../../src/translate/repair/target-words.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

describe('repairs that raise translation quality, by rule', () => {
  it.each([
    ['monetization', 'monetización'],
    ['monetizations', 'monetizaciones'],
    ['scalability', 'escalabilidad'],
    ['algorithmic', 'algorítmico'],
    ['symptomatic', 'sintomático'],
    ['oversaturation', 'sobresaturación'],
    ['presentism', 'presentismo'],
    ['metastasized', 'metastasizado'],
    ['immersive', 'inmersivo'],
    ['accusations', 'acusaciones'],
    ['hypoallergenic', 'hipoalergénico'],
    ['pneumonic', 'neumónico'],
    ['immunologists', 'inmunólogos'],
    ['insurgency', 'insurgencia'],
    ['electrohydraulic', 'electrohidráulico'],
  ])('a Spanish cognate for an unknown English word: %s → %s', (en, es) => {
    expect(spanishCognate(en)?.word).toBe(es);
  });

  it('gives no cognate where the ending is not a learned suffix or the spelling is not Spanish', () => {
    for (const w of ['relive', 'clearance', 'homogenous', 'workshop', 'tokenism', 'Monetization', 'tic', 'nation', 'recommence', 'compromise', 'fundraising', 'quizzical']) expect(spanishCognate(w)).toBeNull();
  });

  it('writes the cognate where the engine copied the word, the article agreeing, and leaves a capitalized word (a name) alone', () => {
    const cognates = new Map([['monetization', spanishCognate('monetization')!], ['presentism', spanishCognate('presentism')!]]);
    expect(applyCognates('El monetization del arte y el presentism.', cognates)).toBe('La monetización del arte y el presentismo.');
    expect(applyCognates('<p>un monetization</p>', cognates)).toBe('<p>una monetización</p>');
    cognates.set('accusations', spanishCognate('accusations')!);
    expect(applyCognates('el accusations', cognates)).toBe('las acusaciones');
    // The translation may open a sentence with it (capitalized by the typography): the cognate keeps the capital.
    expect(applyCognates('Monetization del arte.', cognates)).toBe('Monetización del arte.');
    expect(applyCognates('MONETIZATION Inc. dijo', cognates)).toBe('MONETIZATION Inc. dijo');
  });

  it('writes out the "that" of a reported clause, only before a clause', () => {
    expect(clauseThat('I know you can do it.')).toBe('I know that you can do it.');
    expect(clauseThat('I guess I should find a job.')).toBe('I guess that I should find a job.');
    expect(clauseThat('We knew they were here.')).toBe('We knew that they were here.');
    // An object, not a clause; a "that" already there; "think", which the engine handles itself.
    expect(clauseThat('I know you well.')).toBe('I know you well.');
    expect(clauseThat('I know that you can.')).toBe('I know that you can.');
    expect(clauseThat('I think it is fine.')).toBe('I think it is fine.');
    expect(clauseThat('<a href="/know-it">know it</a>')).toBe('<a href="/know-it">know it</a>');
  });

  it('spells out informal English the engine copies, but not in capitals', () => {
    expect(englishSpelling('gotta go, tbh it kinda sucks. Yeah.')).toBe('have to go, to be honest it somewhat sucks. Yes.');
    expect(englishSpelling('IMO TBH')).toBe('IMO TBH');
  });

  it('puts a shouted sentence in sentence case for the engine and back in capitals after it, not an acronym or a word in capitals', () => {
    const marked = markShouted('"YES. I LACK A GUN." Thassalin left. NASA said a VERY long day.');
    expect(marked).toBe('<tw-caps>"Yes. I lack a gun."</tw-caps> Thassalin left. NASA said a VERY long day.');
    expect(markShouted('DETONATION')).toBe('<tw-caps>Detonation</tw-caps>');
    expect(markShouted('JANUARY 14th, 10:26 PM.')).toBe('<tw-caps>January 14th, 10:26 pm.</tw-caps>');
    expect(markShouted('NORTHBRIDGE — The council met.')).toBe('NORTHBRIDGE — The council met.');
    // Names the engine knows in capitals stay in them (it writes SWITZERLAND as SUIZA, "switzerland" not at all).
    expect(shoutedWords('<p>BAAR, SWITZERLAND</p>')).toEqual(['BAAR', 'SWITZERLAND']);
    expect(markShouted('BAAR, SWITZERLAND', new Set(['SWITZERLAND']))).toBe('<tw-caps>Baar, SWITZERLAND</tw-caps>');
    expect(restoreShouted('<tw-caps>"Sí. Carezco de una pistola."</tw-caps> Thassalin &amp; salió.')).toBe('"SÍ. CAREZCO DE UNA PISTOLA." Thassalin &amp; salió.');
    // A marker the engine lost is dropped, nothing else changes.
    expect(restoreShouted('Sí.</tw-caps> Salió.')).toBe('Sí. Salió.');
  });

  it('finds links and addresses, without the sentence’s full stop', () => {
    const text = 'See https://youtu.be/W5JSfq6LLAU?si=x. Or www.example.org/A, or write to Ana.Ruiz@example.com.';
    expect(findLinks(text).map((s) => s.rendering)).toEqual(['https://youtu.be/W5JSfq6LLAU?si=x', 'www.example.org/A', 'Ana.Ruiz@example.com']);
    expect(findLinks('@user13 said so')).toEqual([]);
  });

  it('writes "cuando" outside a question and Spanish laughter, in Spanish only', () => {
    expect(spanishUsage('Incluso cuándo algo va viral, jaja. ¿Cuándo vienes? No sé cuándo llega. Y cuándo llega?', 'es')).toBe('Incluso cuando algo va viral, jaja. ¿Cuándo vienes? No sé cuándo llega. Y cuándo llega?');
    expect(spanishUsage('Cuándo La Oficina acabó, lol. Hehehe, LOL', 'es')).toBe('Cuando La Oficina acabó, jaja. Jejeje, JAJA');
    expect(spanishUsage('<a href="lol.html">lol</a>', 'es')).toBe('<a href="lol.html">jaja</a>');
    expect(spanishUsage('Quan arriba, lol', 'ca')).toBe('Quan arriba, lol');
  });

  it('writes the default Spanish word where Apertium picks a marked one (vuestro, aquel, coger), in capitals where shouted', () => {
    expect(spanishUsage('Beberé toda vuestra cerveza. Aquello es bueno; aquella casa. Voy a coger más.', 'es')).toBe('Beberé toda tu cerveza. Eso es bueno; esa casa. Voy a conseguir más.');
    expect(spanishUsage('ATACÓ VUESTROS DIOSES', 'es')).toBe('ATACÓ TUS DIOSES');
    expect(spanishUsage('Aquellos días', 'ca')).toBe('Aquellos días');
  });

  it('writes "estar" where Apertium put "ser" before a gerund, not before "cuando"', () => {
    expect(spanishUsage('Mi cerebro es habiendo un tiempo difícil. He sido escuchando. ERAN HACIENDO.', 'es')).toBe('Mi cerebro está habiendo un tiempo difícil. He estado escuchando. ESTABAN HACIENDO.');
    expect(spanishUsage('Es cuando llega. Es mando a distancia.', 'es')).toBe('Es cuando llega. Es mando a distancia.');
  });

  it('writes "como" for a bare "gusta" (English "like" as a preposition), never where a pronoun makes it the verb', () => {
    expect(spanishUsage('Parece gusta un gato. Es gusta ir al gimnasio.', 'es')).toBe('Parece como un gato. Es como ir al gimnasio.');
    expect(spanishUsage('Me gusta el ritmo y a Ana le gusta. ¿Te gustaría?', 'es')).toBe('Me gusta el ritmo y a Ana le gusta. ¿Te gustaría?');
  });

  it('puts "feliz" first in a greeting the source opens with "Happy", and nowhere else', () => {
    expect(spanishUsage('¡Cumpleaños feliz! Domingo feliz, amigos. Año Nuevo feliz.', 'es', 'Happy birthday! Happy Sunday, friends. Happy New Year.')).toBe('¡Feliz cumpleaños! Feliz domingo, amigos. Feliz Año Nuevo.');
    expect(spanishUsage('Vacaciones felices a todos.', 'es', 'Happy holidays to all.')).toBe('Felices vacaciones a todos.');
    expect(spanishUsage('Perro feliz.', 'es', 'A happy dog.')).toBe('Perro feliz.');
  });

  it('writes English "So" opening a sentence as "Así que" where Apertium made it "Tan" before what "tan" cannot qualify', () => {
    expect(spanishUsage('Tan, dejamos temprano. ¿Tan qué hacemos? “Tan incluso si llueve”, dijo.', 'es')).toBe('Así que, dejamos temprano. ¿Así que qué hacemos? “Así que incluso si llueve”, dijo.');
    // "Tan" before an adjective or an adverb, or inside a sentence, is Spanish.
    expect(spanishUsage('Tan grande era. Es tan bueno. Tan lejos, tan bueno.', 'es')).toBe('Tan grande era. Es tan bueno. Tan lejos, tan bueno.');
  });
});

describe('repairs that raise translation quality, with Apertium (real, eng-spa)', () => {
  let t: Translator;
  beforeAll(() => {
    requireApertiumPair('eng-spa');
    t = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  });
  afterAll(async () => t?.close());

  it('keeps links as written, shouts in capitals, writes cognates and the "que" of a reported clause', async () => {
    const a = await t.translateArticle({
      title: '', excerpt: null,
      html: '<p>Watch https://youtu.be/W5JSfq6LLAU now.</p><p>"YES. I LACK A GUN." He left.</p><p>The monetization of art is here.</p><p>I know you can do it.</p>',
    }, 'en', 'es');
    expect(a.text).toContain('https://youtu.be/W5JSfq6LLAU');
    expect(a.text).toMatch(/"SÍ\. [A-ZÁÉÍÓÚÑ ]+\."/);
    expect(a.text).toContain('La monetización del arte');
    expect(a.text).toContain('Sé que');
    expect(a.html).not.toContain('tw-caps');
  });

  it('leaves in capitals the names of a shouted line the engine knows so, and the article of a copied word agrees with its cognate', async () => {
    const a = await t.translateArticle({ title: '', excerpt: null, html: '<p>BAAR, SWITZERLAND</p><p>They fear the oversaturation of the market.</p>' }, 'en', 'es');
    expect(a.text).toContain('BAAR, SUIZA');
    expect(a.text).toContain('la sobresaturación');
  });
});
