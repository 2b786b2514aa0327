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
  ])('undeclared, not UTF-8: detected, or read as windows-1252, always with a warning (%#)', (bytes) => {
    const got = decodeBody(bytes, { kind: 'html' });
    expect(got.warnings.length).toBeGreaterThan(0);
    expect(got.warnings.join(' ')).toMatch(/detected|windows-1252/);
  });
});

describe('decodeBody believes valid UTF-8 over a legacy multi-byte label', () => {
  const page = (label: string, body: string): Buffer => Buffer.from(`<!doctype html><html><head><meta charset="${label}"><title>t</title></head><body><p>${body}</p></body></html>`, 'utf8');

  it.each(['gb2312', 'gbk', 'big5', 'shift_jis', 'euc-kr', 'euc-jp'])('a page declared %s whose bytes are UTF-8 reads as UTF-8, with a warning', (label) => {
    const got = decodeBody(page(label, '市政府今天宣布新的交通计划。'), { kind: 'html' });
    expect(got.encoding).toBe('utf-8');
    expect(got.text).toContain('<p>市政府今天宣布新的交通计划。</p>');
    expect(got.warnings.join(' ')).toMatch(/says \S+ but the bytes are valid UTF-8/);
  });

  it('the HTTP label is overruled the same way', () => {
    const got = decodeBody(Buffer.from('<p>Café «déjà» — 東京</p>', 'utf8'), { kind: 'html', contentType: 'text/html; charset=GB2312' });
    expect(got.text).toBe('<p>Café «déjà» — 東京</p>');
    expect(got.warnings.join(' ')).toMatch(/HTTP charset says gbk but the bytes are valid UTF-8/);
  });

  it('real GBK, Shift_JIS and EUC-KR stay what they say they are', async () => {
    const { default: iconv } = await import('iconv-lite');
    for (const [label, text] of [['gbk', '市政府今天宣布新的交通计划，地铁将延长运营时间。'], ['shift_jis', '東京都は今日、新しい交通計画を発表しました。'], ['euc-kr', '서울시는 오늘 새로운 교통 계획을 발표했다.']] as const) {
      const got = decodeBody(iconv.encode(`<p>${text}</p>`, label), { kind: 'html', contentType: `text/html; charset=${label}` });
      expect(got.text).toBe(`<p>${text}</p>`);
      expect(got.warnings).toEqual([]);
    }
  });
});

describe('decodeBody removes U+0000', () => {
  it.each([
    ['html', 'text/html; charset=utf-8', Buffer.from('<p>a\u0000b</p>\u0000', 'utf8'), '<p>ab</p>'],
    ['xml', null, Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>x\u0000y</title></rss>', 'latin1'), '<?xml version="1.0" encoding="windows-1252"?><rss><title>xy</title></rss>'],
    ['xml', null, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss>\u0000</rss>', 'utf16le')]), '<rss></rss>'],
  ] as const)('%s (%s): NUL removed with a warning', (kind, contentType, bytes, text) => {
    const got = decodeBody(bytes, { kind, contentType });
    expect(got.text).toBe(text);
    expect(got.warnings.join(' ')).toMatch(/NUL character\(s\) \(U\+0000\) removed/);
  });
});
