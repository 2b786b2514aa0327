import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/index.ts';

const rss = (title: string, decl = '') =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>` +
  `<item><title>${title}</title><link>https://news.example/a</link><description>${title}. ${title}.</description></item></channel></rss>`;

// Feeds handed as bytes go through the same decoder as fetched pages (shared/charsets.ts).
describe('parseFeed decodes bytes as fetched pages are decoded', () => {
  it('detects an undeclared legacy Cyrillic feed instead of reading it as windows-1252', () => {
    const title = 'Правительство объявило новый план развития городского транспорта на следующий год';
    const feed = parseFeed(iconv.encode(rss(title), 'windows-1251'), { url: 'https://news.example/feed.xml' });
    expect(feed.title).toBe(title);
  });

  it('honours the XML declaration', () => {
    const feed = parseFeed(iconv.encode(rss('Café déjà', ' encoding="iso-8859-1"'), 'latin1'), { url: 'https://news.example/feed.xml' });
    expect(feed.title).toBe('Café déjà');
  });

  it('lets the HTTP charset win over the declaration', () => {
    const feed = parseFeed(iconv.encode(rss('Café', ' encoding="utf-8"'), 'latin1'), { url: 'https://news.example/feed.xml', contentType: 'application/rss+xml; charset=iso-8859-1' });
    expect(feed.title).toBe('Café');
  });
});
