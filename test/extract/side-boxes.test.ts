import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

const para = (n: number): string => `<p>Paragraph ${n} of the story: the trail climbs for two hours through pine forest before it reaches the ridge, and the views open onto the plains to the east.</p>`;

/** Gallery and teaser boxes are told by their content, not by a class word alone. */
describe('side boxes', () => {
  it('a page-wide wrapper whose class names a lightbox or slider feature is not a gallery', () => {
    // (A theme's `penci-enable-lightbox` on the page wrapper made a blog post's author bio part of
    // the story on the extraction benchmark.) Class words alone change nothing.
    const page = (cls: string): string => `<html><body><div class="${cls}"><h1>Hiking the Flatirons</h1><div class="post-entry">${para(1)}<figure><img src="/a.jpg" alt=""></figure>${para(2)}${para(3)}<figure><img src="/b.jpg" alt=""></figure>${para(4)}<figure><img src="/c.jpg" alt=""></figure></div></div><div class="more"><h3><a href="/other">Another hike</a></h3><p>A teaser paragraph for a different story about the coast and its lighthouses, long enough to count for something.</p></div></body></html>`;
    const plain = extractArticle(page('container'), 'https://hikes.example/2014/09/flatirons');
    for (const cls of ['container enable-lightbox', 'container has-slider', 'container lightbox carousel']) {
      expect(extractArticle(page(cls), 'https://hikes.example/2014/09/flatirons').text).toBe(plain.text);
    }
    expect(plain.text.split('\n\n')).toHaveLength(4);
  });

  it('a linked subheading inside the story does not make the story a teaser', () => {
    const html = `<html><body><article><h1>Hiking the Flatirons</h1><div class="body">${para(1)}${para(2)}<h2><a href="/guides/boulder">Where to park in Boulder</a></h2>${para(3)}${para(4)}</div></article><div class="teaser"><h2><a href="/other">Another hike</a></h2><p>A long teaser paragraph for a different story that is not the one on this page, about the coast and its many lighthouses, with enough text to matter.</p></div></body></html>`;
    const a = extractArticle(html, 'https://hikes.example/2014/09/flatirons');
    expect(a.text).toContain('Paragraph 4');
    expect(a.text).not.toContain('lighthouses');
  });
});
