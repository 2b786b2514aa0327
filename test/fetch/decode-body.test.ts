import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/index.ts';

const dir = new URL('../fixtures/fetch/decode/', import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

interface Expectation {
  contentType: string | null;
  kind: 'html' | 'xml' | 'json';
  text: string;
  encoding: string;
  warnings: string[];
}

describe('decodeBody (golden fixtures)', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(15));

  it.each(cases)('%s', (name) => {
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Expectation;
    const bytes = readFileSync(new URL(`${name}.bin`, dir));
    const got = decodeBody(bytes, { contentType: want.contentType, kind: want.kind });
    expect(got.encoding).toBe(want.encoding);
    expect(got.text).toBe(want.text);
    if (want.warnings.length === 0) expect(got.warnings).toEqual([]);
    for (const pattern of want.warnings) {
      expect(got.warnings.some((w) => new RegExp(pattern).test(w)), `${pattern} in ${JSON.stringify(got.warnings)}`).toBe(true);
    }
  });
});

describe('decodeBody never turns bytes into silent mojibake', () => {
  it.each([
    Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd, 0x81, 0x3c, 0x2f, 0x70, 0x3e]),
    Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e', 'latin1'),
    Buffer.from([0xe4, 0xb8, 0x41, 0x42, 0x43, 0x80, 0x80]),
  ])('undeclared, not UTF-8: either detected or U+FFFD, always with a warning (%#)', (bytes) => {
    const got = decodeBody(bytes, { kind: 'html' });
    expect(got.warnings.length).toBeGreaterThan(0);
    expect(got.warnings.join(' ')).toMatch(/detected|U\+FFFD/);
  });
});
