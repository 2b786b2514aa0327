import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToStream, streamToHtml } from '../../src/translate/engines/apertium/apertium-stream.ts';
import { prepareGlossary, restoreTerms } from '../../src/translate/glossary.ts';
import { escapeHtml } from '../../src/shared/escape-html.ts';
import { joinSegments, segmentHtml } from '../../src/translate/segmenter.ts';

describe('segmentHtml', () => {
  it.each([
    ['<p>One <a href="x">link</a>.</p>', ['One <a href="x">link</a>.']],
    ['<h2>Head</h2>\n<p>Body</p>', ['Head', 'Body']],
    ['<ul><li>One</li><li>Two <b>b</b><ul><li>nested</li></ul></li></ul>', ['One', 'Two <b>b</b>', 'nested']],
    ['<blockquote><p>Quote</p></blockquote><figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>', ['Quote', 'Cap']],
    ['<pre>code()</pre><p><code>x</code></p><iframe src="v"></iframe><p>  </p>', []],
    ['<div>loose <i>text</i><p>para</p>tail</div>', ['loose <i>text</i>', 'para', 'tail']],
    ['<table><tr><td>Cell 1</td><td>2,000</td></tr></table>', ['Cell 1', '2,000']], // numbers alone still get target notation
  ])('%s', (html, segments) => {
    const s = segmentHtml(html);
    expect(s.segments).toEqual(segments);
    expect(joinSegments(s.skeleton, s.segments)).toBe(html);
  });

  it('puts translations back in place of each block, markup around them untouched', () => {
    const s = segmentHtml('<h1>A</h1><p> B <em>c</em> </p><img src="i.png">');
    expect(joinSegments(s.skeleton, ['X', 'Y <em>z</em>'])).toBe('<h1>X</h1><p> Y <em>z</em> </p><img src="i.png">');
  });
});

describe('apertium stream format', () => {
  it('round-trips any text and markup', () => {
    // Text and tags are told apart by the generator, not by a leading "<" (a text may be "<").
    const text = fc.string().map((t) => escapeHtml(t.replace(/[<>&\0]/g, '')));
    const tag = fc.constantFrom('<b>', '</b>', '<a href="/x?a=1&amp;b=[2]">', '</a>', '<br>');
    fc.assert(
      fc.property(fc.array(fc.oneof(text, tag)), (parts) => {
        const html = parts.join('');
        expect(streamToHtml(htmlToStream(html))).toBe(html);
      }),
    );
  });
});

describe('glossary placeholders', () => {
  it('protects terms outside tags only and restores the mapping', () => {
    const p = prepareGlossary([{ term: 'Tass', map: { es: 'TASS (agencia)' } }], 'en', 'es').protect('<a title="Tass">Tass</a> and Tass-like TASS');
    expect(p.html).toBe('<a title="Tass"><x id="g0"/></a> and <x id="g1"/>-like TASS');
    expect(restoreTerms(p.html.replace('<x id="g1"/>', ''), p.slots)).toEqual({ html: '<a title="Tass">TASS (agencia)</a> and -like TASS', missing: [1] });
  });

  it('never looks for a term inside the placeholder of another ("id", "x", "g0")', () => {
    const glossary = [{ term: 'Tass', map: { es: 'TASS' } }, { term: 'id', caseSensitive: false }, { term: 'x' }, { term: 'g0' }];
    const p = prepareGlossary(glossary, 'en', 'es').protect('Tass said it.');
    expect(p.html).toBe('<x id="g0"/> said it.');
    expect(restoreTerms(p.html, p.slots)).toEqual({ html: 'TASS said it.', missing: [] });
  });

  it('takes the longest term where two overlap, and keeps case-insensitive matches as written', () => {
    const glossary = [{ term: 'Karabakh', map: { es: 'Karabaj' } }, { term: 'Nagorno-Karabakh', map: { es: 'Nagorno Karabaj' } }, { term: 'tass', caseSensitive: false }];
    const p = prepareGlossary(glossary, 'en', 'es').protect('<p>Nagorno-Karabakh and Karabakh, said TASS and Tass.</p>');
    expect(p.html).toBe('<p><x id="g0"/> and <x id="g1"/>, said <x id="g2"/> and <x id="g3"/>.</p>');
    expect(restoreTerms(p.html, p.slots).html).toBe('<p>Nagorno Karabaj and Karabaj, said TASS and Tass.</p>');
  });

  it('finds terms that open with a sign, and terms inside hyphenated words', () => {
    const p = prepareGlossary([{ term: '#MeToo' }, { term: 'Karabakh', map: { es: 'Karabaj' } }], 'en', 'es').protect('The #MeToo wave reached pro-Karabakh groups.');
    expect(p.html).toBe('The <x id="g0"/> wave reached pro-<x id="g1"/> groups.');
    expect(restoreTerms(p.html, p.slots).html).toBe('The #MeToo wave reached pro-Karabaj groups.');
  });

  it('leaves terms of another source language alone', () => {
    const p = prepareGlossary([{ term: 'Moskva', from: 'ru', map: { es: 'Moscú' } }], 'en', 'es').protect('Moskva');
    expect(p).toEqual({ html: 'Moskva', slots: [] });
  });
});
