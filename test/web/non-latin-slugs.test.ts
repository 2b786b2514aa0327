import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/shared/slug.ts';
import { parseSitePath } from '../../src/web/site-paths.ts';

// A topic or outlet slug keeps its script, vowel signs included: the site must route it.
describe('topic and outlet paths in every script', () => {
  it.each(['राजनीति', 'ข่าวการเมือง', 'اقتصاد', '经济', 'সংবাদ', 'அரசியல்'])('/hi/topic/%s', (name) => {
    const slug = slugify(name, 80, 'x');
    expect(parseSitePath(`/hi/topic/${slug}`, ['hi'])).toEqual({ kind: 'topic', lang: 'hi', slug, page: 1 });
    expect(parseSitePath(`/hi/source/${slug}/feed.xml`, ['hi'])).toEqual({ kind: 'feed', lang: 'hi', format: 'rss', scope: { source: slug } });
  });
});
