import { describe, expect, it } from 'vitest';
import { entityProblem, htmlTextOrNull, resolveHtmlUrls } from '../../src/feeds/text.ts';

const BASE = 'https://site.example/news/today.html';

describe('resolveHtmlUrls', () => {
  it.each([
    ['<a href="/x">x</a>', '<a href="https://site.example/x">x</a>'],
    ["<img SRC='pic.jpg' alt=x>", '<img SRC="https://site.example/news/pic.jpg" alt=x>'],
    ['<a href = "../up?a=1&amp;b=2">', '<a href = "https://site.example/up?a=1&amp;b=2">'],
    ['<a href="https://abs.example/">', '<a href="https://abs.example/">'],
    ['<a href="#frag">', '<a href="#frag">'],
    ['<a href="mailto:x@y.example">', '<a href="mailto:x@y.example">'],
    ['<img data-src="lazy.jpg">', '<img data-src="lazy.jpg">'],
    ['<p>a=b and x = "y"</p>', '<p>a=b and x = "y"</p>'],
    ['<a href="/one">1</a><a href="two">2</a>', '<a href="https://site.example/one">1</a><a href="https://site.example/news/two">2</a>'],
    ['<a href="/unterminated>', '<a href="/unterminated>'],
  ])('%s', (html, expected) => {
    expect(resolveHtmlUrls(html, BASE)).toBe(expected);
  });
});

describe('entityProblem', () => {
  it.each([
    ['AT&T', 'bare'],
    ['&amp; &lt; &#169; &#xA9; &eacute;', null],
    ['&lol9;', 'undefined entity &lol9;'],
    ['no entities', null],
  ])('%s', (raw, expected) => {
    const p = entityProblem(raw);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toContain(expected);
  });
});

describe('htmlTextOrNull', () => {
  it('is null for no text', () => {
    expect(htmlTextOrNull('   ')).toBeNull();
    expect(htmlTextOrNull(null)).toBeNull();
    expect(htmlTextOrNull('<p>One</p><p>Two</p>')).toBe('One Two');
  });
});
