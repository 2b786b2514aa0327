/** Apertium names pairs by ISO 639-3 ("eng-spa"); the rest of transwire speaks ISO 639-1. */
const THREE_TO_ONE: Record<string, string> = {
  eng: 'en', spa: 'es', cat: 'ca', glg: 'gl', fra: 'fr', por: 'pt', ita: 'it', deu: 'de', nld: 'nl',
  ron: 'ro', oci: 'oc', eus: 'eu', arg: 'an', ast: 'ast', epo: 'eo', nob: 'nb', nno: 'nn', swe: 'sv',
  dan: 'da', isl: 'is', rus: 'ru', ukr: 'uk', bel: 'be', pol: 'pl', ces: 'cs', slk: 'sk', slv: 'sl',
  hbs: 'sh', srp: 'sr', hrv: 'hr', bos: 'bs', bul: 'bg', mkd: 'mk', kaz: 'kk', tat: 'tt', tur: 'tr',
  aze: 'az', kir: 'ky', uzb: 'uz', ara: 'ar', mlt: 'mt', heb: 'he', fin: 'fi', sme: 'se', est: 'et',
  hin: 'hi', urd: 'ur', ind: 'id', msa: 'ms', afr: 'af', cym: 'cy', bre: 'br', gle: 'ga', gla: 'gd',
  ell: 'el', lat: 'la', sco: 'sco', hye: 'hy', kat: 'ka', fas: 'fa', pes: 'fa',
};
const ONE_TO_THREE = Object.fromEntries(Object.entries(THREE_TO_ONE).map(([a, b]) => [b, a]));
// Apertium uses both codes for a few languages (en-gl, fr-es, es-pt pairs use two-letter names).
ONE_TO_THREE.fa = 'fas';

export function toIso1(code: string): string {
  return THREE_TO_ONE[code] ?? code;
}

export function toIso3(code: string): string {
  return ONE_TO_THREE[code] ?? code;
}
