import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/extract');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const expected = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
    return { name: f.replace('.expected.json', ''), expected, html: readFileSync(join(DIR, f.replace('.expected.json', '.html')), 'utf8') };
  });

/** Page chrome that must never reach a story, whatever the page. */
const CHROME = [/back to top/i, /^share\b.{0,20}$/im, /facebook/i, /cookies?/i, /sign up/i, /newsletter/i, /related stories/i, /comments? \(/i, /not all news on the site/i, /all rights reserved/i, /العودة إلى الأعلى/, /شارك/, /lo más leído/i];

describe('extractArticle golden pages (page.html → page.expected.json)', () => {
  it.each(pages)('$name', ({ html, expected }) => {
    const got = extractArticle(html, expected.url);
    expect(got).toEqual(expected);
    for (const re of CHROME) {
      expect(got.text).not.toMatch(re);
      expect(got.html).not.toMatch(re);
    }
    // Paragraphs are separated by exactly one blank line.
    expect(got.text).not.toMatch(/\n{3,}|^\s|\s$/);
  });

  it('finds at least five golden pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it('the seed page loses its "Back to top button" and disclaimer, keeps its numbers', () => {
    const page = pages.find((p) => p.name === 'seed-wire')!;
    const got = extractArticle(page.html, page.expected.url);
    expect(got.text.endsWith('Reuters was unable to verify either side’s account of the fighting.')).toBe(true);
    for (const n of ['2,000', '105', '50', '2020']) expect(got.text).toContain(n);
    expect(got.title).toBe('Armenia-Azerbaijan conflict: ceasefire reported after new border clashes');
  });

  it('hostile fields come out as plain text and safe URLs', () => {
    const page = pages.find((p) => p.name === 'hostile')!;
    const got = extractArticle(page.html, page.expected.url);
    const fields = [got.title, got.byline, got.siteName, got.excerpt, got.image?.caption, got.text];
    for (const f of fields) expect(f ?? '').not.toMatch(/<|>|alert\(/);
    expect(got.canonical).toBeNull();
    expect(got.image?.url).toMatch(/^https:\/\/townherald\.example\//);
    expect(got.html).not.toMatch(/script|onerror|onload|onclick|onmouseover|javascript:|data:text|srcdoc|<iframe|<form|<svg|evil\.example|style=/i);
  });
});
