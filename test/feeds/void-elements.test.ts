import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/index.ts';

const atom = (xhtml: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>E</title><id>urn:e</id><link href="https://news.example/e"/><updated>2024-03-05T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${xhtml}</div></content></entry></feed>`;

// The HTML standard's void elements are written without an end tag; anything else keeps its own.
describe('XHTML content serialized as HTML', () => {
  it('writes void elements without an end tag', () => {
    const feed = parseFeed(atom('<p>a<br/>b</p><base href="https://news.example/"/><video><source src="v.mp4"/></video>'), { url: 'https://news.example/feed' });
    const html = feed.items[0]!.contentHtml ?? '';
    expect(html).toContain('<br>');
    expect(html).toContain('<source src="https://news.example/v.mp4">');
    expect(html).not.toMatch(/<\/(br|base|source)>/);
  });

  it('keeps an RSS <link> and <source> as text elements', () => {
    const rss = '<rss version="2.0"><channel><title>T</title><link>https://news.example/</link><item><title>I</title><link>https://news.example/i</link><source url="https://wire.example/rss">The Wire</source></item></channel></rss>';
    const feed = parseFeed(rss, { url: 'https://news.example/rss' });
    expect(feed.items[0]!.link).toBe('https://news.example/i');
  });
});
