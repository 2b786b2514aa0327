import { PhraseTable } from './phrase-table.ts';

/** Verbs (and "according to") that attribute a quotation to its speaker. */
export const SPEECH_WORDS = new PhraseTable<true>([
  [true, {
    en: 'said, says, say, told, tells, added, adds, stated, declared, insisted, warned, explained, wrote, tweeted, noted, stressed, argued, claimed, asked, continued, concluded, replied, remarked, announced, according to',
    es: 'dijo, dice, afirmo, afirma, declaro, declara, senalo, senala, anadio, aseguro, asegura, explico, indico, advirtio, sostuvo, manifesto, subrayo, destaco, apunto, insistio, agrego, escribio, segun, ha dicho, ha afirmado, ha declarado, ha senalado, ha asegurado, ha explicado, ha anadido',
    fr: 'a dit, a declare, a affirme, a ajoute, a souligne, a explique, a indique, a assure, a estime, a precise, a averti, a ecrit, dit, declare, affirme, ajoute, souligne, selon',
    de: 'sagte, sagt, erklarte, erklart, betonte, so, fugte hinzu, schrieb, warnte, meinte, laut',
    ca: 'va dir, va afirmar, va declarar, ha dit, ha afirmat, ha declarat, va assegurar, va explicar, va afegir, ha afegit, segons, diu, afirma, explica',
    pt: 'disse, diz, afirmou, afirma, declarou, acrescentou, explicou, segundo, de acordo com, alertou, destacou, ressaltou, escreveu',
  }],
]);

/**
 * Titles and offices before a name ("Armenian Prime Minister Nikol Pashinyan"): the speaker is
 * the name after the last of them.
 */
export const TITLE_WORDS = new Set(
  `president prime minister secretary foreign deputy senator sen rep gen general chancellor mr mrs ms dr spokesman spokeswoman
  spokesperson chief director ambassador king queen pope mayor governor state defense defence interior agency news leader head
  presidente presidenta ministro ministra primer primera secretario secretaria portavoz alcalde alcaldesa gobernador
  ministre premier porte-parole maire chef kanzler bundeskanzler kanzlerin prasident prasidentin ministerin sprecher sprecherin
  burgermeister porta-voz prefeito conseller consellera sr sra don dona`.split(/\s+/),
);

/** Small words inside a name ("Charles de Gaulle", "Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'van', 'von', 'der', 'den', 'al', 'bin', 'ibn', 'di', 'du', 'dos', 'das', 'le', 'la']);

/** Days and months: "said on Tuesday" names no one. */
export const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes sabado domingo lundi mardi
  mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag dilluns dimarts dimecres
  dijous divendres dissabte diumenge segunda-feira terca-feira quarta-feira quinta-feira sexta-feira sabado domingo january
  february march april may june july august september october november december enero febrero marzo abril mayo junio julio agosto
  septiembre octubre noviembre diciembre janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre`.split(/\s+/),
);
