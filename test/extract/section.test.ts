import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { normalizeSection } from '../../src/extract/section-name.ts';

const BODY = '<p>The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded steel deck, the city council said.</p><p>The work cost 14.5 million euros, about 1.2 million less than planned, and buses will return to the bridge on Monday.</p>';
const URL_ = 'https://courier.example/news/bridge';

function page(head: string): string {
  return `<!doctype html><html><head><title>Bridge</title>${head}</head><body><article><h1>Bridge reopens</h1>${BODY}</article></body></html>`;
}

function ld(articleSection: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Bridge reopens', articleSection })}</script>`;
}

const META = (v: string) => `<meta property="article:section" content="${v}">`;

describe('extraction reads the story section (issue 13: sections bar)', () => {
  it.each([
    { name: 'JSON-LD articleSection as a string', head: ld('Science'), section: 'Science' },
    { name: 'JSON-LD articleSection as an array: the first', head: ld(['World', 'Europe']), section: 'World' },
    { name: 'article:section meta', head: META('Business'), section: 'Business' },
    { name: 'JSON-LD before article:section', head: ld('Culture') + META('Sport'), section: 'Culture' },
    { name: 'an unusable JSON-LD value gives way to the meta tag', head: ld('https://courier.example/science/') + META('Science'), section: 'Science' },
    { name: 'spaces collapsed, a lowercase name capitalized', head: META('  local\n   news '), section: 'Local news' },
  ])('$name', ({ head, section }) => {
    expect(extractArticle(page(head), URL_).section).toBe(section);
  });

  it('a page that names no section has no section field (the extract command prints the same keys as before)', () => {
    const got = extractArticle(page(''), URL_);
    expect(got.section).toBeUndefined();
    expect('section' in got).toBe(false);
  });

  it.each([
    ['a URL', 'https://courier.example/world'],
    ['a path', '/news/world'],
    ['a list of tags', 'Bridges, Transport, City council'],
    ['tags split by bars', 'Bridges | Transport'],
    ['a placeholder', 'Uncategorized'],
    ['no letters', '2024'],
    ['empty', '   '],
  ])('drops %s', (_name, raw) => {
    expect(normalizeSection(raw)).toBeNull();
    expect(extractArticle(page(META(raw)), URL_).section).toBeUndefined();
  });

  it('caps a long value at a word, about 40 characters', () => {
    const name = normalizeSection('Environment and climate change coverage from our regional desks');
    expect(name).toBe('Environment and climate change coverage');
    expect(name!.length).toBeLessThanOrEqual(40);
  });

  it('markup and entities in a section come out as plain text', () => {
    expect(normalizeSection('Arts &amp; <b>Culture</b>')).toBe('Arts & Culture');
  });
});
