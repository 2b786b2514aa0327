import { describe, expect, it } from 'vitest';
import { countScript, SCRIPT_BY_NAME, SCRIPTS, soleLanguage } from '../../src/shared/scripts.ts';

describe('script table', () => {
  it('settles the languages a script alone names, and only those', () => {
    const sole = Object.fromEntries(SCRIPTS.map((s) => [s.name, soleLanguage(s)]));
    expect(sole).toMatchObject({ Hangul: 'ko', Kana: 'ja', Thai: 'th', Greek: 'el', Hebrew: 'he', Cyrillic: null, Arabic: null, Devanagari: null });
  });
  it('counts the same twice (the global regexps are reset)', () => {
    const dev = SCRIPT_BY_NAME.get('Devanagari')!;
    expect(countScript('राजनीति', dev)).toBe(7);
    expect(countScript('राजनीति', dev)).toBe(7);
    expect(countScript('東京です', SCRIPT_BY_NAME.get('Kana')!)).toBe(2);
  });
});
