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
  burgermeister porta-voz prefeito conseller consellera sr sra don dona ceo chairman chairwoman founder official officials
  member adviser advisor spokesperson representative rep lawyer attorney executive producer`.split(/\s+/),
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

/** Capitalized words that open a sentence without naming anyone ("Asked whether…, he said"). */
export const NOT_NAMES = new Set(
  `asked speaking writing meanwhile however earlier later today yesterday tonight instead still preguntado preguntada
  interroge interrogee gefragt questionado questionada perguntado preguntat pedido pedida`.split(/\s+/),
);

/** Prepositions: a name after one is where something was said ("on Facebook"), not who said it. */
export const PREPOSITIONS = new Set(
  `on in at to from with for by via into during after before about en al con desde por para sobre tras sur dans au aux avec pour par
  apres avant auf mit bei nach vor uber im am vom zum zur amb per cap em na ao com pelo pela`.split(/\s+/),
);

/** Words of an institution's name: a ministry, an agency, a police force, a newspaper. */
export const INSTITUTION_WORDS = new Set(
  `police ministry government agency department office council service services branch airline airlines airways news times
  post press committee commission party army forces company group union association institute university court embassy
  movement foundation organization organisation bank authority board federation
  policia ministerio gobierno agencia departamento oficina consejo servicio comision partido ejercito empresa grupo
  asociacion universidad tribunal embajada movimiento fundacion banco autoridad federacion
  ministere gouvernement agence bureau conseil comite parti armee entreprise groupe universite tribunal ambassade mouvement
  ministerium regierung agentur amt rat dienst partei armee unternehmen gruppe gericht botschaft polizei
  ministeri govern agencia consell servei partit exercit empresa grup universitat
  ministerio governo agencia conselho servico partido exercito empresa grupo universidade`.split(/\s+/),
);
