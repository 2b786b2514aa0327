import type { ClaimSource } from '../../../src/stories/claims/index.ts';

/** A member of a story: an outlet's article, with the fields claims need. */
export function member(articleId: string, outlet: string, lang: string, text: string): ClaimSource {
  return { articleId, outlet, url: `https://${outlet}.example/${articleId}`, lang, text, publishedAt: new Date('2022-09-14T10:00:00Z') };
}

/**
 * Border clashes told by four outlets in three languages, with planted disagreements: soldiers
 * killed 105 (wire-a, agencia-b) vs 50 (wire-c); injured 30 (wire-a) vs 45 (agencia-b, in
 * Spanish); one quotation given to Pashinyan (wire-a) and to Lavrov (wire-c). Planted agreements:
 * 2,000 / two thousand / 2.000 / 2 000 peacekeepers, "at least 30" / "30" injured (wire-a, journal-d).
 */
export const clashes: ClaimSource[] = [
  member('a1', 'wire-a', 'en', [
    'YEREVAN — Armenian Prime Minister Nikol Pashinyan told parliament that 105 soldiers had been killed since the fighting began this week.',
    'At least 30 people were injured in the shelling of border villages, the health ministry said.',
    'Russia maintains 2,000 peacekeepers in the region.',
    '“If we say that Azerbaijan carried out aggression against Armenia, it means that they managed to establish control over certain territories,” Pashinyan said.',
  ].join('\n')),
  member('b1', 'agencia-b', 'es', [
    'EREVÁN — El primer ministro armenio, Nikol Pashinián, dijo ante el parlamento que 105 soldados murieron desde el inicio de los combates.',
    'Al menos 45 personas resultaron heridas en los bombardeos, según el Ministerio de Sanidad.',
    'Rusia mantiene 2.000 cascos azules en la región.',
  ].join('\n')),
  member('c1', 'wire-c', 'en', [
    'Armenia said 50 soldiers were killed in the clashes on Tuesday.',
    'Russia, which keeps two thousand peacekeepers in the region, called for calm.',
    '“If we say that Azerbaijan carried out aggression against Armenia, it means that they managed to establish control over certain territories,” said Russian Foreign Minister Sergei Lavrov.',
  ].join('\n')),
  member('d1', 'journal-d', 'fr', [
    'La Russie maintient 2 000 soldats de la paix dans la région.',
    'Trente personnes ont été blessées, selon le ministère.',
  ].join('\n')),
];

/**
 * One flood told in six languages and every notation; nothing disagrees: 2,000 / two thousand /
 * 2.000 / 2 000 / 2k / zweitausend evacuated; "at least 12" / 12 / doce / zwölf dead; $1.5 million
 * / 1,500,000 dollars / 1,5 millones de dólares in aid.
 */
export const flood: ClaimSource[] = [
  member('f-en', 'wire-a', 'en', 'At least 12 people died when the river burst its banks. Some 2,000 residents were evacuated overnight. The government pledged $1.5 million in emergency aid.'),
  member('f-en2', 'wire-c', 'en', 'Twelve people were killed in the flooding and two thousand were evacuated. Officials approved 1,500,000 dollars in aid.'),
  member('f-es', 'agencia-b', 'es', 'Doce personas murieron en la inundación. Unas 2.000 personas fueron evacuadas. El Gobierno aprobó 1,5 millones de dólares en ayuda.'),
  member('f-fr', 'journal-d', 'fr', 'Douze personnes sont mortes. Environ 2 000 habitants ont été évacués.'),
  member('f-de', 'zeitung-e', 'de', 'Zwölf Menschen kamen ums Leben, rund zweitausend Menschen wurden evakuiert.'),
  member('f-ca', 'diari-f', 'ca', 'Dotze persones han mort i 2.000 persones han estat evacuades.'),
  member('f-pt', 'jornal-g', 'pt', 'Pelo menos 12 pessoas morreram e 2k pessoas foram evacuadas.'),
];

/** The seed example's page (../shared/seed-example.md), attribution garble included. */
export const seedPage = member('seed', 'machine-site', 'en', [
  'Russia is the main diplomatic force in the region and maintains 2,000 blue helmets there. Moscow brokered the deal that ended the 2020 fighting – dubbed the Second Karabakh War – in which hundreds died.',
  'Russian news agencies quoted Armen Grigoryan, secretary of the Armenian Security Council, as saying on Armenian television: “Thanks to the involvement of the international community, an agreement has been reached on a ceasefire.”',
  'Armenian Prime Minister Nikol Pashinyan previously told parliament that 105 Armenian servicemen had been killed since the violence began this week.',
  'Azerbaijan reported 50 military deaths on the first day of fighting. Reuters was unable to verify the accounts of either party.',
  '“If we say that Azerbaijan carried out aggression against Armenia, it means that they managed to establish control over certain territories,” Russian agency Tass quoted Russian agency Tass as saying.',
  'In a Facebook post, he accused the reports of “informational sabotage directed by hostile forces.”',
  'US Secretary of State Antony Blinken said on Tuesday that Russia could either “stir the pot” or use its influence to help “calm the waters”.',
].join('\n'));

/** The same page as the wire wrote it: the quotation is Pashinyan's. */
export const seedWire = member('wire', 'wire-a', 'en', [
  'Russia maintains 2,000 peacekeepers there.',
  'Russian news agencies quoted Armen Grigoryan, secretary of the Armenian Security Council, as saying on Armenian television: “Thanks to the involvement of the international community, an agreement has been reached on a ceasefire.”',
  'Pashinyan told parliament that 105 Armenian servicemen had been killed since the violence began this week. Azerbaijan reported 50 military deaths on the first day of fighting.',
  '“If we say that Azerbaijan carried out aggression against Armenia, it means that they managed to establish control over certain territories,” Russian agency Tass quoted Pashinyan as saying.',
].join('\n'));
