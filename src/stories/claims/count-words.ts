import { PhraseTable } from './phrase-table.ts';

/** What a count of people counts: the event that befell them. */
export type CountCategory = 'killed' | 'injured' | 'missing' | 'arrested' | 'evacuated';
/** Who is counted. "people" is anyone: it is compatible with every other group. */
export type CountGroup = 'troops' | 'civilians' | 'children' | 'police' | 'people';

export const CATEGORY_WORDS = new PhraseTable<CountCategory>([
  ['killed', {
    en: 'killed, kills, kill, dead, deaths, death, died, have died, fatalities, death toll, toll, lost their lives, lives lost, killing, bodies',
    es: 'muertos, muertas, muerto, muerta, muertes, fallecidos, fallecidas, fallecieron, murieron, murio, mata, mato, mataron, matando, asesinados, asesinadas, victimas mortales, perdieron la vida, cifra de muertos, balance de muertos',
    fr: 'morts, mort, mortes, tues, tuees, tue, tuee, tuant, deces, decedes, sont morts, ont peri, victimes mortelles, ont perdu la vie, bilan',
    de: 'tote, toten, getotet, todesopfer, todesopfern, starben, gestorben, ums leben, totet, totete, toteten',
    ca: 'morts, mort, morta, mortes, van morir, moriren, han mort, victimes mortals, han perdut la vida, mata, va matar',
    pt: 'mortos, mortas, morto, morta, mortes, morreram, morreu, obitos, vitimas fatais, perderam a vida, mata, matou, mataram',
  }],
  ['injured', {
    en: 'injured, injures, injure, wounded, wounds, hurt, injuries, injuring, wounding',
    es: 'heridos, heridas, herido, herida, lesionados, lesionadas, hirio, hirieron',
    fr: 'blesses, blessees, blesse, blessee, blessant',
    de: 'verletzte, verletzten, verletzt, verwundete, verwundeten, verwundet, verletzungen',
    ca: 'ferits, ferides, ferit, ferida',
    pt: 'feridos, feridas, ferido, ferida',
  }],
  ['missing', {
    en: 'missing, unaccounted for, unaccounted',
    es: 'desaparecidos, desaparecidas',
    fr: 'disparus, disparues',
    de: 'vermisst, vermisste, vermissten',
    ca: 'desapareguts, desaparegudes',
    pt: 'desaparecidos, desaparecidas',
  }],
  ['arrested', {
    en: 'arrested, arrests, arrest, detained, detains, detentions, arresting, detaining',
    es: 'detenidos, detenidas, detuvo, detuvieron, arrestados, arrestadas, detenciones, arrestos',
    fr: 'arretes, arretees, interpelles, interpellees, interpellations, arrestations',
    de: 'festgenommen, festnahmen, verhaftet, verhaftungen, inhaftiert',
    ca: 'detinguts, detingudes, arrestats, arrestades, detencions',
    pt: 'presos, presas, detidos, detidas, prisoes, detencoes',
  }],
  ['evacuated', {
    en: 'evacuated, evacuate, evacuees, evacuations, evacuating',
    es: 'evacuados, evacuadas, evacuo, evacuaron, desalojados, desalojadas',
    fr: 'evacues, evacuees, evacuation',
    de: 'evakuiert, evakuierte, evakuierten, in sicherheit gebracht',
    ca: 'evacuats, evacuades, desallotjats, desallotjades',
    pt: 'evacuados, evacuadas, retirados',
  }],
]);

export const GROUP_WORDS = new PhraseTable<CountGroup>([
  ['troops', {
    en: 'troops, soldiers, soldier, servicemen, service members, servicemembers, peacekeepers, blue helmets, military, marines',
    es: 'soldados, soldado, tropas, militares, militar, efectivos, cascos azules',
    fr: 'soldats, soldat, militaires, militaire, troupes, casques bleus',
    de: 'soldaten, soldat, truppen, blauhelme, blauhelmsoldaten, militars, armeeangehorige',
    ca: 'soldats, soldat, tropes, militars, militar, cascos blaus',
    pt: 'soldados, soldado, tropas, militares, militar, capacetes azuis',
  }],
  ['civilians', { en: 'civilians, civilian', es: 'civiles, civil', fr: 'civils, civil', de: 'zivilisten, zivilistinnen, zivilpersonen', ca: 'civils, civil', pt: 'civis, civil' }],
  ['children', { en: 'children, child, minors', es: 'ninos, ninas, menores', fr: 'enfants, enfant, mineurs', de: 'kinder', ca: 'nens, nenes, infants, menors', pt: 'criancas, menores' }],
  ['police', {
    en: 'police officers, policemen, police, officers',
    es: 'policias, agentes',
    fr: 'policiers, gendarmes, agents',
    de: 'polizisten, beamte',
    ca: 'policies, agents, mossos',
    pt: 'policiais, policias, agentes',
  }],
  ['people', {
    en: 'people, persons, person, residents',
    es: 'personas, persona, residentes, vecinos',
    fr: 'personnes, habitants',
    de: 'menschen, personen, einwohner',
    ca: 'persones, persona, veins, habitants',
    pt: 'pessoas, pessoa, moradores, habitantes',
  }],
]);

