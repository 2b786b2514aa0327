import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { expectAccessibleAndFitting, launchChromium, screenshot, WIDTHS } from '../helpers/browser.ts';
import { openTestDb, seedSite, SITE } from '../web/seed-site.ts';
import { seedStory, type SeededStory } from '../web/story-seed.ts';

let db: Db;
let story: SeededStory;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  db = await openTestDb();
  await seedSite(db);
  story = await seedStory(db);
  server = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0 });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

/** Opens `path` in real Chromium: no CSP violation, no request elsewhere, accessible, no sideways scroll. */
async function check(name: string, path: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) problems.push(`offsite ${r.url()}`); });
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  expect(res?.status(), `${name} status`).toBe(200);
  expect(problems, `${name}: CSP violations or third-party requests`).toEqual([]);
  await expectAccessibleAndFitting(page, `${name} (${colorScheme})`, width);
  await screenshot(page, `${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}`);
  return page;
}

describe.each(WIDTHS)('story pages at %i px', (width) => {
  it.each(['light', 'dark'] as const)('the story, left to right (%s)', async (scheme) => {
    const page = await check('story-es', `/es/story/${story.storyId}`, width, scheme);
    // The disagreement table fits the column: its cells wrap rather than push the page sideways.
    const table = (await page.locator('.disagreements table').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(width);
    expect(await page.locator('.members > li').count()).toBe(4);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('the story, right to left (%s)', async (scheme) => {
    const page = await check('story-ar', `/ar/story/${story.storyId}`, width, scheme);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    // The timeline's rule is on the inline start: the right edge in Arabic.
    const rule = await page.locator('.timeline').evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
    expect(rule).toEqual(['2px', '0px']);
    await page.context().close();
  });

  it('the home page with a story card', async () => {
    const page = await check('home-stories', '/es/', width, 'light');
    expect(await page.locator(`main a.sources[href="/es/story/${story.storyId}"]`).count()).toBe(1);
    await page.context().close();
  });
});
