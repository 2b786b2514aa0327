import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/shared/entities.ts';
import { htmlToText } from '../../src/translate/html-text.ts';

// The text the fidelity gate and the orchestrator compare: every entity decoded, blocks apart.
describe('translate htmlToText', () => {
  it.each([
    // The old 23-entry table left these as written.
    ['<p>caf&eacute; &Uuml;ber &alpha;&beta; &frac12;</p>', 'café Über αβ ½'],
    ['<p>M&uuml;ller&#8217;s &copy; 2024</p>', 'Müller’s © 2024'],
    // Blocks ran together ("onetwo").
    ['<ul><li>one</li><li>two</li></ul>', 'one two'],
    // Inline markup inside a word never splits it.
    ['<p><b>Har</b>bour</p>', 'Harbour'],
  ])('%s → %s', (html, want) => expect(htmlToText(html)).toBe(want));

  it('decodes every HTML entity', () => {
    expect(decodeEntities('&eacute;&nbsp;&hellip;&amp;lt;')).toBe('é\u00a0…&lt;');
  });
});
