import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { decodeBody } from '../../src/fetch/index.ts';

const P1 = 'The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded steel deck, the city council said.';
const P2 = 'The work cost 14.5 million euros, about 1.2 million less than planned, and buses will return to the bridge on Monday.';

/** U+0000 never reaches a stored article: PostgreSQL refuses it, and the job would fail for good. */
describe('U+0000 in a page', () => {
  it('fetched: decoding removes it and says so; the article has none', () => {
    const bytes = Buffer.from(`<html><head><title>Bridge\u0000 reopens</title></head><body><article><h1>Bridge reopens</h1><p>${P1}\u0000</p><p>${P2}</p></article></body></html>`, 'utf8');
    const { text, warnings } = decodeBody(bytes, { kind: 'html', contentType: 'text/html; charset=utf-8' });
    expect(warnings.join(' ')).toMatch(/2 NUL character\(s\) \(U\+0000\) removed/);
    const a = extractArticle(text, 'https://courier.example/news/bridge');
    expect(JSON.stringify(a)).not.toContain('\\u0000');
    expect(a.warnings).toBeUndefined();
  });

  it('handed over as a string: extraction removes it, with a warning on the extraction', () => {
    const a = extractArticle(`<html><body><article><h1>Bridge\u0000 reopens</h1><p>${P1}\u0000</p><p>${P2}</p></article></body></html>`, 'https://courier.example/news/bridge');
    expect(a.text).toBe(`${P1}\n\n${P2}`);
    expect(a.warnings).toEqual(['extract: 2 NUL character(s) (U+0000) removed']);
  });

  it('escaped in JSON-LD (`\\u0000`): the body and the headline have none', () => {
    const ld = `{"@type":"NewsArticle","headline":"Bridge\\u0000 reopens","author":{"name":"Ana\\u0000 Ruiz"},"articleBody":"${P1}\\u0000\\n\\n${P2}"}`;
    const a = extractArticle(`<html><head><script type="application/ld+json">${ld}</script></head><body><div>Loading…</div></body></html>`, 'https://courier.example/news/bridge', { minTextLength: 100 });
    expect(a.title).toBe('Bridge reopens');
    expect(a.byline).toBe('Ana Ruiz');
    expect(JSON.stringify(a)).not.toContain('\\u0000');
  });
});
