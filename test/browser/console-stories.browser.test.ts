import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/admin/auth/password.ts';
import { mountConsole } from '../../src/admin/mount-console.ts';
import type { Db } from '../../src/store/db.ts';
import { insertUser } from '../../src/store/users.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { editorialHarness, testConfig, type EditorialHarness } from '../admin/editorial-context.ts';
import { expectAccessibleAndFitting, launchChromium, screenshot, WIDTHS } from '../helpers/browser.ts';
import { logInToConsole } from '../helpers/console-login.ts';
import { openTestDb, seedSite } from '../web/seed-site.ts';
import { seedStory, type SeededStory } from '../web/story-seed.ts';

// Issue 12: the console's story screens as an editor meets them in Chromium — the list and one
// story, accessible and fitting at 375 and 1280 px — a split done by ticking a box and a merge by
// typing an id, and the public page of the story split off, in Spanish and in Arabic (RTL), with
// its dated "split from" note. Screenshots go to artifacts/screenshots/ for a person to look at.

const PASSWORD = 'correct horse battery staple 42';
let db: Db;
let h: EditorialHarness;
let story: SeededStory;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;
let splitOff = 0;

beforeAll(async () => {
  browser = await launchChromium();
  db = await openTestDb();
  h = editorialHarness(db, testConfig({ site: { name: 'Transwire Test', baseUrl: 'http://127.0.0.1', languages: ['es', 'ar'] } }));
  await seedSite(db);
  story = await seedStory(db);
  // The second report gets an Arabic page too, so the story split off with it can be read in Arabic.
  const second = story.articles.get('second')!;
  const tr = await db.query<{ id: number }>(
    `INSERT INTO translations (article_id, lang, title, excerpt, html, text, engine, engine_version, checks, verdict, status)
     VALUES ($1, 'ar', 'كارثة العبّارة عند الرصيف الشمالي', 'مقتل 15 راكبًا.', '<p>انقلبت عبّارة قرب الرصيف الشمالي.</p>', 'انقلبت عبّارة قرب الرصيف الشمالي.', 'apertium', '1', '{"ok":true,"findings":[]}', 'publish', 'published') RETURNING id`,
    [second],
  );
  await db.query(`INSERT INTO publications (translation_id, article_id, lang, path, published_at) VALUES ($1, $2, 'ar', '/ar/2026/11/karitha', now())`, [tr.rows[0]!.id, second]);
  await insertUser(db, { email: 'ed@newsroom.example', role: 'editor', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false });
  server = await startWebServer({ db, site: h.services.site, host: '127.0.0.1', port: 0, routes: mountConsole({ services: h.services }) });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
  await db?.close();
});

async function logIn(width: number): Promise<Page> {
  return (await logInToConsole(browser, server.url, { email: 'ed@newsroom.example', password: PASSWORD }, width)).page;
}

describe.each(WIDTHS)('the story screens at %i px', (width) => {
  it('the list and one story pass axe without sideways scrolling', async () => {
    const page = await logIn(width);
    await page.goto(`${server.url}/admin/stories`);
    expect(await page.locator(`table.stories a[href="/admin/stories/${story.storyId}"]`).textContent()).toBe('Vuelca un ferry frente al muelle norte');
    await expectAccessibleAndFitting(page, 'console-stories', width);
    await screenshot(page, `console-stories-${width}`);
    await page.click(`a[href="/admin/stories/${story.storyId}"]`);
    expect(await page.locator('table.members tbody tr').count()).toBe(5);
    expect(await page.locator('.facts a[hreflang]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/es/story/${story.storyId}`, `/ar/story/${story.storyId}`]);
    await expectAccessibleAndFitting(page, 'console-story', width);
    await screenshot(page, `console-story-${width}`);
    await page.context().close();
  }, 180_000);
});

it('an editor makes a member the lead, then ticks a member and splits it off', async () => {
  const page = await logIn(1280);
  await page.goto(`${server.url}/admin/stories/${story.storyId}`);
  await Promise.all([page.waitForNavigation(), page.click(`button[formaction$="/lead"][value="${story.articles.get('update')}"]`)]);
  expect(await page.locator('.done').textContent()).toContain('Lead picked');
  expect(await page.locator('table.leads tbody tr').first().textContent()).toContain('picked by ed@newsroom.example');
  await page.check(`input[name="articleIds"][value="${story.articles.get('second')}"]`);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Split the ticked members off")')]);
  const notice = page.locator('.done');
  expect(await notice.textContent()).toContain('Split: the chosen members are now story #');
  splitOff = Number(/\/admin\/stories\/(\d+)/.exec((await notice.locator('a').getAttribute('href'))!)![1]);
  await Promise.all([page.waitForNavigation(), notice.locator('a').click()]);
  expect(await page.locator('.facts').textContent()).toContain(`Split from`);
  expect(await page.locator('table.members tbody tr').count()).toBe(1);
  await expectAccessibleAndFitting(page, 'console-story-split', 1280);
  await screenshot(page, 'console-story-split-1280');
  await page.context().close();
}, 180_000);

describe.each(WIDTHS)('the public page of the story split off at %i px', (width) => {
  it.each([['es', 'Separada de la cobertura'], ['ar', 'انفصلت عن القصة']] as const)('%s: a dated note links to the story it came from', async (lang, words) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const res = await page.goto(`${server.url}/${lang}/story/${splitOff}`);
    expect(res?.status()).toBe(200);
    const note = page.locator('.story-split');
    expect(await note.textContent()).toContain(words);
    expect(await note.locator('a').getAttribute('href')).toBe(`/${lang}/story/${story.storyId}`);
    if (lang === 'ar') expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await expectAccessibleAndFitting(page, `story-split-${lang}`, width);
    await screenshot(page, `story-split-${lang}-${width}`);
    await context.close();
  }, 120_000);
});

it('merging the split-off story back: its id then leads to the story it joined', async () => {
  const page = await logIn(375);
  await page.goto(`${server.url}/admin/stories/${story.storyId}`);
  await page.fill('#merge-from', String(splitOff));
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Merge into this story")')]);
  expect(await page.locator('.done').textContent()).toContain(`Story #${splitOff} merged into this one`);
  expect(await page.locator('table.members tbody tr').count()).toBe(5);
  await page.goto(`${server.url}/admin/stories/${splitOff}`);
  expect(new URL(page.url()).pathname).toBe(`/admin/stories/${story.storyId}`);
  expect(await page.locator('.done').textContent()).toContain(`Story #${splitOff} was merged into this one`);
  await expectAccessibleAndFitting(page, 'console-story-merged', 375);
  await screenshot(page, 'console-story-merged-375');
  await page.context().close();
}, 180_000);
