import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

const BODY = '<p>The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded steel deck, the city council said.</p><p>The work cost 14.5 million euros, about 1.2 million less than planned, and buses will return to the bridge on Monday.</p>';
const page = (head: string, top: string): string => `<!doctype html><html><head><title>Bridge reopens</title>${head}</head><body><article><h1>Bridge reopens</h1>${top}${BODY}</article></body></html>`;
const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

/** Bylines as pages mark them up when their metadata names no author (or names it only by reference). */
describe('bylines from the markup and from JSON-LD', () => {
  it.each([
    { name: 'rel=author links', head: '', top: '<div class="meta">By <a rel="author" href="/staff/ana">Ana Ruiz</a> and <a rel="author" href="/staff/li">Li Wei</a></div>', byline: 'Ana Ruiz, Li Wei' },
    { name: 'itemprop=author with a nested name', head: '', top: '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><img itemprop="image" src="/a.jpg" alt=""><span itemprop="name">Ana Ruiz</span> <span itemprop="jobTitle">Transport reporter</span></div>', byline: 'Ana Ruiz' },
    { name: 'a byline class with "By" and a date', head: '', top: '<p class="byline">By Ana Ruiz | Updated 3 March 2024</p>', byline: 'Ana Ruiz' },
    { name: 'an author-name class', head: '', top: '<div class="c-byline"><span class="c-byline__author">Ana Ruiz</span><time>3 March</time></div>', byline: 'Ana Ruiz' },
    { name: 'an author class beside an author bio (the bio is not the byline)', head: '', top: '<div class="author-bio">Ana writes about transport and has covered the city since 2009.</div><span class="article-author">Li Wei</span>', byline: 'Li Wei' },
    { name: 'JSON-LD author array of objects', head: ld({ '@type': 'NewsArticle', headline: 'Bridge reopens', author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { '@type': 'Person', name: 'Li Wei' }] }), top: '', byline: 'Ana Ruiz, Li Wei' },
    { name: 'JSON-LD authors by @id reference in a graph', head: ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', headline: 'Bridge reopens', author: [{ '@id': 'https://courier.example/#/person/ana' }] }, { '@type': 'Person', '@id': 'https://courier.example/#/person/ana', name: 'Ana Ruiz' }] }), top: '', byline: 'Ana Ruiz' },
    { name: 'JSON-LD author object with a name', head: ld({ '@type': 'NewsArticle', headline: 'Bridge reopens', author: { '@type': 'Person', name: 'By Ana Ruiz', url: 'https://courier.example/staff/ana' } }), top: '', byline: 'Ana Ruiz' },
  ])('$name', ({ head, top, byline }) => {
    const a = extractArticle(page(head, top), 'https://courier.example/news/bridge');
    expect(a.byline).toBe(byline);
    // The byline is metadata: it never becomes a paragraph of the story.
    expect(a.text.startsWith('The harbour bridge reopened')).toBe(true);
  });

  it('a sentence, a date or a URL in a byline slot is not a byline', () => {
    for (const top of ['<p class="byline">Published 3 March 2024</p>', '<p class="byline">https://courier.example/staff</p>', '<div class="author">This story was reported over six months by our whole transport desk in the city.</div>']) {
      expect(extractArticle(page('', top), 'https://courier.example/news/bridge').byline).toBeNull();
    }
  });
});
