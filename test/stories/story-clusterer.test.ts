import { describe, expect, it } from 'vitest';
import { articleFeatures, StoryClusterer, StoryPlacer, type StoryArticle } from '../../src/stories/index.ts';
import { article, portStrike, quake, quakeOwnReport } from './fixtures.ts';

const features = (a: StoryArticle) => articleFeatures(a, 'en', null);

/** Spanish reports of the quake as an outlet in Madrid would write them. */
const quakeSpanish = article({
  id: 'quake-es',
  lang: 'es',
  title: 'Un terremoto deja 42 muertos en Valparaíso',
  lead: 'Un sismo de magnitud 6,8 sacudió la ciudad portuaria chilena de Valparaíso y dejó al menos 42 muertos.',
  text: [
    'Un terremoto de magnitud 6,8 sacudió Valparaíso de madrugada y dejó al menos 42 muertos y 310 heridos, según el Gobierno chileno.',
    'El presidente Gabriel Boric decretó el estado de catástrofe en la región de Valparaíso.',
    'Los equipos de rescate buscaron supervivientes entre los escombros del barrio del puerto durante toda la noche.',
  ].join('\n'),
  published: new Date('2026-03-03T12:00:00Z'),
});

describe('story clustering', () => {
  it('two events that share words stay apart; a second report of one joins it', () => {
    const c = new StoryClusterer();
    const q = c.place(features(quake), quake.id);
    const s = c.place(features(portStrike), portStrike.id);
    const q2 = c.place(features(quakeOwnReport), quakeOwnReport.id);
    expect(s.story).not.toBe(q.story);
    expect(q2.story).toBe(q.story);
  });

  it('a Spanish article joins its English story through the translation of its title and lead', async () => {
    const asked: string[][] = [];
    const translate = async (texts: string[], from: string, to: string) => {
      asked.push([from, to, ...texts]);
      // What an engine gives for this title and lead (the test supplies the engine, not the clusterer).
      return [
        'An earthquake leaves 42 dead in Valparaiso',
        'A quake of magnitude 6.8 shook the Chilean port city of Valparaiso and left at least 42 dead.',
      ];
    };
    const placer = new StoryPlacer({ translate });
    const en = await placer.place(quake);
    await placer.place(portStrike);
    const es = await placer.place(quakeSpanish);
    expect(asked).toEqual([['es', 'en', quakeSpanish.title, quakeSpanish.lead]]);
    expect(es.translated?.title).toContain('earthquake');
    expect(es.story).toBe(en.story);
  });

  it('without a translation the Spanish article is not forced into the English story by its words alone', async () => {
    const placer = new StoryPlacer({ cluster: { anchorWeight: 0 } });
    const en = await placer.place(quake);
    const es = await placer.place(quakeSpanish);
    expect(es.story).not.toBe(en.story);
  });

  it('time decay: an event can resurface months later on a close report, not years later', () => {
    const c = new StoryClusterer();
    const q = c.place(features(quake), quake.id);
    const soon = c.place(features({ ...quakeOwnReport, id: 'soon' }), 'soon');
    expect(soon.story).toBe(q.story);
    // Eleven weeks on, the same event's report still finds it (a trial, an anniversary, a follow-up)…
    const months = c.place(features({ ...quakeOwnReport, id: 'months', published: new Date('2026-05-20T00:00:00Z') }), 'months');
    expect(months.story).toBe(q.story);
    expect(months.score).toBeLessThan(soon.score);
    // …three years on, it starts a story of its own.
    const yearsFeatures = features({ ...quakeOwnReport, id: 'years', published: new Date('2029-05-20T00:00:00Z') });
    expect(c.place(yearsFeatures, 'years').story).toBe('years');
    // Decay, not dissimilarity: undecayed, the same article scores well above the threshold.
    const fresh = new StoryClusterer({ decayFloor: 1, resurfaceHalfLifeDays: 1e9, windowDays: 3650 });
    fresh.place(features(quake), quake.id);
    expect(fresh.place(yearsFeatures, 'years').story).toBe(quake.id);
  });

  it('a story one outlet told is forgotten after the window; one many told is kept longer', () => {
    const c = new StoryClusterer({ windowDays: 30, windowGrowth: 4, resurfaceHalfLifeDays: 1e9 });
    const strike = c.place(features(portStrike), portStrike.id);
    c.place(features(quake), quake.id);
    c.place(features({ ...quakeOwnReport, id: 'quake-2b' }), 'quake-2b');
    // Sixty days on: past the strike's 30-day window, inside the quake's (30 × (1 + 4 × log2 2) = 150 days).
    const at = new Date('2026-05-02T00:00:00Z');
    expect(c.place(features({ ...portStrike, id: 'strike-again', published: at }), 'strike-again').story).not.toBe(strike.story);
    expect(c.place(features({ ...quakeOwnReport, id: 'quake-again', published: at }), 'quake-again').story).toBe(quake.id);
  });

  it('an English report joins a story a Spanish report started (heads meet heads)', async () => {
    const translate = async () => [
      'An earthquake leaves 42 dead in Valparaiso',
      'A quake of magnitude 6.8 shook the Chilean port city of Valparaiso and left at least 42 dead.',
    ];
    const placer = new StoryPlacer({ translate, cluster: { anchorWeight: 0 } });
    const es = await placer.place(quakeSpanish);
    await placer.place(portStrike);
    const en = await placer.place({ ...quake, published: new Date('2026-03-03T13:00:00Z') });
    expect(en.story).toBe(es.story);
  });

  it('second chance: two stories that began apart merge once one grows close to the other as a whole', () => {
    const rescue = article({
      id: 'rescue',
      title: 'Rescuers search rubble in Valparaiso harbour district',
      text: 'Rescue teams searched collapsed buildings in the Valparaiso harbour district through the night after the earthquake, and the navy sent ships with medical supplies.',
    });
    const politics = article({
      id: 'politics',
      title: 'Boric declares state of catastrophe',
      text: 'President Gabriel Boric declared a state of catastrophe in the region and promised to rebuild every damaged school, his office said after a cabinet meeting.',
    });
    const politics2 = article({
      id: 'politics-2',
      title: 'Boric declares state of catastrophe after Valparaiso earthquake',
      lead: 'President Gabriel Boric declared a state of catastrophe after the magnitude 6.8 earthquake that killed 42 people in Valparaiso.',
      text: 'President Gabriel Boric declared a state of catastrophe in the Valparaiso region after the earthquake killed at least 42 people, and promised to rebuild every damaged school, his office said after a cabinet meeting on the quake.',
    });
    // No article bridges them on arrival (mergeThreshold out of reach): only the second chance can.
    const run = (convergeThreshold: number) => {
      const c = new StoryClusterer({ mergeThreshold: 0.99, convergeThreshold });
      return [rescue, politics, quake, politics2].map((a) => c.place(features(a), a.id));
    };
    const apart = run(2);
    expect(apart.map((p) => p.story)).toEqual(['rescue', 'politics', 'rescue', 'politics']);
    const merged = run(0.3);
    // politics-2 joins "politics", whose centroid now holds the quake: it converges with "rescue", the older id.
    expect(merged[3]).toMatchObject({ story: 'rescue', merged: ['politics'] });
  });

  it('a merge keeps both ids resolvable: the newer one becomes an alias of the older', () => {
    // Two halves of one event start apart (each report tells one side); a full report bridges them.
    const c = new StoryClusterer({ mergeThreshold: 0.2 });
    const rescue = article({
      id: 'rescue',
      title: 'Rescuers search rubble in Valparaiso harbour district',
      text: 'Rescue teams searched collapsed buildings in the Valparaiso harbour district through the night after the earthquake, and the navy sent ships with medical supplies.',
    });
    const politics = article({
      id: 'politics',
      title: 'Boric declares state of catastrophe',
      text: 'President Gabriel Boric declared a state of catastrophe in the region and promised to rebuild every damaged school, his office said after a cabinet meeting.',
    });
    const a = c.place(features(rescue), rescue.id);
    const b = c.place(features(politics), politics.id);
    expect(b.story).not.toBe(a.story);
    const bridge = c.place(features(quake), quake.id);
    expect(bridge.merged).toEqual(['politics']);
    expect(bridge.story).toBe('rescue');
    expect(c.aliases.resolve('politics')).toBe('rescue');
    expect(c.aliases.resolve('rescue')).toBe('rescue');
    // Later reports of either side land in the merged story.
    expect(c.place(features({ ...politics, id: 'politics-2' }), 'politics-2').story).toBe('rescue');
  });
});
