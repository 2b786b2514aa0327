import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE } from './seed-site.ts';
import { addMember, seedStory, type SeededStory } from './story-seed.ts';

let db: Db;
let app: SiteApp;
let story: SeededStory;
const now = new Date();

beforeAll(async () => {
  db = await openTestDb();
  await seedSite(db, now);
  story = await seedStory(db, now);
  app = createSiteApp({ db, site: SITE });
  await app.start();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = (path: string) => app.fetch(new Request(`http://site.test${path}`));
const doc = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return parseHTML(await res.text()).document;
};
const storyPath = (lang = 'es', id = story.storyId) => `/${lang}/story/${id}`;
const hrefs = (d: Document, selector: string) => [...d.querySelectorAll(selector)].map((a) => a.getAttribute('href'));

describe('the story page', () => {
  it('reads the lead translation and names every outlet with its time, link and role', async () => {
    const d = await doc(storyPath());
    expect(d.querySelector('h1')?.textContent).toBe('Vuelca un ferry frente al muelle norte');
    expect(d.querySelector('.body')?.textContent).toContain('Al menos 12 personas murieron');
    expect(d.querySelector('.kicker')?.textContent).toContain('4 fuentes'); // four outlets, five articles
    const members = [...d.querySelectorAll('.story-sources .members > li')];
    // The near-duplicate is not an entry of its own: it is named under the article it copies.
    expect(members.map((li) => li.querySelector('.outlet')?.textContent)).toEqual(['Harbour Gazette', 'Valley Times', 'Costa Diario', 'Valley Times']);
    expect(members[0]!.querySelector('.role')?.textContent).toBe('traducida aquí');
    expect(members[3]!.querySelector('.role')?.textContent).toBe('actualización');
    expect(members[0]!.querySelector('.also')?.textContent).toContain('También publicada por: Bay Wire');
    for (const key of ['lead', 'second', 'copy', 'spanish', 'update']) expect(hrefs(d, '.story-sources a')).toContain(story.urls.get(key));
    for (const li of members) expect(li.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    // An original in another language is marked as such.
    const spanish = d.querySelector(`.story-sources a[href="${story.urls.get('spanish')}"]`);
    expect(spanish?.getAttribute('lang')).toBe('es');
    // A member with a Spanish page of its own links to it.
    expect(hrefs(d, '.story-sources a')).toContain(story.paths.get('second:es'));
  });

  it('shows the updates as a timeline', async () => {
    const d = await doc(storyPath());
    const items = [...d.querySelectorAll('.timeline li')];
    expect(items).toHaveLength(1);
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe(story.paths.get('update:es'));
    expect(items[0]!.textContent).toContain('Termina el rescate del ferry');
  });

  it('shows where the outlets disagree, from the claims module', async () => {
    const d = await doc(storyPath());
    const table = d.querySelector('.disagreements table');
    expect(table, 'disagreement table').not.toBeNull();
    const killed = [...table!.querySelectorAll('tbody')].find((b) => b.querySelector('th')?.textContent === 'muertos');
    expect(killed, 'a row group for the death toll').toBeDefined();
    const values = [...killed!.querySelectorAll('td.value')].map((td) => td.textContent);
    expect(values.sort()).toEqual(['12', '15']);
    const [twelve, fifteen] = [...killed!.querySelectorAll('tr')].sort((a, b) => a.querySelector('td.value')!.textContent!.localeCompare(b.querySelector('td.value')!.textContent!));
    expect([...twelve!.querySelectorAll('.said a')].map((a) => a.textContent)).toEqual(['Harbour Gazette', 'Bay Wire', 'Costa Diario']);
    // Valley Times said 15 in its report and its update: named once.
    expect([...fifteen!.querySelectorAll('.said a')].map((a) => a.textContent)).toEqual(['Valley Times']);
    expect(fifteen!.querySelector('.said a')?.getAttribute('href')).toBe(story.urls.get('second'));
  });

  it('describes itself as a NewsArticle based on every member', async () => {
    const d = await doc(storyPath());
    const ld = JSON.parse(d.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.url).toBe(`https://news.example${storyPath()}`);
    expect([...ld.isBasedOn].sort()).toEqual([...story.urls.values()].sort());
    expect(new Date(ld.dateModified).getTime()).toBeGreaterThan(new Date(ld.datePublished).getTime());
    expect(d.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`https://news.example${storyPath()}`);
    expect(d.querySelector('meta[name=robots]')).toBeNull();
  });

  it('is right to left in Arabic, read in the Arabic lead', async () => {
    const d = await doc(storyPath('ar'));
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
    expect(d.querySelector('h1')?.textContent).toBe('انقلاب عبّارة قبالة الرصيف الشمالي');
    expect(d.querySelector('.kicker')?.textContent).toContain('4 مصادر');
    const alternates = hrefs(d, 'link[rel=alternate][hreflang]');
    expect(alternates).toEqual(expect.arrayContaining([`https://news.example${storyPath('es')}`, `https://news.example${storyPath('ar')}`]));
  });

  it('redirects a merged story to the story it joined; unknown ids are 404', async () => {
    const moved = await get(storyPath('es', story.mergedId));
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(storyPath('es'));
    for (const path of ['/es/story/987654', '/es/story/abc', '/es/story/0', '/es/story/01', `/es/story/${story.storyId}/x`]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('is 404 in a language it has no page in; a story of one article is not indexed', async () => {
    const [{ id }] = (await db.query<{ id: number }>('INSERT INTO stories DEFAULT VALUES RETURNING id')).rows as [{ id: number }];
    await db.query(`UPDATE articles SET story_id = $1, story_role = 'report' WHERE content_hash = 'comet'`, [id]);
    expect((await get(storyPath('ar', id))).status).toBe(404); // the comet story is in Spanish only
    const d = await doc(storyPath('es', id));
    expect(d.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    expect(d.querySelector('.disagreements')).toBeNull();
    expect(d.querySelector('.timeline')).toBeNull();
  });
});

describe('stories on the rest of the site', () => {
  it('an article links to its story when others told it too; a lone one does not', async () => {
    const d = await doc(story.paths.get('second:es')!);
    const link = d.querySelector('.story-link a');
    expect(link?.getAttribute('href')).toBe(storyPath());
    expect(link?.textContent).toBe('4 fuentes · ver la cobertura');
    const [port] = (await db.query<{ path: string }>(`SELECT p.path FROM publications p JOIN articles a ON a.id = p.article_id WHERE a.content_hash = 'port' AND p.lang = 'es'`)).rows;
    expect((await doc(port!.path)).querySelector('.story-link')).toBeNull();
  });

  it('the home page shows the story once, by its lead, with its sources', async () => {
    const d = await doc('/es/');
    const cards = hrefs(d, 'main .card h2 a, main .card h3 a, main .lead h2 a');
    expect(cards).toContain(story.paths.get('lead:es'));
    expect(cards).not.toContain(story.paths.get('second:es'));
    expect(cards).not.toContain(story.paths.get('update:es'));
    const card = [...d.querySelectorAll('main .card, main .lead')].find((c) => c.querySelector(`a[href="${story.paths.get('lead:es')}"]`));
    expect(card?.querySelector('a.sources')?.getAttribute('href')).toBe(storyPath());
    expect(card?.querySelector('a.sources')?.textContent).toBe('4 fuentes');
    // An outlet's page still lists each of its own articles.
    const outlet = await doc('/es/source/valley-times');
    expect(hrefs(outlet, 'main .card a')).toEqual(expect.arrayContaining([story.paths.get('second:es'), story.paths.get('update:es')]));
  });

  it('feeds carry one item per story, modified when its newest member came', async () => {
    const json = (await (await get('/es/feed.json')).json()) as { items: Array<{ url: string; date_modified: string; date_published: string; content_html: string }> };
    const urls = json.items.map((i) => new URL(i.url).pathname);
    expect(urls.filter((u) => [story.paths.get('lead:es'), story.paths.get('second:es'), story.paths.get('update:es')].includes(u))).toEqual([story.paths.get('lead:es')]);
    const item = json.items.find((i) => new URL(i.url).pathname === story.paths.get('lead:es'))!;
    expect(new Date(item.date_modified).getTime()).toBeGreaterThan(new Date(item.date_published).getTime() + 60 * 60_000);
    expect(item.content_html).toContain(`https://news.example${storyPath()}`);
    const atom = await (await get('/es/atom.xml')).text();
    expect(atom.split(story.paths.get('second:es')!).length).toBe(1);
    const rss = await (await get('/es/feed.xml')).text();
    expect(rss.split(`<link>https://news.example${story.paths.get('lead:es')}</link>`).length).toBe(2);
  });

  it('the sitemap lists the story page with its languages', async () => {
    const xml = await (await get('/es/sitemap.xml')).text();
    expect(xml).toContain(`<loc>https://news.example${storyPath()}</loc>`);
    expect(xml).toContain(`hreflang="ar" href="https://news.example${storyPath('ar')}"`);
    expect(xml).not.toContain(`/es/story/${story.loneId}<`);
  });

  it('a story page changes when a member joins', async () => {
    const before = await (await get(storyPath())).text();
    expect(before).not.toContain('Isla Press');
    await addMember(db, story.storyId, {
      key: 'late', source: 'Isla Press', url: 'https://isla-press.example/ferry', lang: 'en', minutesAgo: 5, role: 'duplicate', duplicateOf: 'lead',
      title: 'Ferry capsizes', text: 'A passenger ferry capsized off the north pier on Monday.',
    }, now, { articles: story.articles, paths: story.paths, sourceIds: new Map() });
    await createRenderSiteHandler({ db, site: SITE })({ lang: 'es', storyId: story.storyId, reason: 'story' });
    await app.refresh();
    const after = parseHTML(await (await get(storyPath())).text()).document;
    expect(after.querySelector('.story-sources')?.textContent).toContain('Isla Press');
    expect(after.querySelector('.kicker')?.textContent).toContain('5 fuentes');
    const arabic = parseHTML(await (await get(storyPath('ar'))).text()).document;
    expect(arabic.querySelector('.story-sources')?.textContent).toContain('Isla Press');
    const home = await doc('/es/');
    expect(home.querySelector(`main a.sources[href="${storyPath()}"]`)?.textContent).toBe('5 fuentes');
  });
});
