import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/extract/choose-language.ts';
import { detectLanguage, extractArticle } from '../../src/extract/index.ts';

const PARAGRAPHS = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/extract/language-paragraphs.json'), 'utf8')) as Array<[string, string]>;

describe('detectLanguage', () => {
  it('covers at least 30 news languages, each paragraph written for this test set', () => {
    expect(new Set(PARAGRAPHS.map(([lang]) => lang)).size).toBeGreaterThanOrEqual(30);
  });

  it('identifies ≥ 95% of the paragraphs, and prints its accuracy', () => {
    const misses = PARAGRAPHS.filter(([lang, text]) => detectLanguage(text).lang !== lang);
    const accuracy = 1 - misses.length / PARAGRAPHS.length;
    console.log(`language ID: ${PARAGRAPHS.length - misses.length}/${PARAGRAPHS.length} paragraphs (${(accuracy * 100).toFixed(1)}%) in ${new Set(PARAGRAPHS.map(([l]) => l)).size} languages; misses: ${misses.map(([l]) => l).join(', ') || 'none'}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('half-paragraph clauses still come out right at least 90% of the time', () => {
    const clauses = PARAGRAPHS.map(([lang, text]) => [lang, text.slice(0, Math.max(40, Math.floor(text.length / 2)))] as const);
    const hits = clauses.filter(([lang, text]) => detectLanguage(text).lang === lang).length;
    console.log(`language ID on half paragraphs: ${hits}/${clauses.length}`);
    expect(hits / clauses.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['', null],
    ['12345 !!!', null],
  ])('says nothing about %j', (text, lang) => {
    expect(detectLanguage(text)).toEqual({ lang, confidence: 0 });
  });

  it('is less sure of a few words than of a paragraph', () => {
    const short = detectLanguage('Hola amigos');
    const long = detectLanguage(PARAGRAPHS.find(([l]) => l === 'es')![1]);
    expect(long.lang).toBe('es');
    expect(long.confidence).toBeGreaterThan(0.8);
    expect(short.confidence).toBeLessThan(long.confidence);
  });
});

describe('the article language', () => {
  const es = PARAGRAPHS.filter(([l]) => l === 'es').map(([, t]) => t).join('\n\n');
  it.each([
    { name: 'declared and confirmed', declared: 'es-ES', body: es, title: null, want: 'es' },
    { name: 'declared but wrong: the body overrules', declared: 'en', body: es, title: null, want: 'es' },
    { name: 'an English title does not override a confident Spanish body', declared: null, body: es, title: 'Breaking news: floods in the valley', want: 'es' },
    { name: 'declared kept when the body is too short to tell', declared: 'pt', body: 'Ok.', title: null, want: 'pt' },
    { name: 'no body: the title decides', declared: null, body: '', title: 'Las lluvias inundan varios pueblos junto al río', want: 'es' },
    { name: 'nb and no are one language', declared: 'nb-NO', body: PARAGRAPHS.find(([l]) => l === 'no')![1], title: null, want: 'no' },
  ])('$name', ({ declared, body, title, want }) => {
    expect(chooseLanguage(declared, body, title)).toBe(want);
  });

  it('an Arabic page is rtl even when it declares nothing', () => {
    const ar = PARAGRAPHS.filter(([l]) => l === 'ar').map(([, t]) => `<p>${t}</p>`).join('');
    const a = extractArticle(`<html><body><article>${ar}</article></body></html>`, 'https://a.example/x');
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
  });
});
