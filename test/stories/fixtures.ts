import type { StoryArticle } from '../../src/stories/index.ts';

/** Small hand-written reports: two events that share words (a fire in a port, a strike in a port). */
export const QUAKE_BODY = [
  'A magnitude 6.8 earthquake struck the coastal city of Valparaiso on Tuesday, killing at least 42 people and injuring 310, Chilean officials said.',
  'The quake hit at 3:14 a.m. local time at a depth of 25 kilometres, according to the national seismology centre, and was felt as far away as Santiago.',
  'Rescue teams searched collapsed buildings in the old harbour district through the night, and the navy sent two ships with medical supplies.',
  'President Gabriel Boric declared a state of catastrophe in the Valparaiso region and said the government would rebuild every damaged school.',
  'Aftershocks of up to magnitude 5.1 kept residents in the streets, and officials closed the port while engineers inspected its cranes.',
].join('\n');

export function article(over: Partial<StoryArticle> & { id: string }): StoryArticle {
  return { lang: 'en', title: '', text: '', published: new Date('2026-03-03T08:00:00Z'), ...over };
}

export const quake = article({
  id: 'quake-1',
  title: 'Earthquake kills 42 in Valparaiso',
  lead: 'A magnitude 6.8 quake struck the Chilean port city of Valparaiso, killing at least 42 people.',
  text: QUAKE_BODY,
  outlet: 'wire.example',
});

/** The same wire copy, another headline, one more paragraph at the end, some page chrome. */
export const quakeRepublished = article({
  id: 'quake-copy',
  title: 'Deadly quake hits Chile: dozens dead',
  lead: null,
  text: `${QUAKE_BODY}\nThe Red Cross said it had opened shelters for 2,000 people in schools and sports halls across the city.\nShare this article`,
  published: new Date('2026-03-03T09:30:00Z'),
  outlet: 'daily.example',
});

/** Another outlet's own report of the quake: other words, same facts. */
export const quakeOwnReport = article({
  id: 'quake-2',
  title: 'Chile quake: death toll rises to 42 as rescuers search Valparaiso rubble',
  lead: 'Rescuers in Valparaiso dug through rubble after a 6.8 magnitude earthquake hit Chile overnight.',
  text: [
    'The death toll from the magnitude 6.8 earthquake that hit Valparaiso overnight rose to 42, with 310 people injured, the interior ministry said.',
    'President Gabriel Boric visited the harbour district, where several old buildings collapsed, and declared a state of catastrophe.',
    'The seismology centre said the quake struck at a depth of 25 kilometres. Residents spent the night outdoors as aftershocks shook the city.',
  ].join('\n'),
  published: new Date('2026-03-03T11:00:00Z'),
  outlet: 'times.example',
});

/** A different event with shared words: a port, a city, officials, ships, Tuesday. */
export const portStrike = article({
  id: 'strike-1',
  title: 'Dock workers strike closes port of Rotterdam',
  lead: 'Dock workers in Rotterdam walked out on Tuesday over pay, closing the port to container ships, union officials said.',
  text: [
    'Thousands of dock workers at the port of Rotterdam went on strike on Tuesday after talks on a new wage agreement with terminal operators collapsed, the FNV union said.',
    'Container ships queued outside the harbour and officials said cargo would be diverted to Antwerp and Hamburg while the strike lasted.',
    'The union is asking for a 9 percent raise and earlier retirement for crane operators; the employers offered 4.5 percent.',
    'Dutch economy minister Micky Adriaansens urged both sides to return to the table, warning of shortages in supermarkets within a week.',
  ].join('\n'),
  published: new Date('2026-03-03T10:00:00Z'),
  outlet: 'wire.example',
});

/** A later report that adds facts: a higher toll, more injured and treated, and two quotations the first report does not have. */
export const quakeUpdate = article({
  id: 'quake-3',
  title: 'Valparaiso earthquake: toll rises to 57 as rescuers reach harbour district',
  lead: 'The death toll from the Valparaiso earthquake rose to 57 on Wednesday, with 480 people injured.',
  text: [
    'The death toll from the magnitude 6.8 earthquake in Valparaiso rose to 57 on Wednesday, and 480 people were injured, the interior ministry said.',
    '“We will not stop searching until every building in the harbour district has been checked,” said President Gabriel Boric during a visit to the rubble.',
    'Aftershocks continued to shake the Chilean port city, where the navy has set up two field hospitals.',
    '“The harbour hospital has treated 212 people since Tuesday night and needs more blood donors,” said health minister Ximena Aguilera.',
  ].join('\n'),
  published: new Date('2026-03-04T09:00:00Z'),
  outlet: 'courier.example',
});
