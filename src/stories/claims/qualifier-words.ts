import { PhraseTable } from './phrase-table.ts';

/**
 * How a figure is qualified. "At least 50" and "50" state the same number and agree; a bound
 * reaches a quarter past its number ("more than 50" agrees with 60, not with 105), an
 * approximation a twentieth either side ("about 900" and "about 1,100" disagree).
 */
export type Qualifier = 'lower' | 'upper' | 'about' | 'between';

export const QUALIFIER_WORDS = new PhraseTable<Qualifier>([
  ['lower', {
    en: 'at least, more than, over, upwards of, no fewer than, no less than, in excess of, at least some',
    es: 'al menos, por lo menos, mas de, como minimo, un minimo de, no menos de',
    fr: 'au moins, plus de, pas moins de, au minimum, au bas mot',
    de: 'mindestens, mehr als, uber, wenigstens',
    ca: 'almenys, com a minim, mes de, si mes no, pel cap baix',
    pt: 'pelo menos, mais de, ao menos, no minimo',
  }],
  ['upper', {
    en: 'up to, nearly, almost, fewer than, less than, under, as many as, close to',
    es: 'hasta, casi, menos de',
    fr: 'jusqu\'a, presque, moins de, pres de, quasi',
    de: 'bis zu, fast, knapp, weniger als, beinahe',
    ca: 'fins a, gairebe, menys de',
    pt: 'ate, quase, menos de',
  }],
  ['about', {
    en: 'about, around, some, roughly, approximately, an estimated, estimated, circa, approx',
    es: 'unos, unas, alrededor de, cerca de, aproximadamente, en torno a, aprox',
    fr: 'environ, quelque, autour de, approximativement, une estimation de',
    de: 'etwa, rund, ungefahr, circa, ca, schatzungsweise',
    ca: 'uns, unes, prop de, aproximadament, al voltant de, cap a',
    pt: 'cerca de, aproximadamente, uns, umas, por volta de, em torno de, perto de',
  }],
  ['between', { en: 'between, from', es: 'entre, de, desde', fr: 'entre, de', de: 'zwischen, von', ca: 'entre, de', pt: 'entre, de' }],
]);

/** What joins the two ends of a range ("30 to 45", "entre 30 y 45"); a dash does too. */
export const RANGE_WORDS = new PhraseTable<true>([
  [true, { en: 'to, and', es: 'a, y, hasta', fr: 'a, et', de: 'bis, und', ca: 'a, i, fins a', pt: 'a, e, ate' }],
]);

/** The interval a figure stands for, with its qualifier. */
export function interval(value: number, rounding: number, qualifier: Qualifier | null): [number, number] {
  // Divided, not multiplied: 40 * 1.1 is 44.00000000000001.
  if (qualifier === 'lower') return [value, value + value / 4];
  if (qualifier === 'upper') return [value - value / 5, value];
  if (qualifier === 'about') return [value - value / 20, value + value / 20];
  return [value - rounding, value + rounding];
}
