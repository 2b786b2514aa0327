import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/domain/errors.ts';
import { extractArticle } from '../../src/extract/index.ts';

const URL_ = 'https://edge.example/a';
const PROSE = 'A paragraph with a full sentence in it, long enough to be read as the story by the extractor.';

describe('extractArticle on odd input', () => {
  it.each([
    { name: 'empty', html: '', text: '' },
    { name: 'bare text', html: PROSE, text: PROSE },
    { name: 'a fragment without html or body', html: `<p>${PROSE}</p><p>${PROSE}</p>`, text: `${PROSE}\n\n${PROSE}` },
    { name: 'paragraphs made with <br><br>', html: `<body><div>${PROSE}<br><br>${PROSE}</div></body>`, text: `${PROSE}\n\n${PROSE}` },
  ])('$name', ({ html, text }) => {
    const a = extractArticle(html, URL_);
    expect(a.text).toBe(text);
    expect(a.dir).toBe('ltr');
  });

  it('a page nested deeper than any real one is refused with a permanent error, quickly', () => {
    const t0 = performance.now();
    let error: unknown;
    try {
      extractArticle(`${'<div>'.repeat(6000)}<p>${PROSE}</p>`, URL_);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).code).toBe('extract_too_deep');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('a broken page nested a few hundred deep still gives its story', () => {
    const a = extractArticle(`<body>${'<font>'.repeat(600)}<p>${PROSE}</p><p>${PROSE}</p></body>`, URL_);
    expect(a.text).toBe(`${PROSE}\n\n${PROSE}`);
  });
});
