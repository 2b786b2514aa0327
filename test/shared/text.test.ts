import { describe, expect, it } from 'vitest';
import { decodeAttributeEntities, decodeEntities } from '../../src/shared/entities.ts';
import { escapeHtml } from '../../src/shared/escape-html.ts';
import { collapseWhitespace, htmlToText } from '../../src/shared/text.ts';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two &amp; three</p>', 'One Two & three'],
    ['a<br>b', 'a b'],
    ['<b>bo</b>ld', 'bold'],
    ['<ul><li>one</li><li>two</li></ul>', 'one two'],
    ['<script>alert(1)</script>kept<style>p{}</style>', 'kept'],
    ['x<!-- hidden -->y', 'x y'],
    ['plain &eacute;t&eacute; &frac12;', 'plain été ½'],
    ['a < b and c > d', 'a < b and c > d'],
    ['   ', ''],
  ])('%s → %s', (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe('collapseWhitespace', () => {
  it.each([
    ['  a \n\t b\u00a0\u00a0c  ', 'a b c'],
    ['clean', 'clean'],
    ['می\u200cخواهم', 'می\u200cخواهم'],
  ])('%j → %j', (text, expected) => expect(collapseWhitespace(text)).toBe(expected));
});

describe('decodeEntities', () => {
  it('decodes the whole HTML table and numeric references, once', () => {
    expect(decodeEntities('caf&eacute; &Uuml; &#233; &#xE9; &hellip; &amp;lt;')).toBe('café Ü é é … &lt;');
  });
  it('leaves a legacy entity in an attribute URL alone', () => {
    expect(decodeAttributeEntities('/a?x=1&copy=2')).toBe('/a?x=1&copy=2');
    expect(decodeEntities('/a?x=1&copy=2')).toBe('/a?x=1©=2');
  });
});

describe('escapeHtml', () => {
  it('escapes for text and for attributes in either quote', () => {
    expect(escapeHtml(`<a href='x' title="y">Tom & Jerry</a>`)).toBe('&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});