/** Words that may stand between a count and what it counts ("50 people were reportedly killed"). */
export const LINK_WORDS = new PhraseTable<true>([
  [true, {
    en: 'were, was, had, have, has, been, are, being, be, reported, reportedly, confirmed, believed, feared, also, all, more, other, others, further, additional, now, still',
    es: 'fueron, han, habian, habia, sido, resultaron, resulto, resultado, quedaron, estan, estaban, hay, otros, otras, mas, ya, se, siguen, seguian, todavia, aun',
    fr: 'ont, ete, sont, etaient, avaient, a, autres, se, deja, egalement, toujours, encore',
    de: 'wurden, wurde, sind, worden, waren, kamen, weitere, ist, bereits, noch, werden',
    ca: 'han, van, ser, estat, son, eren, altres, mes, ja, encara, continuen',
    pt: 'foram, ficaram, estao, sao, tinham, outros, outras, mais, ja, continuam, ainda',
  }],
]);

/** Words between a count's event and the count, read back ("the death toll rose to 50", "killing 50"). */
export const LEAD_IN_WORDS = new PhraseTable<true>([
  [true, {
    en: 'to, at, rose, risen, climbed, reached, stood, stands, is, was, has, had, now, increased, jumped, hit',
    es: 'a, en, asciende, ascendio, aumento, subio, llego, se, eleva, elevo, ha, es, era, hubo, hay',
    fr: 'a, s\'eleve, s\'est, eleve, atteint, est, passe, monte, de, fait, y',
    de: 'auf, bei, ist, stieg, liegt, sind, wurden, gab, es',
    ca: 'a, de, ha, arribat, puja, va, pujar, s\'eleva, hi',
    pt: 'a, para, subiu, chegou, ja, e, em, houve, ha',
  }],
]);

/** Indefinite amounts: the event words after them belong to them, not to a number before. */
export const VAGUE_AMOUNTS = new PhraseTable<true>([
  [true, {
    en: 'hundreds, thousands, dozens, scores, tens, millions, several, many, some',
    es: 'cientos, centenares, miles, decenas, millones, varios, varias, muchos, muchas',
    fr: 'centaines, milliers, dizaines, millions, plusieurs, nombreux, nombreuses',
    de: 'hunderte, tausende, dutzende, millionen, mehrere, viele, zahlreiche',
    ca: 'centenars, milers, desenes, milions, diversos, diverses, molts, moltes',
    pt: 'centenas, milhares, dezenas, milhoes, varios, varias, muitos, muitas',
  }],
]);

/** Units of time, distance and weight: "killed 3 years ago" counts years, not the dead. */
export const MEASURE_WORDS = new PhraseTable<true>([
  [true, {
    en: 'years, year, days, day, hours, hour, weeks, week, months, month, minutes, seconds, km, kilometres, kilometers, miles, metres, meters, kg, tonnes, tons, times',
    es: 'anos, ano, dias, dia, horas, hora, semanas, meses, mes, minutos, segundos, km, kilometros, millas, metros, kilos, toneladas, veces',
    fr: 'ans, annees, jours, jour, heures, heure, semaines, mois, minutes, secondes, km, kilometres, metres, kilos, tonnes, fois',
    de: 'jahre, jahren, jahr, tage, tagen, tag, stunden, stunde, wochen, monate, monaten, minuten, sekunden, km, kilometer, meter, kilo, tonnen, mal',
    ca: 'anys, any, dies, dia, hores, hora, setmanes, mesos, mes, minuts, segons, km, quilometres, metres, quilos, tones, vegades',
    pt: 'anos, ano, dias, dia, horas, hora, semanas, meses, mes, minutos, segundos, km, quilometros, metros, quilos, toneladas, vezes',
  }],
]);
