import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/shared/slug.ts';

describe('slugify keeps every script readable', () => {
  it.each([
    // Devanagari vowel signs are combining marks: stripping them gave रजनत, hyphenating them र-जन-त.
    ['राजनीति', 'राजनीति'],
    ['भारत की राजनीति में बदलाव', 'भारत-की-राजनीति-में-बदलाव'],
    ['ข่าวการเมือง วันนี้', 'ข่าวการเมือง-วันนี้'],
    ['中国经济增长放缓', '中国经济增长放缓'],
    // Arabic and Hebrew vowel points are optional in writing: dropped, so a pointed and an unpointed
    // title give one slug.
    ['السَّلَامُ عليكم', 'السلام-عليكم'],
    ['اقتصاد', 'اقتصاد'],
    ['한국 경제', '한국-경제'],
  ])('%s → %s', (title, want) => {
    expect(slugify(title)).toBe(want);
    expect(slugify(title).normalize('NFC')).toBe(slugify(title));
  });

  it('cuts a long title between graphemes, never between a letter and its vowel sign', () => {
    const word = 'राजनीति'.repeat(20);
    const slug = slugify(word, 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(word.startsWith(slug)).toBe(true);
    expect(/^\p{M}/u.test(word.slice(slug.length))).toBe(false);
  });
});

// Published URLs must not move: these are the slugs both old copies gave for Latin text.
describe('slugify leaves Latin slugs as they were', () => {
  it.each([
    ['Economy', 'economy'],
    ['Ciencia y Tecnología', 'ciencia-y-tecnologia'],
    ['  Harbour   Gazette! ', 'harbour-gazette'],
    ['Zürich: Straße gesperrt — Ärger über Bauarbeiten', 'zurich-straße-gesperrt-arger-uber-bauarbeiten'],
    ['Ça coûte 14,5 millions d’euros', 'ca-coute-14-5-millions-d-euros'],
    ['Москва: новый мост', 'москва-новыи-мост'],
    ['The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded deck', 'the-harbour-bridge-reopened-to-traffic-on-friday-morning-after-six-months-of'],
  ])('%s → %s', (title, want) => expect(slugify(title)).toBe(want));

  it('falls back when nothing is left', () => {
    expect(slugify('***')).toBe('article');
    expect(slugify('***', 80, 'x')).toBe('x');
  });
});
