import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/extract/text-fields.ts';

describe('plainText', () => {
  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;b&gt;Bold&lt;/b&gt; news', 'Bold news'],
    ['<p>One</p><p>Two</p>', 'One Two'],
    // ZWNJ is a letter-joining control Persian words need: it is not white space.
    ['می\u200cخواهم  بروم', 'می\u200cخواهم بروم'],
    ['a\u200bb', 'a b'],
  ])('%j → %j', (value, want) => expect(plainText(value)).toBe(want));
});
