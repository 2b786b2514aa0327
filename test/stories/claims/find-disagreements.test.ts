import { describe, expect, it } from 'vitest';
import { findDisagreements, type Disagreement } from '../../../src/stories/claims/index.ts';
import { quoteClaims } from '../../../src/stories/claims/quote-claims.ts';
import { clashes, flood, member, seedPage, seedWire } from './story-fixtures.ts';

/** A disagreement as value → outlets, for assertions that read like the table. */
function table(d: Disagreement | undefined): Record<string, string[]> {
  return Object.fromEntries((d?.values ?? []).map((v) => [v.value, v.sources.map((s) => s.outlet)]));
}

describe('findDisagreements: planted disagreements', () => {
  const found = findDisagreements(clashes);

  it('105 soldiers killed per two outlets (one in Spanish), 50 per another', () => {
    const killed = found.find((d) => d.claim === 'killed');
    expect(table(killed)).toEqual({ '105': ['wire-a', 'agencia-b'], '50': ['wire-c'] });
    expect(killed?.values[0]!.sources[1]!.shown).toBe('105 soldados murieron');
  });

  it('injured 30 (English, and French in words) against 45 (Spanish)', () => {
    const injured = found.find((d) => d.claim === 'injured');
    expect(table(injured)).toEqual({ '30': ['wire-a', 'journal-d'], '45': ['agencia-b'] });
    // Shown as each outlet wrote it, qualifier included.
    expect(injured?.values[0]!.sources[0]!.shown).toBe('At least 30 people were injured');
    expect(injured?.values[1]!.sources[0]).toMatchObject({ articleId: 'b1', url: 'https://agencia-b.example/b1', shown: 'Al menos 45 personas resultaron heridas' });
  });

  it('one quotation given to two speakers', () => {
    const speaker = found.find((d) => d.kind === 'speaker');
    expect(speaker?.claim).toBe('If we say that Azerbaijan carried…');
    expect(table(speaker)).toEqual({ Pashinyan: ['wire-a'], 'Sergei Lavrov': ['wire-c'] });
    expect(speaker?.values[1]!.sources[0]!.shown).toBe('Russian Foreign Minister Sergei Lavrov');
  });

  it('nothing else: 2,000 / two thousand / 2.000 / 2 000 peacekeepers agree', () => {
    expect(found.map((d) => d.claim)).toEqual(['killed', 'injured', 'If we say that Azerbaijan carried…']);
  });
});

describe('findDisagreements: agreements in other notations and languages', () => {
  it('a flood told in six languages and every notation has no disagreement', () => {
    expect(findDisagreements(flood)).toEqual([]);
  });

  it('"at least 50" and "50" are the same claim; "at least 50" and 105 are not', () => {
    const a = member('a', 'one', 'en', 'At least 50 people were killed.');
    expect(findDisagreements([a, member('b', 'two', 'en', '50 people were killed.')])).toEqual([]);
    expect(table(findDisagreements([a, member('c', 'three', 'en', '105 people were killed.')])[0])).toEqual({ '50': ['one'], '105': ['three'] });
  });

  it('1.5 million and 1.500.000 in money agree; 2.5 million disagrees', () => {
    const a = member('a', 'one', 'en', 'The European Union pledged $1.5 million for Valencia.');
    const b = member('b', 'two', 'es', 'La Unión Europea aprobó 1.500.000 dólares para Valencia.');
    expect(findDisagreements([a, b])).toEqual([]);
    const c = member('c', 'three', 'en', 'The European Union then pledged $2.5 million for Valencia.');
    expect(findDisagreements([a, c])).toEqual([{ kind: 'figure', claim: 'USD', values: [
      { value: '1500000', sources: [expect.objectContaining({ outlet: 'one', shown: '$1.5 million' })] },
      { value: '2500000', sources: [expect.objectContaining({ outlet: 'three', shown: '$2.5 million' })] },
    ] }]);
  });

  it('figures about different sides are not set against each other', () => {
    const a = member('a', 'one', 'en', '105 Armenian soldiers were killed.');
    const b = member('b', 'two', 'en', '50 Azerbaijani soldiers were killed.');
    const c = member('c', 'three', 'es', '105 soldados armenios murieron.');
    const d = member('d', 'four', 'es', '90 soldados armenios murieron.');
    expect(findDisagreements([a, b, c])).toEqual([]);
    expect(table(findDisagreements([a, b, d])[0])).toEqual({ '105': ['one'], '90': ['four'] });
  });

  it('a figure is set against the one of another member that names the same side', () => {
    const en = member('a', 'one', 'en', 'Stenmark said 87 Tarvenian soldiers had been killed. Ossland reported 41 military deaths.');
    const es = member('b', 'two', 'es', 'Stenmark dijo que 92 soldados tarvenios habían muerto. Osslandia informó de 41 militares muertos.');
    const found = findDisagreements([en, es]);
    expect(found).toHaveLength(1);
    expect(table(found[0])).toEqual({ '87': ['one'], '92': ['two'] });
  });

  it('sides named in two languages do not keep an agreeing figure out ("passengers", "pasajeros")', () => {
    const a = member('a', 'one', 'en', 'The capsizing killed 12 passengers and injured 30.');
    const b = member('b', 'two', 'es', 'El naufragio mató a 12 pasajeros el lunes.');
    const c = member('c', 'three', 'en', 'The capsizing killed 15 passengers, officials said.');
    expect(table(findDisagreements([a, b, c])[0])).toEqual({ '12': ['one', 'two'], '15': ['three'] });
  });

  it('a part of a toll, named by its side, is not another toll', () => {
    const a = member('a', 'one', 'en', 'Twelve people were killed in the crash.');
    const b = member('b', 'two', 'en', 'The crash killed 10 Americans.');
    const c = member('c', 'three', 'en', 'The crash killed 14 Americans.');
    expect(findDisagreements([a, b])).toEqual([]);
    expect(table(findDisagreements([a, c])[0])).toEqual({ '12': ['one'], '14': ['three'] });
  });

  it('percentages of different things are not compared', () => {
    const a = member('a', 'one', 'en', 'Unemployment in Spain fell to 4.5% in May.');
    const b = member('b', 'two', 'en', 'Inflation in Spain rose to 3% in May.');
    const c = member('c', 'three', 'en', 'Unemployment in Spain fell to 4.9% in May.');
    expect(findDisagreements([a, b])).toEqual([]);
    expect(table(findDisagreements([a, b, c])[0])).toEqual({ '4.5': ['one'], '4.9': ['three'] });
  });
});

