import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../../src/stories/claims/index.ts';
import { quoteClaims } from '../../../src/stories/claims/quote-claims.ts';
import { member } from './story-fixtures.ts';

function speakers(text: string, lang = 'en'): string[] {
  return quoteClaims(member('x', 'outlet', lang, text)).map((q) => q.speaker.name);
}

describe('claims: who a quotation is given to', () => {
  it.each([
    ['“Our forces responded to provocations,” said Russian Foreign Minister Sergei Lavrov.', 'en', 'Sergei Lavrov'],
    ['“Our forces responded to provocations,” Pashinyan told reporters.', 'en', 'Pashinyan'],
    ['Armenian Prime Minister Nikol Pashinyan said: “Our forces responded to provocations.”', 'en', 'Nikol Pashinyan'],
    // Shapes found in real wire copy (news-clusters-en), each once read wrong.
    ['A spokesperson for Buhari, Mallam Garba Shehu, said the release “is the outcome of negotiations with the group.”', 'en', 'Mallam Garba Shehu'],
    ['When asked whether it was a mistake, Ken Ehrlich, the longtime producer of the show, said, “There is no way we can deal with everybody.”', 'en', 'Ken Ehrlich'],
    ['«Nous ne céderons jamais face à la menace», a déclaré le président Emmanuel Macron.', 'fr', 'Emmanuel Macron'],
    ['„Wir werden die Grenze weiter schützen“, sagte Bundeskanzler Olaf Scholz.', 'de', 'Olaf Scholz'],
    ['“Vamos reconstruir todas as casas destruídas”, disse o presidente Lula.', 'pt', 'Lula'],
    ['«Reconstruirem totes les cases destruïdes», va dir el president Salvador Illa.', 'ca', 'Salvador Illa'],
    ['«Nuestras fuerzas respondieron a provocaciones», dijo su portavoz, Ilse Marrow.', 'es', 'Ilse Marrow'],
    // Apertium capitalizes a verb after a name it does not know.
    ['«Nuestras fuerzas respondieron a provocaciones», Bamford Dijo.', 'es', 'Bamford'],
  ])('%s → %s', (text, lang, name) => {
    expect(speakers(text, lang)).toEqual([name]);
  });

  it.each([
    ['“Our forces responded to provocations,” he said.'],
    ['In a statement, a rep for Weinstein said, “Mr. Weinstein acknowledges making an awkward pass.”'],
    ['A spokesperson for the airline told HuffPost that the crew “became aware that one passenger boarded the wrong flight.”'],
    ['He said the tram failed to brake between the Lloyd Park and Sandilands stops. “The next thing I knew we were on our side.”'],
    ['“We are extremely delighted and grateful,” the group wrote on Facebook.'],
    ['Pashinyan’s spokeswoman said: “Our forces responded to provocations.”'],
    ['«Nuestras fuerzas respondieron a provocaciones», dijo al Erie Times-News.'],
    ['Hablando fuera de Croydon Hospital Universitario, donde está siendo tratado, dijo que había “sangre en todas partes del vagón”.', 'es'],
    ['“If we say that Azerbaijan carried out aggression,” Russian agency Tass quoted Russian agency Tass as saying.'],
  ])('names no one: %s', (text, lang = 'en') => {
    expect(speakers(text, lang)).toEqual([]);
  });

  it('a quotation that goes on after its attribution keeps its speaker', () => {
    expect(speakers('“My eyes just about popped out of my head,” Horomanski told the Erie Times-News. “We had put up Christmas lights and wondered.”')).toEqual(['Horomanski', 'Horomanski']);
    // Not across another sentence of the outlet's own.
    expect(speakers('“My eyes just about popped out of my head,” Horomanski said. It was wrong. “We had put up Christmas lights and wondered.”')).toEqual(['Horomanski']);
  });

  it('an institution and its officer are not two speakers of one quotation', () => {
    const a = member('a', 'one', 'en', '“The tram was travelling at a significantly higher speed than permitted,” said British Transport Police.');
    const b = member('b', 'two', 'en', '“The tram was travelling at a significantly higher speed than permitted,” said Robin Smith.');
    const c = member('c', 'three', 'en', '“The tram was travelling at a significantly higher speed than permitted,” said Sadiq Khan.');
    expect(findDisagreements([a, b])).toEqual([]);
    expect(findDisagreements([a, b, c])).toHaveLength(1);
  });
});
