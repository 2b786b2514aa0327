import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/translation.ts';
import { decideVerdict } from '../../src/publish/policy.ts';
import { createApertiumEngine, type ApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { checkFidelity, createEngines, createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';

/**
 * What an editor met on the sample newsroom (issue 13): faults the gate let through and false
 * alarms it raised. Judged on Apertium's own output (not the orchestrator's, which repairs some of
 * these before the gate sees them): the gate must hold its ground whatever reaches it.
 */
const serious = (r: { findings: Finding[] }) => r.findings.filter((f) => f.severity !== 'info');

let engine: ApertiumEngine;
let translator: Translator;
beforeAll(() => {
  const modes = execFileSync('apertium', ['-l'], { encoding: 'utf8' });
  for (const m of ['eng-spa', 'eng-cat']) {
    if (!new RegExp(`\\b${m}\\b`).test(modes)) throw new Error(`apertium ${m} is not installed: run scripts/ensure-system.sh test`);
  }
  engine = createApertiumEngine();
  translator = createTranslator({ engines: createEngines(), chains: { 'en-es': ['apertium'], 'en-ca': ['apertium'] }, memory: createInMemoryTranslationMemory() });
});
afterAll(async () => {
  await Promise.all([engine.close(), translator.close()]);
});

/** The engine's translation of `source` and the gate's report on it, with the name renderings production finds. */
async function judge(source: string[], to = 'es', context: string[] = []) {
  const out = await engine.translateWithLexicon([...context, ...source], 'en', to);
  const target = out.texts.slice(context.length);
  const lexicons = out.lexicons.slice(context.length);
  const nameRenderings = await translator.renderNames(source, 'en', to, { targets: target, lexicons });
  const report = checkFidelity({ from: 'en', to, source, target, nameRenderings });
  return { target, report, verdict: decideVerdict(report, {}).verdict };
}

describe('faults the gate missed', () => {
  it('a date whose month the engine read as a word (13 March → 13 Marcha)', async () => {
    const { target, report, verdict } = await judge([
      'The ministry said firing had stopped at about 6pm on Friday, 13 March.',
      'Officials met again on Monday.',
    ]);
    expect(target[0]).toMatch(/13 Marcha/);
    expect(serious(report)).toContainEqual(expect.objectContaining({ check: 'dates', segment: 0, detail: expect.stringContaining('"13 March"') }));
    expect(verdict).toBe('publish-flagged');
  });

  it('a date rendered as one passes (13 de marzo)', () => {
    const r = checkFidelity({ from: 'en', to: 'es', source: ['The vote is on 13 March and the count on March 14.'], target: ['El voto es el 13 de marzo y el recuento el 14 de marzo.'] });
    expect(r.findings.filter((f) => f.check === 'dates')).toEqual([]);
  });

  it('words the engine ran together (esperade31, estudiode40,000, actoresnoprofesionales, basadoenWashington)', async () => {
    const source = [
      'Rovers end 31-year wait with dramatic cup final win over Calder City',
      'Bumblebee numbers fell by a third in 25 years, 40,000-site survey finds',
      'She made the film with a cast of non-professional actors.',
      'One Washington-based trade expert said the talks had stalled.',
      'The new iPhone 11 records at 30fps, Rhona McAllister said.',
    ];
    // What raw Apertium writes for them (the orchestrator's blank stage now keeps these words apart,
    // test/translate/apertium-blanks.test.ts; the gate must still catch any other engine's glue).
    const target = [
      'Rovers Fin esperade31 años con final de copa dramática gana sobre Calder Ciudad',
      'Números de abejón cayeron por un tercer en 25 años, estudiode40,000 sitios encuentra',
      'Hizo la película con un molde de actoresnoprofesionales.',
      'Uno experto de comercio basadoenWashington dijo las charlas habían parado.',
      'El nuevo iPhone 11 graba en 30fps, dijo Rhona McAllister.',
    ];
    const report = checkFidelity({ from: 'en', to: 'es', source, target });
    const glued = report.findings.filter((f) => f.check === 'glued-words');
    expect(glued.map((f) => [f.segment, f.severity])).toEqual([[0, 'warning'], [1, 'warning'], [2, 'warning'], [3, 'warning']]);
    expect(glued[2]!.detail).toContain('"actoresnoprofesionales"');
  });

  it('a given name the engine read as a word after other stories (Grace Wanjiru → Gracia Wanjiru)', async () => {
    // Apertium's tagger keeps state from earlier segments in the same pipeline: after a segment
    // with "included", "Grace" after a dateline is tagged a noun. In the service, other articles'
    // segments come before; in `transwire preview`, none do.
    const source = [
      "NORTHBRIDGE — Grace Wanjiru of Kenya broke the women's course record at the Northbridge Harbour Marathon on Sunday.",
      'Wanjiru said she would now rest for three weeks.',
    ];
    const alone = await judge(source);
    expect(alone.target[0]).toContain('Grace Wanjiru');
    const { target, report, verdict } = await judge(source, 'es', ['The payment scheme included higher rates.']);
    expect(target[0]).toContain('Gracia Wanjiru');
    expect(serious(report)).toContainEqual(expect.objectContaining({ check: 'names', segment: 0, detail: expect.stringContaining('"Grace Wanjiru" is "Gracia Wanjiru"') }));
    expect(verdict).toBe('publish-flagged');
  });
});

describe('false alarms', () => {
  it('a capitalized common noun the engine writes in small letters is no lost speaker ("Festival director …" → "Director de festival …")', async () => {
    const { target, report } = await judge([
      'Lina Haddad won the Golden Lantern at the Northbridge Film Festival on Saturday.',
      'Festival director Marcus Adeleke said the audience had become younger. “People keep saying that cinema is dying,” he said.',
    ]);
    expect(target[1]).toMatch(/festival/);
    expect(serious(report).filter((f) => /names|attribution/.test(f.check))).toEqual([]);
  });

  it('a common noun the translation capitalizes is no name gained ("hospital" → "Hospital"), and holds nothing', () => {
    const r = checkFidelity({
      from: 'en',
      to: 'es',
      source: ['Northbridge General Hospital treated 212 runners.', 'Doctors said hospital staff were tired after the race.'],
      target: ['El Hospital General de Northbridge trató 212 corredores.', 'Personal de Hospital estaba cansado después de la carrera, dijeron los médicos.'],
    });
    expect(serious(r)).toEqual([]);
  });

  it('a dateline in capitals is not counted as a name, and a name is shown as the story writes it (Catalan)', async () => {
    const { target, report } = await judge(
      [
        "NORTHBRIDGE — Northbridge's harbour authority has won approval for a container terminal.",
        'The Northbridge council said work would start in the autumn.',
      ],
      'ca',
    );
    expect(target[0]).toMatch(/^NORTHBRIDGE —/);
    for (const f of report.findings) expect(f.detail).not.toContain('NORTHBRIDGE');
    // What is left is the engine's own fault: the genitive written as "ha" onto the name ("Northbridgeha").
    expect(serious(report).map((f) => [f.check, f.segment])).toEqual(target[0]!.includes('Northbridgeha') ? [['names', 0]] : []);
  });

  it('a word the orchestrator writes as its cognate after the engine (Pneumonic → Neumónico) is no name lost', async () => {
    const a = await translator.translateArticle({
      title: '',
      excerpt: null,
      html: '<p>The plague has a pneumonic form, officials said.</p><p>Pneumonic plague spreads between people. Doctors in Beijing treated two patients.</p>',
    }, 'en', 'es');
    expect(a.html).toContain('Neumónico');
    expect(serious(a.checks).filter((f) => /names|attribution/.test(f.check))).toEqual([]);
  });

  it('a dateline the engine translates or moves changes no name count', () => {
    const r = checkFidelity({
      from: 'en',
      to: 'ca',
      source: ['VARNA CITY — Voters in Varna City queued for hours on Sunday.', 'Varna City officials extended voting by an hour.'],
      target: ['VARNA — Els votants a Varna City van fer cua durant hores diumenge.', 'Els funcionaris de Varna City van allargar la votació una hora.'],
    });
    expect(serious(r)).toEqual([]);
  });
});

describe('findings say which paragraph', () => {
  it('every finding about a paragraph carries its index; only article-wide ones have none', async () => {
    const source = [
      'The ministry said firing had stopped on Friday, 13 March.',
      'She made the film with a cast of non-professional actors.',
      'Wanjiru finished in 2:17:42, and 31,912 runners finished.',
    ];
    const { target } = await judge(source);
    // The second as raw Apertium glued it (the orchestrator's blank stage now keeps it apart).
    const faulty = [target[0]!, 'Hizo la película con un molde de actoresnoprofesionales.', target[2]!.replace('31.912', '31.913')];
    const r = checkFidelity({ from: 'en', to: 'es', source, target: faulty, title: { source: 'Title', target: 'Título' } });
    const bySegment = serious(r).map((f) => [f.check, f.segment]);
    expect(bySegment).toEqual(expect.arrayContaining([['dates', 0], ['glued-words', 1], ['numbers', 2]]));
    const articleWide = new Set(['length', 'paragraphs', 'language']);
    for (const f of r.findings) if (!articleWide.has(f.check) && f.segment === null) expect(f.detail).toMatch(/^(title|excerpt): /);
  });
});