describe('findDisagreements: dates', () => {
  const en = member('a', 'one', 'en', 'The presidential election in Chile will be held on 13 September, officials said.');
  it('the same day in other words and languages agrees', () => {
    const es = member('b', 'two', 'es', 'La elección presidencial de Chile se celebrará el 13 de septiembre.');
    const de = member('c', 'three', 'de', 'Die Präsidentschaftswahl in Chile findet am 13. September statt.');
    const en2 = member('d', 'four', 'en', 'The presidential election in Chile will be held on September 13th.');
    expect(findDisagreements([en, es, de, en2])).toEqual([]);
  });

  it('another day for the same thing disagrees; a month apart is another day of the story', () => {
    const other = member('e', 'five', 'en', 'The presidential election in Chile will be held on 14 September 2022, officials said.');
    expect(findDisagreements([en, other])).toEqual([{ kind: 'figure', claim: 'date', values: [
      { value: '--09-13', sources: [expect.objectContaining({ outlet: 'one', shown: '13 September' })] },
      { value: '--09-14', sources: [expect.objectContaining({ outlet: 'five', shown: '14 September 2022' })] },
    ] }]);
    const later = member('f', 'six', 'en', 'The presidential election in Chile will be held on 13 October, officials said.');
    expect(findDisagreements([en, later])).toEqual([]);
  });
});

describe('findDisagreements: the seed example', () => {
  it('"Tass quoted Russian agency Tass" names no speaker: no phantom Tass', () => {
    const speakers = quoteClaims(seedPage).map((q) => q.speaker.name);
    expect(speakers).toEqual(['Armen Grigoryan']);
    expect(quoteClaims(seedWire).map((q) => q.speaker.name)).toEqual(['Armen Grigoryan', 'Pashinyan']);
    expect(findDisagreements([seedPage, seedWire])).toEqual([]);
  });

  it('a member giving 105 Armenian and 50 Azerbaijani dead says nothing against one giving 50 dead', () => {
    const other = member('o', 'other', 'en', 'Azerbaijan said 50 soldiers were killed.');
    expect(findDisagreements([seedPage, other])).toEqual([]);
  });
});

describe('findDisagreements: quotations across languages', () => {
  it('are matched by their numbers and names, and a second speaker is a disagreement', () => {
    const en = member('e', 'wire-a', 'en', '“Putin and Erdogan agreed on 3 points in Sochi,” said Kremlin spokesman Dmitry Peskov.');
    const es = member('s', 'agencia-b', 'es', '«Putin y Erdogan acordaron 3 puntos en Sochi», dijo Serguéi Lavrov.');
    const d = findDisagreements([en, es]);
    expect(d).toHaveLength(1);
    expect(table(d[0])).toEqual({ 'Dmitry Peskov': ['wire-a'], 'Serguéi Lavrov': ['agencia-b'] });
  });

  it('without numbers and names in them they are left unaligned rather than guessed', () => {
    const en = member('e', 'wire-a', 'en', '“We will respond to any aggression with force,” said Lavrov.');
    const es = member('s', 'agencia-b', 'es', '«Responderemos a cualquier agresión con fuerza», dijo Peskov.');
    expect(findDisagreements([en, es])).toEqual([]);
  });

  it('a title set apart from the name by a comma still leads to the name', () => {
    const a = member('a', 'one', 'es', '«Nuestras fuerzas respondieron a provocaciones», dijo su portavoz, Ilse Marrow.');
    const b = member('b', 'two', 'es', '«Nuestras fuerzas respondieron a provocaciones», dijo el ministro Teodor Anvik.');
    expect(table(findDisagreements([a, b])[0])).toEqual({ 'Ilse Marrow': ['one'], 'Teodor Anvik': ['two'] });
  });

  it('the same speaker spelt two ways is no disagreement', () => {
    const a = member('a', 'one', 'en', '“We will respond to any aggression with overwhelming force,” Pashinyan said.');
    const b = member('b', 'two', 'en', 'Armenian Prime Minister Nikol Pashinian said: “We will respond to any aggression with overwhelming force.”');
    expect(findDisagreements([a, b])).toEqual([]);
    // A shorter cut of the same quotation is the same quotation.
    const c = member('c', 'three', 'en', 'Aliyev said: “We will respond to any aggression with force.”');
    expect(table(findDisagreements([a, c])[0])).toEqual({ Pashinyan: ['one'], Aliyev: ['three'] });
  });
});
