import { describe, expect, it } from 'vitest';
import { resolveHttpUrl } from '../../src/shared/urls.ts';

const BASE = 'https://site.example/news/';

describe('resolveHttpUrl', () => {
  it.each([
    ['/a b', 'https://site.example/a%20b'],
    ['story.html', 'https://site.example/news/story.html'],
    ['HTTPS://Site.Example:443/x', 'https://site.example/x'],
    ['  https://site.example/x  ', 'https://site.example/x'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['mailto:a@site.example', null],
    ['ftp://files.example/x', null],
    ['', null],
    ['http://[bad', null],
  ])('%s → %s', (href, expected) => {
    expect(resolveHttpUrl(href, BASE)).toBe(expected);
  });
  it('needs an absolute URL without a base', () => expect(resolveHttpUrl('/x')).toBeNull());
});
