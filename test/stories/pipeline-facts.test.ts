import { describe, expect, it } from 'vitest';
import { figures, newFacts, quotations } from '../../src/stories/adds-facts.ts';

const lead = {
  lang: 'en',
  title: 'Earthquake kills 42 in Valparaiso',
  text: 'A magnitude 6.8 earthquake killed 42 people and injured 310 on Tuesday 3 March 2026. “The city will be rebuilt school by school,” President Gabriel Boric said.',
};

describe('does a member add facts to the lead (translated as an update) or not (listed only)', () => {
  it('figures are read one way whatever the notation; years and small counts are not facts of their own', () => {
    expect(figures('2,000 and 2.000 and 13,5 and 13.5 and 12 and 1,250,000')).toEqual(['2000', '2000', '13.5', '13.5', '12', '1250000']);
    expect(figures('in 2026, 3 ships and 7 boats')).toEqual([]);
  });

  it('quotations of five words or more, in any of the usual marks', () => {
    expect(quotations('He said “we will rebuild every school” and «no vamos a parar nunca» and "short one".')).toEqual(['we will rebuild every school', 'no vamos a parar nunca']);
  });

  it('the same facts in other words add nothing', () => {
    const member = { lang: 'en', title: 'Chile quake toll at 42', text: 'The 6.8 quake left 42 dead and 310 hurt. “The city will be rebuilt school by school,” Boric said.' };
    expect(newFacts(member, lead)).toEqual({ adds: false, figures: [], quotes: [] });
  });

  it('two differing figures are not enough (the disagreement table shows them); three are', () => {
    expect(newFacts({ lang: 'en', title: 'Toll rises to 57', text: 'The quake killed 57 and injured 480.' }, lead)).toEqual({ adds: false, figures: ['57', '480'], quotes: [] });
    expect(newFacts({ lang: 'en', title: 'Toll rises to 57', text: 'The quake killed 57, injured 480 and left 12,000 homeless.' }, lead)).toEqual({ adds: true, figures: ['57', '480', '12000'], quotes: [] });
  });

  it('two new quotations add facts; one, or one the lead already has, does not', () => {
    const chief = '“We will not stop until every building has been checked,” the fire chief said.';
    const mayor = '“Every family will have a roof over its head by Friday,” the mayor said.';
    const known = '“The city will be rebuilt school by school,” Boric said.';
    expect(newFacts({ lang: 'en', title: 'Rescue goes on', text: `${chief} ${known}` }, lead)).toMatchObject({ adds: false, quotes: ['We will not stop until every building has been checked,'] });
    expect(newFacts({ lang: 'en', title: 'Rescue goes on', text: `${chief} ${mayor}` }, lead).adds).toBe(true);
  });

  it('what an earlier update told is known too: the story\'s translated text so far, not the lead alone', () => {
    const update = { lang: 'en', title: 'Toll rises to 57', text: 'The quake killed 57, injured 480 and left 12,000 homeless.' };
    expect(newFacts({ lang: 'en', title: 'Toll at 57', text: 'Officials said 57 died, 480 were hurt and 12,000 lost their homes.' }, [lead, update]).adds).toBe(false);
  });

  it('across languages only figures are compared: a translated quote is not a new one', () => {
    const spanish = { lang: 'es', title: 'Terremoto en Valparaíso', text: '“La ciudad será reconstruida escuela por escuela”, dijo Boric. Murieron 42 personas y 310 resultaron heridas.' };
    expect(newFacts(spanish, lead)).toEqual({ adds: false, figures: [], quotes: [] });
  });
});
