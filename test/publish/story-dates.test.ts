import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { buildPage } from '../../src/web/build-page.ts';
import { openTestDb, seedSite, SITE, type Seeded } from '../web/seed-site.ts';

/**
 * Lists sort and date stories by the source's publication time (ours only where the source gives
 * none), the same on cards, article pages, feeds and sitemaps. The fixture's stories were
 * published by their sources 2, 5, 30 and 80 hours ago; here we published the oldest one last
 * (a late fetch), the case where the home page put the oldest story first.
 */
let db: Db;
let seeded: Seeded;
const now = new Date();
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db, now);
  await db.query('UPDATE publications SET published_at = $1 WHERE id = $2', [hoursAgo(0.1), seeded.pubs.get('rain:es')!.id]);
  // A source with no date: dated by our publication (1 hour ago).
  await db.query(`UPDATE articles SET published_at = NULL WHERE url LIKE '%bridge%'`);
  await db.query('UPDATE publications SET published_at = $1 WHERE id = $2', [hoursAgo(1), seeded.pubs.get('bridge:es')!.id]);
  // A source dated in the future (a wrong clock or time zone) is capped at our publication time.
  await db.query(`UPDATE articles SET published_at = $1 WHERE url LIKE '%comet%'`, [new Date(now.getTime() + 48 * 3600_000)]);
  await db.query('UPDATE publications SET published_at = $1 WHERE id = $2', [hoursAgo(4), seeded.pubs.get('comet:es')!.id]);
}, 60_000);
afterAll(async () => db?.close());

const render = async (path: string) => (await buildPage(db, SITE, path, now))!.body;
const pathOf = (key: string) => seeded.pubs.get(`${key}:es`)!.path;
const iso = (d: Date) => d.toISOString();
/** The expected date of each story: the source's, ours where it has none, capped at ours. */
const expected = () => ({ port: hoursAgo(2), bridge: hoursAgo(1), comet: hoursAgo(4), rain: hoursAgo(80) });

describe('stories are sorted and dated by the source’s publication time', () => {
  it('the home page: newest at the source first, each card dated so', async () => {
    const d = parseHTML(await render('/es/')).document;
    const cards = [...d.querySelectorAll('main .card, main .lead')].slice(0, 4);
    const paths = cards.map((c) => c.querySelector('h2 a, h3 a')!.getAttribute('href'));
    expect(paths).toEqual([pathOf('bridge'), pathOf('port'), pathOf('comet'), pathOf('rain')]);
    const times = cards.map((c) => c.querySelector('.meta time')!.getAttribute('datetime'));
    const e = expected();
    expect(times).toEqual([iso(e.bridge), iso(e.port), iso(e.comet), iso(e.rain)]);
  });

  it('the topic page in the same order', async () => {
    const d = parseHTML(await render('/es/topic/science')).document;
    expect([...d.querySelectorAll('main .card h2 a')].map((a) => a.getAttribute('href'))).toEqual([pathOf('comet'), pathOf('rain')]);
  });

  it('the article page dates the story as its card does', async () => {
    const d = parseHTML(await render(pathOf('rain'))).document;
    expect(d.querySelector('.byline time')!.getAttribute('datetime')).toBe(iso(expected().rain));
    const ld = JSON.parse(d.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.datePublished).toBe(iso(expected().rain));
  });

  it('RSS, Atom and JSON Feed: same order, same dates', async () => {
    const e = expected();
    const order = [pathOf('bridge'), pathOf('port'), pathOf('comet'), pathOf('rain')].map((p) => `https://news.example${p}`);
    const rss = await render('/es/feed.xml');
    expect([...rss.matchAll(/<link>([^<]+)<\/link>\n<guid/g)].map((m) => m[1])).toEqual(order);
    expect([...rss.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => m[1])).toEqual([e.bridge, e.port, e.comet, e.rain].map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000).toUTCString()));
    const atom = await render('/es/atom.xml');
    expect([...atom.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1])).toEqual([e.bridge, e.port, e.comet, e.rain].map(iso));
    const json = JSON.parse(await render('/es/feed.json')) as { items: { url: string; date_published: string }[] };
    expect(json.items.map((i) => [i.url, i.date_published])).toEqual(order.map((u, i) => [u, iso([e.bridge, e.port, e.comet, e.rain][i]!)]));
  });

  it('the news sitemap holds the stories the source published in the last 48 hours, with their date', async () => {
    const xml = await render('/es/news-sitemap.xml');
    // The 80-hour-old story we published a minute ago is old news: not in it.
    expect(xml).not.toContain(pathOf('rain'));
    const e = expected();
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>.*?<news:publication_date>([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      [`https://news.example${pathOf('bridge')}`, iso(e.bridge)],
      [`https://news.example${pathOf('port')}`, iso(e.port)],
      [`https://news.example${pathOf('comet')}`, iso(e.comet)],
    ]);
    const sitemap = await render('/es/sitemap.xml');
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).slice(1)).toEqual(
      [pathOf('bridge'), pathOf('port'), pathOf('comet'), pathOf('rain')].map((p) => `https://news.example${p}`),
    );
  });

  it('more to read at the end of an article: the same topic first, then the latest news, newest first', async () => {
    const d = parseHTML(await render(pathOf('port'))).document;
    const sections = [...d.querySelectorAll('section.read-next')];
    expect(sections.map((s) => [...s.querySelectorAll('h3 a')].map((a) => a.getAttribute('href')))).toEqual([
      [pathOf('bridge')],
      [pathOf('comet'), pathOf('rain')],
    ]);
  });
});
