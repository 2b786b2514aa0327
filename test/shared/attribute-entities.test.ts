import { describe, expect, it } from 'vitest';
import { bodyImageUrls } from '../../src/jobs/handlers/mirror-media.ts';
import { localMediaOnly } from '../../src/publish/render-article.ts';

// The mirror job keys each copy by the image URL it read from the body; the page looks the copy up
// by the URL it reads from the same attribute. Both read the attribute with the one decoder
// (shared/entities.ts), so every spelling of a character reference means the same URL to both.
const URL_ = 'https://cdn.example/a.jpg?w=1&h=2&t="x"';
const spellings = [
  '<img src="https://cdn.example/a.jpg?w=1&amp;h=2&amp;t=&quot;x&quot;">',
  '<img src="https://cdn.example/a.jpg?w=1&#038;h=2&#38;t=&#34;x&#x22;">',
  `<img src='https://cdn.example/a.jpg?w=1&amp;h=2&t="x"'>`,
];

describe('an image URL in an attribute, as the mirror job and the page read it', () => {
  it.each(spellings)('the mirror job fetches the URL the attribute means: %s', (html) => {
    expect(bodyImageUrls(`<p>${html}</p>`)).toEqual([URL_]);
  });

  it.each(spellings)('the page finds the copy mirrored under that URL: %s', (html) => {
    const media = new Map([[URL_, { path: '/media/abc.jpg', width: 800, height: 600 }]]);
    expect(localMediaOnly(html, media)).toBe('<img src="/media/abc.jpg" alt="" width="800" height="600" loading="lazy" decoding="async">');
  });

  it('a reference HTML leaves alone in an attribute (`&copy=` in a query) stays as written', () => {
    const html = '<img src="https://cdn.example/a.jpg?a=1&copy=2">';
    expect(bodyImageUrls(html)).toEqual(['https://cdn.example/a.jpg?a=1&copy=2']);
    const media = new Map([['https://cdn.example/a.jpg?a=1&copy=2', { path: '/media/c.jpg', width: null, height: null }]]);
    expect(localMediaOnly(html, media)).toBe('<img src="/media/c.jpg" alt="" loading="lazy" decoding="async">');
  });
});
