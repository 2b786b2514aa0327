import { PhraseTable } from './phrase-table.ts';

/** Currencies by ISO code, as words after the amount. */
export const CURRENCY_WORDS = new PhraseTable<string>([
  ['USD', { en: 'dollars, us dollars, dollar', es: 'dolares, dolar', fr: 'dollars, dollar', de: 'dollar, us-dollar', ca: 'dolars, dolar', pt: 'dolares, dolar' }],
  ['EUR', { en: 'euros, euro', es: 'euros, euro', fr: 'euros, euro', de: 'euro', ca: 'euros, euro', pt: 'euros, euro' }],
  ['GBP', { en: 'pounds, pounds sterling, sterling', es: 'libras', fr: 'livres sterling, livres', de: 'pfund', ca: 'lliures', pt: 'libras' }],
  ['RUB', { en: 'roubles, rubles', es: 'rublos', fr: 'roubles', de: 'rubel', ca: 'rubles', pt: 'rublos' }],
  ['JPY', { en: 'yen', es: 'yenes', fr: 'yens', de: 'yen', ca: 'iens', pt: 'ienes' }],
  ['CNY', { en: 'yuan', es: 'yuanes', fr: 'yuans', de: 'yuan', ca: 'iuans', pt: 'iuanes' }],
  ['BRL', { en: 'reais', es: 'reales', fr: 'reais', de: 'real', ca: 'reals', pt: 'reais' }],
]);

/** Currency signs before the amount. */
export const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY']]);
/** Letters written against a sign: "US$", "R$", "A$". */
export const SIGN_PREFIXES: ReadonlyMap<string, string> = new Map([['us', 'USD'], ['r', 'BRL'], ['a', 'AUD'], ['c', 'CAD'], ['hk', 'HKD']]);

/** "of" between a scale and its currency ("millones de dólares", "millions of dollars"). */
export const OF_WORDS = new Set(['of', 'de', "d'", 'di']);

export const PERCENT_WORDS = new PhraseTable<true>([
  [true, { en: 'percent, per cent, pct', es: 'por ciento', fr: 'pour cent, pourcent', de: 'prozent', ca: 'per cent', pt: 'por cento' }],
]);

/** Month names, folded, to tell a day of a date from a count ("13 September", "septiembre 13"). */
export const MONTH_WORDS = new PhraseTable<number>(
  [
    ['january jan', 'enero', 'janvier', 'januar janner', 'gener', 'janeiro'],
    ['february feb', 'febrero', 'fevrier', 'februar', 'febrer', 'fevereiro'],
    ['march mar', 'marzo', 'mars', 'marz', 'marc', 'marco'],
    ['april apr', 'abril', 'avril', 'april', 'abril', 'abril'],
    ['may', 'mayo', 'mai', 'mai', 'maig', 'maio'],
    ['june jun', 'junio', 'juin', 'juni', 'juny', 'junho'],
    ['july jul', 'julio', 'juillet', 'juli', 'juliol', 'julho'],
    ['august aug', 'agosto', 'aout', 'august', 'agost', 'agosto'],
    ['september sep sept', 'septiembre setiembre', 'septembre', 'september', 'setembre', 'setembro'],
    ['october oct', 'octubre', 'octobre', 'oktober', 'octubre', 'outubro'],
    ['november nov', 'noviembre', 'novembre', 'november', 'novembre', 'novembro'],
    ['december dec', 'diciembre', 'decembre', 'dezember', 'desembre', 'dezembro'],
  ].map((names, i): [number, Record<string, string>] => [
    i + 1,
    { en: names[0]!.split(' ').join(', '), es: names[1]!.split(' ').join(', '), fr: names[2]!, de: names[3]!.split(' ').join(', '), ca: names[4]!, pt: names[5]! },
  ]),
);
