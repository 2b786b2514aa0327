import { describe, expect, it } from 'vitest';
import { lowerAfterLeadingPlaceholder } from '../../src/translate/repair/placeholder-case.ts';

// What Apertium eng-spa answers for a headline that opens with protected names (seen on the demo:
// "Tarvenia Y Ossland acordar…", "Skerry El radiotelescopio…").
describe('lowerAfterLeadingPlaceholder', () => {
  it.each([
    ['<x id="g0"/> and <x id="g1"/> agree ceasefire', '<x id="g0"/> Y <x id="g1"/> acordar alto el fuego', '<x id="g0"/> y <x id="g1"/> acordar alto el fuego'],
    ['<x id="g0"/> radio telescope traces a flash', '<x id="g0"/> El radiotelescopio localiza', '<x id="g0"/> el radiotelescopio localiza'],
  ])('takes back the sentence-start capital after a leading name: %s', (source, target, want) => {
    expect(lowerAfterLeadingPlaceholder(target, source)).toBe(want);
  });

  it.each([
    ['the source capitalized the next word itself', '<x id="g0"/> Said the', '<x id="g0"/> Dijo el'],
    ['an acronym the engine kept', '<x id="g0"/> nato said', '<x id="g0"/> OTAN dijo'],
    ['no leading placeholder', 'The port <x id="g0"/> opened', 'El puerto <x id="g0"/> abrió'],
    ['a name inside the sentence only', 'In <x id="g0"/> the port', 'En <x id="g0"/> El puerto'],
  ])('leaves the capital when %s', (_why, source, target) => {
    expect(lowerAfterLeadingPlaceholder(target, source)).toBe(target);
  });
});

describe('nameCandidates: the tail of an office', () => {
  it('leaves "State" of "Secretary of State" to the engine, keeps a name after "of" elsewhere', async () => {
    const { nameCandidates } = await import('../../src/translate/repair/names.ts');
    const [runs] = nameCandidates(['The US Secretary of State Antony Blinken met the Minister of Defence and people of Ossland.']);
    const names = runs!.map((r) => r.name);
    expect(names).toContain('Antony Blinken');
    expect(names.some((n) => n.includes('State'))).toBe(false);
    expect(names).not.toContain('Defence');
    expect(names).toContain('Ossland');
  });
});
