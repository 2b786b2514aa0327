import { describe, expect, it } from 'vitest';
import { articleFeatures, StoryClusterer } from '../../src/stories/index.ts';
import { slugOf } from '../../src/stories/article-features.ts';
import { article, portStrike, quake } from './fixtures.ts';

describe('article features', () => {
  it('reads an address slug as a phrase, and nothing from addresses without one', () => {
    expect(slugOf('https://www.rt.com/news/414348-rihanna-cousin-shot-dead/')).toBe('414348 rihanna cousin shot dead');
    expect(slugOf('http://www.nytimes.com/2013/01/31/world/asia/south-korea-launches-satellite.html')).toBe('south korea launches satellite');
    expect(slugOf('https://www.bbc.com/news/world-asia-123456')).toBe('');
    expect(slugOf('https://www.npr.org/templates/search/index.php?q=Costa+Rica')).toBe('');
    expect(slugOf('not a url')).toBe('');
    expect(slugOf(null)).toBe('');
  });

  it('an article whose extraction found neither title nor text joins its story through its address', () => {
    const c = new StoryClusterer();
    const q = c.place(articleFeatures(quake, 'en', null), quake.id);
    c.place(articleFeatures(portStrike, 'en', null), portStrike.id);
    const bare = article({ id: 'bare', url: 'https://news.example/world/2026/03/03/earthquake-kills-42-in-valparaiso-chile/' });
    expect(c.place(articleFeatures(bare, 'en', null), bare.id).story).toBe(q.story);
  });

  it('body words count less the further down they come (the event first, background below)', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `filler${i}`).join(' ');
    const f = articleFeatures(article({ id: 'long', lead: 'Storm on the coast.', text: `Harbour cranes collapsed. ${filler} Lighthouse closed.` }), 'en', null);
    expect(f.full.get('harbour')).toBe(1);
    expect(f.full.get('lighthous')).toBeLessThan(0.3);
  });

  it('a slug in another language than the pivot is not read as pivot words', () => {
    const es = article({ id: 'es', lang: 'es', title: 'Terremoto', url: 'https://diario.example/earthquake-kills-42-in-valparaiso/' });
    const f = articleFeatures(es, 'en', null);
    expect([...f.head.keys()]).toEqual(['terremoto']);
  });
});
